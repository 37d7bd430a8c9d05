// Where the offline page keeps its draft (encrypted under the applicant's PIN; docs/decisions/0046-sealed-
// applications.md). Quick exit erases it (components/layout/quick-exit.tsx). Client-safe.
export const OFFLINE_DRAFT_KEY = "padtrymka.offline.draft";
