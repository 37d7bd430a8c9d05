// The access log, read page by page: who opened which case, revealed which identity, downloaded which
// file or exported which case (docs/decisions/0010-access-log.md, 0041). Admins read all of it; fund
// managers read it for their organisations' funds only. One statement per page, scoped in SQL (no list
// of every case id of a fund), newest first, with a cursor on the audit sequence: page 1,000 is as quick
// as page 1. Filters: who (part of an email or username), which case (reference code), when (days).
import "server-only";
import { logFilterConditions } from "@/lib/audit/queries";
import type { LogFilter } from "@/lib/audit/schemas";
import { assertCan, orgsWithRole, rolesOf, type Actor } from "@/lib/authz/actor";
import { can } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { loadCaseKeys } from "@/lib/crypto/case-keys";
import { openCaseText } from "@/lib/crypto/case-text";

export const ACCESS_ACTIONS = [
  "case.opened",
  "identity.revealed",
  "evidence.downloaded",
  "identity.reveal_requested",
  "identity.reveal_confirmed",
  "identity.reveal_refused",
  "identity.exported",
];

export type AccessLogRow = { seq: string; when: Date; who: string; action: string; reference: string; reason: string | null };
export type AccessLogScope = { fundId?: string; applicationId?: string; actorId?: string };

type Row = {
  seq: bigint;
  action: string;
  entityId: string;
  createdAt: Date;
  data: unknown;
  email: string | null;
  username: string | null;
  referenceCode: string | null;
};

/** A page of the access log (newest first) and the cursor of the next page, if there is one. */
export async function accessLogPage(
  actor: Actor,
  filter: LogFilter & AccessLogScope & { take?: number } = {},
): Promise<{ rows: AccessLogRow[]; next: string | null }> {
  const roles = rolesOf(actor);
  const all = can(roles, "audit:read:any");
  if (!all) assertCan(actor, "access-log:read:org");
  const take = Math.min(Math.max(filter.take ?? 50, 1), 200);
  const where: Prisma.Sql[] = [Prisma.sql`e."entityType" = 'Application'`, Prisma.sql`e.action IN (${Prisma.join(ACCESS_ACTIONS)})`];
  if (!all) {
    const orgs = orgsWithRole(actor, "FUND_MANAGER");
    if (orgs.length === 0) return { rows: [], next: null };
    where.push(Prisma.sql`f."organisationId" IN (${Prisma.join(orgs)})`);
  }
  if (filter.fundId) where.push(Prisma.sql`a."fundId" = ${filter.fundId}`);
  if (filter.applicationId) where.push(Prisma.sql`e."entityId" = ${filter.applicationId}`);
  if (filter.actorId) where.push(Prisma.sql`e."actorId" = ${filter.actorId}`);
  if (filter.case) where.push(Prisma.sql`a."referenceCode" = ${filter.case}`);
  where.push(...logFilterConditions(filter));
  const rows = await db().$queryRaw<Row[]>`
    SELECT e.seq, e.action, e."entityId", e."createdAt", e.data, u.email, u.username, a."referenceCode"
    FROM "AuditEvent" e
    LEFT JOIN "User" u ON u.id = e."actorId"
    LEFT JOIN "Application" a ON a.id = e."entityId"
    LEFT JOIN "Fund" f ON f.id = a."fundId"
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY e.seq DESC
    LIMIT ${take + 1}`;
  const page = rows.slice(0, take);
  await loadCaseKeys(db(), [...new Set(page.map((r) => r.entityId))]);
  return {
    rows: page.map((r) => ({
      seq: r.seq.toString(),
      action: r.action,
      when: r.createdAt,
      who: r.email ?? r.username ?? "—",
      reference: r.referenceCode ?? r.entityId,
      reason: staffReason(r.entityId, r.data),
    })),
    next: rows.length > take ? page[page.length - 1]!.seq.toString() : null,
  };
}

/**
 * The reason of an entry: sealed under the case's key (`reasonEnc`, lib/crypto/case-text.ts), or, for entries
 * written before sealing, as it was (`reason`). Null when there is none or when the case's data was deleted.
 */
function staffReason(applicationId: string, data: unknown): string | null {
  const d = (data ?? {}) as { reason?: unknown; reasonEnc?: unknown };
  if (typeof d.reasonEnc === "string") return openCaseText(applicationId, d.reasonEnc);
  return typeof d.reason === "string" ? d.reason : null;
}

/**
 * The access log, newest first (the latest `take`, default 50): admins read all of it; fund managers read it
 * for their organisation's funds only. Optionally one fund, one case or one staff member. Paging and the
 * list's filters: accessLogPage above.
 */
export async function accessLog(actor: Actor, opts: AccessLogScope & { take?: number } = {}): Promise<AccessLogRow[]> {
  return (await accessLogPage(actor, opts)).rows;
}
