// The case page's one write: staff opening a case is recorded in the access log (docs/decisions/0010-
// access-log.md), by this use case, which the page calls after reading the case — never inside a query.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, type Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { reviewerCaseWhere } from "@/lib/reviews/scope";

/**
 * Repeated openings of one case by one person within this window are one `case.opened` (every action on
 * a case re-renders its page): the log says who looked at which case and when, to within 10 minutes,
 * instead of a row per click (docs/decisions/0041-access-log-paging-and-collapsing.md). The hourly limits
 * still count every opening (gateCaseOpening); reveals, downloads and exports are never collapsed.
 */
export const CASE_OPENED_WINDOW_MS = 10 * 60_000;

/** Records that the reviewer opened the case: only a case they may open (else NOT_FOUND, nothing written). */
export async function recordCaseView(actor: Actor, applicationId: string, now = new Date()): Promise<void> {
  assertCan(actor, "application:read:org");
  await db().$transaction(async (tx) => {
    const app = await tx.application.findFirst({ where: { id: applicationId, ...reviewerCaseWhere(actor) }, select: { id: true } });
    if (!app) throw new AppError("NOT_FOUND", "case not found");
    const recent = await tx.auditEvent.findFirst({
      where: {
        entityType: "Application",
        entityId: app.id,
        action: "case.opened",
        actorId: actor.userId,
        createdAt: { gt: new Date(now.getTime() - CASE_OPENED_WINDOW_MS) },
      },
      select: { id: true },
    });
    if (!recent) await recordAuditEvent(tx, { actorId: actor.userId, action: "case.opened", entityType: "Application", entityId: app.id });
  });
}
