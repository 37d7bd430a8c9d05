// Runs once when a Next.js server starts, before it serves anything. A production build refuses to start
// unless it runs behind the app server (lib/security/app-server-mark.mjs, ADR 0022 amended): under a bare
// `next start` nothing removes the marks a client could forge to skip the proxy's CSRF check. Then, on the
// Node.js runtime, it starts this node's background work: the retention sweep
// (lib/applications/retention.ts), safe to run on every node at once, and the watcher of the emergency lock.
export async function register() {
  // NEXT_RUNTIME is set by Next.js itself (not configuration), so it is read here, not through lib/env.ts.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // NODE_ENV here is the build's: Next.js writes "production" into a production build when it compiles it,
  // whatever NODE_ENV the process is later started with.
  // eslint-disable-next-line no-restricted-properties
  const production = process.env.NODE_ENV === "production";
  const { refuseToStartWithoutAppServer } = await import("@/lib/security/app-server-mark.mjs");
  refuseToStartWithoutAppServer(production);
  const { startRetentionTimer } = await import("@/lib/applications/retention");
  startRetentionTimer();
  // The audit chain's daily published anchor (lib/audit/publish-anchor.ts): one node publishes, under a lock.
  const { startAuditAnchorTimer } = await import("@/lib/audit/publish-anchor");
  startAuditAnchorTimer();
  // The emergency lock reaches every node within seconds (lib/crypto/emergency-lock.ts).
  const { startLockWatcher } = await import("@/lib/crypto/emergency-lock");
  startLockWatcher();
  // Staff texts written before they were sealed under their case's key (lib/crypto/seal-legacy-text.ts).
  const { sealLegacyCaseTexts } = await import("@/lib/crypto/seal-legacy-text");
  setTimeout(() => void sealLegacyCaseTexts().catch(() => undefined), 2_000).unref();
}
