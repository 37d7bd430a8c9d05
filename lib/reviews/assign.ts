// Claiming and assigning cases: a reviewer claims an open case of their organisation's funds (or releases
// it), or assigns it to another reviewer of the same organisation. Never to the applicant, never to a
// reviewer who declared a conflict on it. Audited in the same transaction.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, type Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { OPEN_STAGES } from "@/lib/reviews/queue";
import { reviewerCaseWhere } from "@/lib/reviews/scope";

export async function assignCase(actor: Actor, applicationId: string, assigneeId: string | null): Promise<{ assignedToId: string | null }> {
  assertCan(actor, "application:review:org");
  return db().$transaction(async (tx) => {
    const app = await tx.application.findFirst({
      where: { id: applicationId, ...reviewerCaseWhere(actor) },
      select: {
        id: true,
        status: true,
        applicantId: true,
        assignedToId: true,
        fund: { select: { organisationId: true } },
        reviews: { where: { conflictDeclared: true }, select: { reviewerId: true } },
      },
    });
    if (!app) throw new AppError("NOT_FOUND", "case not found");
    if (!(OPEN_STAGES as readonly string[]).includes(app.status))
      throw new AppError("INVALID_STATE", "closed", { messageKey: "review.assignClosed" });
    if (assigneeId) {
      const reviewer = await tx.membership.findFirst({
        where: { userId: assigneeId, organisationId: app.fund.organisationId, role: "REVIEWER" },
        select: { id: true },
      });
      const conflicted = app.reviews.some((r) => r.reviewerId === assigneeId);
      if (!reviewer || assigneeId === app.applicantId || conflicted)
        throw new AppError("INVALID_INPUT", "not assignable", {
          fieldErrors: { assignee: ["not_assignable"] },
          messageKey: "review.notAssignable",
        });
    }
    await tx.application.update({ where: { id: app.id }, data: { assignedToId: assigneeId } });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: assigneeId ? "case.assigned" : "case.released",
      entityType: "Application",
      entityId: app.id,
      data: { from: app.assignedToId, to: assigneeId },
    });
    return { assignedToId: assigneeId };
  });
}

/**
 * Reviewers of the case's organisation who could take it (not the applicant, not conflicted), for a
 * reviewer who may assign it: the case must be in their scope (reviewerCaseWhere), else there is no one.
 */
export async function assignableReviewers(actor: Actor, applicationId: string): Promise<{ id: string; label: string }[]> {
  assertCan(actor, "application:review:org");
  const app = await db().application.findFirst({
    where: { id: applicationId, ...reviewerCaseWhere(actor) },
    select: {
      applicantId: true,
      fund: { select: { organisationId: true } },
      reviews: { where: { conflictDeclared: true }, select: { reviewerId: true } },
    },
  });
  if (!app) return [];
  const members = await db().membership.findMany({
    where: { organisationId: app.fund.organisationId, role: "REVIEWER" },
    select: { user: { select: { id: true, email: true, username: true } } },
  });
  const excluded = new Set([app.applicantId, ...app.reviews.map((r) => r.reviewerId)]);
  return members
    .map((m) => m.user)
    .filter((u) => !excluded.has(u.id))
    .map((u) => ({ id: u.id, label: u.email ?? u.username ?? u.id }));
}

/** Who the case is assigned to, for a reviewer whose scope holds the case (reviewerCaseWhere); else no one. */
export async function assignmentOf(actor: Actor, applicationId: string): Promise<{ assignedToId: string | null; label: string | null }> {
  assertCan(actor, "application:read:org");
  const app = await db().application.findFirst({
    where: { id: applicationId, ...reviewerCaseWhere(actor) },
    select: { assignedToId: true },
  });
  if (!app?.assignedToId) return { assignedToId: null, label: null };
  const u = await db().user.findUnique({ where: { id: app.assignedToId }, select: { email: true, username: true } });
  return { assignedToId: app.assignedToId, label: u?.email ?? u?.username ?? null };
}
