// ─── RISKY FILE: the audit trail ───────────────────────────────────────────────────────────────────
// Every state change calls this with the SAME transaction client as the change itself, so a change and
// its audit event commit or roll back together (docs/decisions/0005-audit-in-transaction.md).
// `data` must hold ids, states and amounts only — never names, phones, statements or emails.
// The table is append-only (a database trigger refuses UPDATE/DELETE).
import "server-only";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

export type AuditInput = {
  actorId: string | null;
  action: string; // "<entity>.<verb>", e.g. "membership.granted"
  entityType: string;
  entityId: string;
  data?: Record<string, string | number | boolean | null | string[]>;
};

export async function recordAuditEvent(tx: Tx, e: AuditInput) {
  return tx.auditEvent.create({
    data: { actorId: e.actorId, action: e.action, entityType: e.entityType, entityId: e.entityId, data: (e.data ?? {}) as Prisma.InputJsonValue },
    select: { id: true, seq: true },
  });
}
