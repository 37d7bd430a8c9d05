// ─── RISKY FILE: the audit trail ───────────────────────────────────────────────────────────────────
// Every state change calls this with the SAME transaction client as the change itself, so a change and
// its audit event commit or roll back together (docs/decisions/0005-audit-in-transaction.md).
// `data` must hold ids, states and amounts only — never names, phones, statements or emails.
// The table is append-only (a database trigger refuses UPDATE/DELETE) and the database links every new
// row into the hash chain (ADR 0014): this file is the one definition of the row that is inserted, for
// recordAuditEvent and for the write statements that record their own event (the submission, ADR 0019).
import "server-only";
import crypto from "node:crypto";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";

type Value = string | number | boolean | null | string[];

export type AuditInput = {
  actorId: string | null;
  action: string; // "<entity>.<verb>", e.g. "membership.granted"
  entityType: string;
  entityId: string;
  data?: Record<string, Value>;
};

/** As AuditInput, where the entity id and entries of `data` may be SQL expressions over the statement's own rows. */
export type AuditSqlInput = Omit<AuditInput, "entityId" | "data"> & {
  entityId: string | Prisma.Sql;
  data?: Record<string, Value | Prisma.Sql>;
};

const param = (v: string | Prisma.Sql) => (v instanceof Prisma.Sql ? v : Prisma.sql`${v}::text`);

/**
 * The INSERT of one audit event (`RETURNING id, seq`). `from`: for a CTE of a write statement, the rows
 * (e.g. the CTE that updated the case) the event is recorded for — one event per row, none when the
 * statement changed nothing; `entityId` and `data` may then read from them. Plain `data` values go as one
 * JSON parameter; SQL expressions are added with `jsonb_build_object` (a jsonb object's keys are stored
 * sorted, so the row, and its link in the chain, is the same as if all were plain values).
 */
export function auditEventInsert(e: AuditSqlInput, from?: Prisma.Sql): Prisma.Sql {
  const plain: Record<string, Value> = {};
  const computed: Prisma.Sql[] = [];
  for (const [k, v] of Object.entries(e.data ?? {})) {
    if (v instanceof Prisma.Sql) computed.push(Prisma.sql`${k}::text, ${v}`);
    else if (v !== undefined) plain[k] = v;
  }
  const data =
    computed.length > 0
      ? Prisma.sql`${JSON.stringify(plain)}::jsonb || jsonb_build_object(${Prisma.join(computed)})`
      : Prisma.sql`${JSON.stringify(plain)}::jsonb`;
  return Prisma.sql`INSERT INTO "AuditEvent" (id, "actorId", action, "entityType", "entityId", data, "createdAt", "updatedAt")
        SELECT ${crypto.randomUUID()}::text, ${e.actorId}::text, ${e.action}::text, ${e.entityType}::text, ${param(e.entityId)}, ${data}, now(), now()${from ? Prisma.sql` FROM ${from}` : Prisma.empty}
        RETURNING id, seq`;
}

export async function recordAuditEvent(tx: Tx, e: AuditInput): Promise<{ id: string; seq: bigint }> {
  const [row] = await tx.$queryRaw<{ id: string; seq: bigint }[]>(auditEventInsert(e));
  return row!;
}
