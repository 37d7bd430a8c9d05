// An admin's check of the audit log's hash chains, on demand (docs/decisions/0050-audit-chain-check-on-demand.md):
// the whole log is recomputed in Node (lib/audit/verify.ts), which grows with the log, so it runs when an
// admin asks, not on every view of the admin page. The result is recorded as an audit event
// ("audit.chain_verified", ids, counts and hashes only), which is where the page reads the last result.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { verifyAuditChain, type ChainReport } from "@/lib/audit/verify";
import { assertCan, type Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";

export const CHAIN_VERIFIED = "audit.chain_verified";

export async function verifyAuditChainNow(actor: Actor): Promise<ChainReport> {
  assertCan(actor, "audit:read:any");
  const report = await verifyAuditChain((sql, params) => db().$queryRawUnsafe<Record<string, unknown>[]>(sql, ...params));
  // The event is linked into the chain when it commits: the next check covers it too.
  await db().$transaction((tx) =>
    recordAuditEvent(tx, { actorId: actor.userId, action: CHAIN_VERIFIED, entityType: "AuditChain", entityId: "chain", data: report }),
  );
  return report;
}
