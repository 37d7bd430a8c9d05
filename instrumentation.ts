// Runs once when a Next.js server starts. On the Node.js runtime it starts this node's background work:
// the retention sweep (lib/applications/retention.ts), safe to run on every node at once.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startRetentionTimer } = await import("@/lib/applications/retention");
  startRetentionTimer();
}
