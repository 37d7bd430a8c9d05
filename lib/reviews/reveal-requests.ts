// ─── RISKY FILE: who may see whom ────────────────────────────────────────────────────────────────
// Every opening of a case by staff is recorded, and identity is revealed only with a written reason,
// recorded before anything is decrypted. An infiltrated reviewer can still read what their role allows,
// but never unnoticed (docs/decisions/0010-access-log.md).
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, type Actor } from "@/lib/authz/actor";
import { loadCaseKeys } from "@/lib/crypto/case-keys";
import { openCaseText, sealCaseText } from "@/lib/crypto/case-text";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { reviewerCaseWhere } from "@/lib/reviews/scope";

export const REVEAL_CONFIRMATION_MS = 24 * 60 * 60 * 1000;

/** On a fund that requires it: ask a second reviewer to confirm a reveal (the reason is recorded now). */
export async function requestReveal(actor: Actor, applicationId: string, reason: string): Promise<void> {
  assertCan(actor, "application:reveal-identity:org");
  await db().$transaction(async (tx) => {
    const app = await tx.application.findFirst({
      where: { id: applicationId, ...reviewerCaseWhere(actor) },
      select: { id: true, fund: { select: { revealNeedsSecondReviewer: true } } },
    });
    if (!app) throw new AppError("NOT_FOUND", "case not found");
    if (!app.fund.revealNeedsSecondReviewer)
      throw new AppError("INVALID_STATE", "no confirmation needed", { messageKey: "review.revealNoConfirmation" });
    const open = await tx.revealRequest.findFirst({
      where: {
        applicationId: app.id,
        requesterId: actor.userId,
        OR: [{ status: "PENDING" }, { status: "CONFIRMED", expiresAt: { gt: new Date() } }],
      },
      select: { id: true },
    });
    if (open) throw new AppError("CONFLICT", "request open", { messageKey: "review.revealRequestOpen" });
    const sealed = (await sealCaseText(tx, app.id, reason.slice(0, 500))) ?? "";
    const r = await tx.revealRequest.create({
      data: { applicationId: app.id, requesterId: actor.userId, reason: sealed },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: "identity.reveal_requested",
      entityType: "Application",
      entityId: app.id,
      data: { reasonEnc: sealed, requestId: r.id },
    });
  });
}

/** A different reviewer of the case's fund confirms or refuses a pending reveal request. */
export async function decideRevealRequest(actor: Actor, requestId: string, decision: "confirm" | "refuse"): Promise<void> {
  assertCan(actor, "application:reveal-identity:org");
  await db().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "RevealRequest" WHERE id = ${requestId} FOR UPDATE`;
    const req = locked.length
      ? await tx.revealRequest.findUnique({
          where: { id: requestId },
          select: { id: true, applicationId: true, requesterId: true, status: true },
        })
      : null;
    const inScope =
      req && (await tx.application.findFirst({ where: { id: req.applicationId, ...reviewerCaseWhere(actor) }, select: { id: true } }));
    if (!req || !inScope) throw new AppError("NOT_FOUND", "request not found");
    if (req.requesterId === actor.userId) throw new AppError("FORBIDDEN", "own request", { messageKey: "review.revealOwnRequest" });
    if (req.status !== "PENDING") throw new AppError("INVALID_STATE", "already decided", { messageKey: "review.revealDecided" });
    const now = new Date();
    await tx.revealRequest.update({
      where: { id: req.id },
      data: {
        status: decision === "confirm" ? "CONFIRMED" : "REFUSED",
        deciderId: actor.userId,
        decidedAt: now,
        expiresAt: decision === "confirm" ? new Date(now.getTime() + REVEAL_CONFIRMATION_MS) : null,
      },
    });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: decision === "confirm" ? "identity.reveal_confirmed" : "identity.reveal_refused",
      entityType: "Application",
      entityId: req.applicationId,
      data: { requestId: req.id, requesterId: req.requesterId },
    });
  });
}

/** Reveal requests on a case (for its page): whose, why, where they stand. */
export async function revealRequestsOf(actor: Actor, applicationId: string) {
  const rows = await db().revealRequest.findMany({
    where: { applicationId, application: reviewerCaseWhere(actor) },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: {
      id: true,
      requesterId: true,
      reason: true,
      status: true,
      expiresAt: true,
      createdAt: true,
      requester: { select: { email: true, username: true } },
    },
  });
  await loadCaseKeys(db(), [applicationId]);
  return rows.map((r) => ({
    ...r,
    reason: openCaseText(applicationId, r.reason) ?? "",
    who: r.requester.email ?? r.requester.username ?? "—",
    mine: r.requesterId === actor.userId,
    live: r.status === "PENDING" || (r.status === "CONFIRMED" && !!r.expiresAt && r.expiresAt > new Date()),
  }));
}
