// The audit list for admins, page by page: every recorded action with who did it, newest first, with a
// cursor on the audit sequence; filters by who, by case (its own events and those naming it, e.g. a
// payout's) and by day. Non-personal details only: the audit rows never hold names or statements.
import "server-only";
import { containsPattern, dayStart } from "@/lib/audit/rules";
import type { LogFilter } from "@/lib/audit/schemas";
import type { ChainReport } from "@/lib/audit/verify";
import { CHAIN_VERIFIED } from "@/lib/audit/verify-audit-chain-now";
import { assertCan, type Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";

/**
 * The conditions both logs share, on an audit event aliased `e`: who (part of an email or username), from
 * and to (days), and the cursor (`after`: events older than that sequence number).
 */
export function logFilterConditions(filter: LogFilter): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (filter.who) {
    const p = containsPattern(filter.who);
    where.push(Prisma.sql`e."actorId" IN (SELECT id FROM "User" WHERE lower(email) LIKE ${p} OR lower(username) LIKE ${p})`);
  }
  if (filter.from) where.push(Prisma.sql`e."createdAt" >= ${dayStart(filter.from)}`);
  if (filter.to) where.push(Prisma.sql`e."createdAt" < ${dayStart(filter.to, undefined, 1)}`);
  if (filter.after) where.push(Prisma.sql`e.seq < ${BigInt(filter.after)}`);
  return where;
}

export type AuditRow = { seq: string; when: Date; who: string | null; action: string; entityType: string; entity: string };

type Row = {
  seq: bigint;
  action: string;
  entityType: string;
  entityId: string;
  createdAt: Date;
  email: string | null;
  username: string | null;
  actorId: string | null;
  referenceCode: string | null;
};

export async function auditEventsPage(
  actor: Actor,
  filter: LogFilter & { take?: number } = {},
): Promise<{ rows: AuditRow[]; next: string | null }> {
  assertCan(actor, "audit:read:any");
  const take = Math.min(Math.max(filter.take ?? 50, 1), 200);
  const where: Prisma.Sql[] = [Prisma.sql`true`];
  if (filter.case) {
    where.push(Prisma.sql`(e."entityId" IN (SELECT id FROM "Application" WHERE "referenceCode" = ${filter.case})
      OR e.data->>'applicationId' IN (SELECT id FROM "Application" WHERE "referenceCode" = ${filter.case}))`);
  }
  where.push(...logFilterConditions(filter));
  const rows = await db().$queryRaw<Row[]>`
    SELECT e.seq, e.action, e."entityType", e."entityId", e."createdAt", e."actorId", u.email, u.username,
           CASE WHEN e."entityType" = 'Application' THEN (SELECT "referenceCode" FROM "Application" WHERE id = e."entityId") END AS "referenceCode"
    FROM "AuditEvent" e
    LEFT JOIN "User" u ON u.id = e."actorId"
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY e.seq DESC
    LIMIT ${take + 1}`;
  const page = rows.slice(0, take);
  return {
    rows: page.map((r) => ({
      seq: r.seq.toString(),
      when: r.createdAt,
      // null: done by the system (retention sweep, expiry), not by a person.
      who: r.actorId ? (r.email ?? r.username ?? "—") : null,
      action: r.action,
      entityType: r.entityType,
      entity: r.referenceCode ?? r.entityId,
    })),
    next: rows.length > take ? page[page.length - 1]!.seq.toString() : null,
  };
}

export type ChainCheck = { at: Date; report: ChainReport };

/** The last on-demand check of the audit chain (verifyAuditChainNow), or null when none was run yet. */
export async function lastChainCheck(actor: Actor): Promise<ChainCheck | null> {
  assertCan(actor, "audit:read:any");
  const e = await db().auditEvent.findFirst({
    where: { action: CHAIN_VERIFIED, entityType: "AuditChain" },
    orderBy: { seq: "desc" },
    select: { createdAt: true, data: true },
  });
  if (!e) return null;
  const d = (e.data ?? {}) as Record<string, unknown>;
  const num = (v: unknown) => (typeof v === "number" ? v : null);
  const str = (v: unknown) => (typeof v === "string" ? v : null);
  const report: ChainReport =
    d.ok === true
      ? { ok: true, links: num(d.links) ?? 0, head: str(d.head) ?? "" }
      : {
          ok: false,
          links: num(d.links) ?? 0,
          stripe: num(d.stripe),
          brokenAt: num(d.brokenAt),
          eventId: str(d.eventId),
          reason: (str(d.reason) ?? "hash_mismatch") as Extract<ChainReport, { ok: false }>["reason"],
        };
  return { at: e.createdAt, report };
}
