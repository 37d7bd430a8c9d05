// Bulk screening: shortlist or decline many submitted cases with one reason. Each case moves in its own
// transaction through the same rules as a single action (history row + audit event per case), so one
// refused case never blocks the rest. The operation can be undone for UNDO_WINDOW_MS: undo moves back only
// the cases whose latest stage change is still this operation's. Applicants hear about it only after the
// window, and only for cases still moved (docs/decisions/0015-review-completion.md).
import "server-only";
import { sealCaseText } from "@/lib/crypto/case-text";
import { lockCaseInScope } from "@/lib/reviews/scope";
import { notifyApplicant } from "@/lib/applications/notify";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, type Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { AppError, isAppError } from "@/lib/errors";
import { logger } from "@/lib/log";
import { isAllowed, moveOf } from "@/lib/reviews/rules";

export const UNDO_WINDOW_MS = 15_000;
type Refusal = { id: string; reference: string | null; reason: "not_found" | "conflicted" | "not_at_stage"; stage?: string };

export async function bulkScreen(actor: Actor, action: "shortlist" | "decline", ids: string[], reason: string) {
  assertCan(actor, "application:review:org");
  const to = moveOf(action)!;
  const op = await db().bulkOperation.create({
    data: { actorId: actor.userId, action, caseIds: [] },
    select: { id: true, createdAt: true },
  });
  const moved: { id: string; reference: string | null; applicantId: string }[] = [];
  const refused: Refusal[] = [];
  for (const id of [...new Set(ids)]) {
    try {
      moved.push(
        await db().$transaction(async (tx) => {
          await lockCaseInScope(tx, actor, id).catch(() => Promise.reject(new AppError("NOT_FOUND", "not_found")));
          const app = await tx.application.findUniqueOrThrow({
            where: { id },
            select: {
              id: true,
              status: true,
              referenceCode: true,
              applicantId: true,
              reviews: { where: { reviewerId: actor.userId, conflictDeclared: true }, select: { id: true } },
            },
          });
          if (app.reviews.length > 0)
            throw new AppError("FORBIDDEN", "conflicted", { messageValues: { reference: app.referenceCode ?? "" } });
          // Bulk is for screening only: never past the first stage.
          if (app.status !== "SUBMITTED" || !isAllowed(action, app.status))
            throw new AppError("INVALID_STATE", "not_at_stage", {
              messageValues: { reference: app.referenceCode ?? "", stage: app.status },
            });
          await tx.application.update({ where: { id }, data: { status: to } });
          // The reason is kept with each case, sealed under its key (lib/crypto/case-text.ts).
          await tx.applicationStatusChange.create({
            data: {
              applicationId: id,
              fromStatus: app.status,
              toStatus: to,
              actorId: actor.userId,
              reason: await sealCaseText(tx, id, reason),
              bulkOperationId: op.id,
            },
          });
          await recordAuditEvent(tx, {
            actorId: actor.userId,
            action: `review.${action}`,
            entityType: "Application",
            entityId: id,
            data: { from: app.status, to, bulkId: op.id },
          });
          return { id, reference: app.referenceCode, applicantId: app.applicantId };
        }),
      );
    } catch (e) {
      if (!isAppError(e)) throw e;
      const v = e.messageValues ?? {};
      refused.push({
        id,
        reference: (v.reference as string) || null,
        reason: e.message as Refusal["reason"],
        ...(v.stage ? { stage: String(v.stage) } : {}),
      });
    }
  }
  await db().bulkOperation.update({ where: { id: op.id }, data: { caseIds: moved.map((m) => m.id) } });
  scheduleNotices(op.id, moved);
  return { bulkId: op.id, moved: moved.length, refused, undoUntil: new Date(op.createdAt.getTime() + UNDO_WINDOW_MS) };
}

/** After the undo window: a neutral notice for each case the operation still holds. */
function scheduleNotices(bulkId: string, moved: { id: string; applicantId: string }[]) {
  if (moved.length === 0) return;
  setTimeout(async () => {
    try {
      const op = await db().bulkOperation.findUnique({ where: { id: bulkId }, select: { undoneAt: true } });
      if (op?.undoneAt) return;
      for (const m of moved) await notifyApplicant(m.applicantId);
    } catch (e) {
      logger.warn({ event: "bulk.notify_failed", bulkId, err: e instanceof Error ? e.message : String(e) }, "bulk notices not sent");
    }
  }, UNDO_WINDOW_MS + 1000).unref?.();
}

/** Undo within the window: cases a colleague moved since stay where they are and are reported. */
export async function undoBulk(actor: Actor, bulkId: string, now = new Date()) {
  assertCan(actor, "application:review:org");
  return db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; createdAt: Date; undoneAt: Date | null; caseIds: string[]; action: string }[]>`
      SELECT id, "createdAt", "undoneAt", "caseIds", action FROM "BulkOperation" WHERE id = ${bulkId} AND "actorId" = ${actor.userId} FOR UPDATE`;
    const op = rows[0];
    if (!op) throw new AppError("NOT_FOUND", "bulk operation not found");
    if (op.undoneAt) throw new AppError("INVALID_STATE", "already undone", { messageKey: "review.bulkAlreadyUndone" });
    if (now.getTime() > op.createdAt.getTime() + UNDO_WINDOW_MS)
      throw new AppError("INVALID_STATE", "undo window passed", { messageKey: "review.bulkUndoExpired" });
    const to = op.action === "shortlist" ? "SHORTLISTED" : "REJECTED";
    let restored = 0;
    const kept: string[] = [];
    for (const id of op.caseIds) {
      await tx.$queryRaw`SELECT id FROM "Application" WHERE id = ${id} FOR UPDATE`;
      const app = await tx.application.findUniqueOrThrow({
        where: { id },
        select: {
          status: true,
          referenceCode: true,
          statusChanges: { orderBy: { createdAt: "desc" }, take: 1, select: { id: true, bulkOperationId: true } },
        },
      });
      if (app.status !== to || app.statusChanges[0]?.bulkOperationId !== op.id) {
        kept.push(app.referenceCode ?? id);
        continue;
      }
      // The funnel counts stages reached; a shortlist taken back within seconds was never reached.
      if (to === "SHORTLISTED") await tx.$executeRaw`SELECT padtrymka_funnel_retract(${id}, 1, ${app.statusChanges[0]!.id})`;
      await tx.application.update({ where: { id }, data: { status: "SUBMITTED" } });
      await tx.applicationStatusChange.create({
        data: {
          applicationId: id,
          fromStatus: to,
          toStatus: "SUBMITTED",
          actorId: actor.userId,
          reason: "undo of a bulk screening",
          bulkOperationId: op.id,
        },
      });
      await recordAuditEvent(tx, {
        actorId: actor.userId,
        action: "review.bulk_undone",
        entityType: "Application",
        entityId: id,
        data: { from: to, to: "SUBMITTED", bulkId: op.id },
      });
      restored++;
    }
    await tx.bulkOperation.update({ where: { id: op.id }, data: { undoneAt: now } });
    return { restored, kept };
  });
}
