// A note between reviewers on a case (encrypted; never shown to the applicant; audited).
import "server-only";
import { notifyApplicant } from "@/lib/applications/notify";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, type Actor } from "@/lib/authz/actor";
import { encryptForCase } from "@/lib/crypto";
import { loadCaseKeys } from "@/lib/crypto/case-keys";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { reviewerCaseWhere } from "@/lib/reviews/scope";

export async function addReviewerNote(actor: Actor, applicationId: string, text: string): Promise<void> {
  assertCan(actor, "application:review:org");
  await db().$transaction(async (tx) => {
    const app = await tx.application.findFirst({
      where: { id: applicationId, ...reviewerCaseWhere(actor) },
      select: { id: true },
    });
    if (!app) throw new AppError("NOT_FOUND", "case not found");
    const note = await tx.applicationMessage.create({
      data: { applicationId: app.id, authorId: actor.userId, kind: "REVIEWER_NOTE", bodyEnc: "" },
      select: { id: true },
    });
    await loadCaseKeys(tx, [app.id], { create: true });
    await tx.applicationMessage.update({
      where: { id: note.id },
      data: { bodyEnc: encryptForCase(app.id, text, `ApplicationMessage.body:${note.id}`) },
    });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: "review.note_added",
      entityType: "Application",
      entityId: app.id,
      data: { messageId: note.id },
    });
  });
}

/**
 * A message to the applicant (a translated template, free text, or both) without moving the stage;
 * the applicant gets a neutral notice.
 */
export async function sendApplicantMessage(
  actor: Actor,
  applicationId: string,
  input: { template?: string; message: string },
): Promise<void> {
  assertCan(actor, "application:review:org");
  const applicantId = await db().$transaction(async (tx) => {
    const app = await tx.application.findFirst({
      where: { id: applicationId, ...reviewerCaseWhere(actor), status: { notIn: ["WITHDRAWN"] }, dataDeletedAt: null },
      select: { id: true, applicantId: true },
    });
    if (!app) throw new AppError("NOT_FOUND", "case not found");
    const m = await tx.applicationMessage.create({
      data: { applicationId: app.id, authorId: actor.userId, kind: "REVIEWER_MESSAGE", templateKey: input.template ?? null, bodyEnc: "" },
      select: { id: true },
    });
    await loadCaseKeys(tx, [app.id], { create: true });
    await tx.applicationMessage.update({
      where: { id: m.id },
      data: { bodyEnc: encryptForCase(app.id, input.message, `ApplicationMessage.body:${m.id}`) },
    });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: "review.message_sent",
      entityType: "Application",
      entityId: app.id,
      data: { messageId: m.id, template: input.template ?? null },
    });
    return app.applicantId;
  });
  await notifyApplicant(applicantId);
}
