// ─── RISKY FILE: who looked at whom ────────────────────────────────────────────────────────────────
// Every opening of a case by staff is recorded, and identity is revealed only with a written reason,
// recorded before anything is decrypted. An infiltrated reviewer can still read what their role allows,
// but never unnoticed (docs/decisions/0010-access-log.md).
import "server-only";
import { throttleReviewer } from "@/lib/reviews/activity";
import { decryptPersonal } from "@/lib/applications/personal-data";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, orgsWithRole, rolesOf, type Actor } from "@/lib/authz/actor";
import { can } from "@/lib/authz/permissions";
import { decrypt } from "@/lib/crypto";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { reviewerCaseWhere } from "@/lib/reviews/scope";

/** Before a case is shown: counts the opening against the reviewer's hourly limit (may slow or stop). */
export async function gateCaseOpening(actor: Actor): Promise<void> {
  await throttleReviewer(actor, "caseOpenings");
}

export async function recordCaseOpened(actor: Actor, applicationId: string): Promise<void> {
  await db().$transaction((tx) => recordAuditEvent(tx, { actorId: actor.userId, action: "case.opened", entityType: "Application", entityId: applicationId }));
}

export async function revealIdentity(actor: Actor, applicationId: string, reason: string) {
  assertCan(actor, "application:reveal-identity:org");
  await throttleReviewer(actor, "reveals");
  return db().$transaction(async (tx) => {
    const app = await tx.application.findFirst({
      where: { id: applicationId, ...reviewerCaseWhere(actor) },
      select: { id: true, applicantId: true, legalNameEnc: true, phoneEnc: true, cityEnc: true, birthDateEnc: true },
    });
    if (!app) throw new AppError("NOT_FOUND", "case not found");
    const event = await recordAuditEvent(tx, { actorId: actor.userId, action: "identity.revealed", entityType: "Application", entityId: app.id, data: { reason: reason.slice(0, 500) } });
    const profile = await tx.applicantProfile.findUnique({ where: { userId: app.applicantId }, select: { contactChannel: true, contactHandleEnc: true } });
    const { legalNameEnc, phoneEnc, cityEnc, birthDateEnc } = app;
    const personal = decryptPersonal(app.id, { legalNameEnc, phoneEnc, cityEnc, birthDateEnc });
    return {
      ...personal,
      contactChannel: profile?.contactChannel ?? "NONE",
      contactHandle: profile?.contactHandleEnc ? decrypt(profile.contactHandleEnc, `ApplicantProfile.contactHandle:${app.applicantId}`) : undefined,
      recordedAt: (await tx.auditEvent.findUniqueOrThrow({ where: { id: event.id }, select: { createdAt: true } })).createdAt.toISOString(),
    };
  });
}

const ACCESS_ACTIONS = ["case.opened", "identity.revealed", "evidence.downloaded"];

/**
 * The access log, newest first: admins read all of it; fund managers read it for their organisation's
 * funds only. Optionally one fund, one case or one staff member.
 */
export async function accessLog(actor: Actor, opts: { fundId?: string; applicationId?: string; actorId?: string; take?: number } = {}) {
  const roles = rolesOf(actor);
  if (!can(roles, "audit:read:any")) assertCan(actor, "access-log:read:org");
  const scoped = !can(roles, "audit:read:any") || opts.fundId;
  const caseIds = scoped
    ? (
        await db().application.findMany({
          where: { ...(opts.fundId ? { fundId: opts.fundId } : {}), ...(!can(roles, "audit:read:any") ? { fund: { organisationId: { in: orgsWithRole(actor, "FUND_MANAGER") } } } : {}) },
          select: { id: true },
        })
      ).map((a) => a.id)
    : null;
  const entity = opts.applicationId ? (caseIds && !caseIds.includes(opts.applicationId) ? ["-"] : [opts.applicationId]) : caseIds;
  const rows = await db().auditEvent.findMany({
    where: { action: { in: ACCESS_ACTIONS }, ...(entity ? { entityId: { in: entity } } : {}), ...(opts.actorId ? { actorId: opts.actorId } : {}) },
    orderBy: { seq: "desc" },
    take: opts.take ?? 50,
    select: { seq: true, action: true, entityId: true, createdAt: true, data: true, actor: { select: { email: true, username: true } } },
  });
  const codes = new Map((await db().application.findMany({ where: { id: { in: rows.map((r) => r.entityId) } }, select: { id: true, referenceCode: true } })).map((a) => [a.id, a.referenceCode]));
  return rows.map((r) => ({
    seq: r.seq.toString(),
    action: r.action,
    when: r.createdAt,
    who: r.actor?.email ?? r.actor?.username ?? "—",
    reference: codes.get(r.entityId) ?? r.entityId,
    reason: typeof (r.data as { reason?: unknown })?.reason === "string" ? ((r.data as { reason: string }).reason) : null,
  }));
}
