// Fraud signals on a case (docs/decisions/0015-review-completion.md): facts read from the database turned
// into labelled signals, each with a level and a reason. They inform reviewers; nothing is rejected
// automatically (a shared phone may be a family, a high amount may be a real academy debt).

export type SignalFacts = {
  /** Other cases whose blind index (phone, or legal name + birth date) matches this one's. */
  duplicateRefs: string[];
  /** Whether the reviewer may see which cases those are (only after revealing this case's identity). */
  duplicateRefsShown?: boolean;
  /** Other cases paid, or to be paid, to the same payout details (keyed hash, never decrypted). */
  sharedPayoutRefs: string[];
  /** Submitted cases of this applicant's account, this one included, across funds. */
  accountCases: number;
  /** Earlier cases of this account that were rejected. */
  rejectedBefore: number;
  requestedMinor: number | null;
  /** The fund's 95th percentile of requested amounts, when it has enough cases to say (see MIN_CASES_FOR_P95). */
  fundP95Minor: number | null;
};

export type SignalKey =
  | "duplicate_identity"
  | "duplicate_identity_hidden"
  | "shared_payout_details"
  | "many_cases_one_account"
  | "rejected_before"
  | "amount_above_usual";
export type Signal = { key: SignalKey; level: "warning" | "info"; values: Record<string, string | number> };

export const MANY_CASES = 3;
export const MIN_CASES_FOR_P95 = 20;

export function signalsFrom(f: SignalFacts): Signal[] {
  const out: Signal[] = [];
  // Which cases match a phone or a name is itself identifying (it links a pseudonymous case to a known phone):
  // named only to a reviewer who revealed this case's identity, with a recorded reason; otherwise counted.
  if (f.duplicateRefs.length > 0) {
    out.push(
      f.duplicateRefsShown === false
        ? { key: "duplicate_identity_hidden", level: "warning", values: { count: f.duplicateRefs.length } }
        : { key: "duplicate_identity", level: "warning", values: { refs: f.duplicateRefs.join(", "), count: f.duplicateRefs.length } },
    );
  }
  if (f.sharedPayoutRefs.length > 0)
    out.push({
      key: "shared_payout_details",
      level: "warning",
      values: { refs: f.sharedPayoutRefs.join(", "), count: f.sharedPayoutRefs.length },
    });
  if (f.accountCases >= MANY_CASES) out.push({ key: "many_cases_one_account", level: "info", values: { count: f.accountCases } });
  if (f.rejectedBefore > 0) out.push({ key: "rejected_before", level: "info", values: { count: f.rejectedBefore } });
  if (f.requestedMinor !== null && f.fundP95Minor !== null && f.requestedMinor > f.fundP95Minor)
    out.push({ key: "amount_above_usual", level: "info", values: { p95: f.fundP95Minor } });
  return out;
}

/** Payout details compared without formatting: "BY12 ALFA 3014-…" and "by12alfa3014…" are the same account. */
export const normalisePayoutDetails = (details: string) =>
  details
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@]/gu, "");

/** Nearest-rank 95th percentile of a sorted list (null below MIN_CASES_FOR_P95 values). */
export function p95(sorted: readonly number[]): number | null {
  if (sorted.length < MIN_CASES_FOR_P95) return null;
  return sorted[Math.ceil(0.95 * sorted.length) - 1]!;
}
