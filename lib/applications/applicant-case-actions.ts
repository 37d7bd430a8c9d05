// What an applicant can do with their submitted case: withdraw it, answer a request for information,
// or delete their personal data (irreversible: personal fields, files and messages are destroyed; the
// case keeps only non-identifying statistics: fund, category, purpose, region, amounts, stage history).
import "server-only";
import { ERASED_PERSONAL_DATA } from "@/lib/applications/personal-data";
import { lockOwnApplication } from "@/lib/applications/load-own";
import { canMove, isWithdrawable, returnAfterInfo } from "@/lib/applications/rules";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, type Actor } from "@/lib/authz/actor";
import { encrypt } from "@/lib/crypto";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export async function withdrawApplication(actor: Actor, applicationId: string): Promise<void> {
  assertCan(actor, "application:withdraw:own");
  await db().$transaction(async (tx) => {
    const app = await lockOwnApplication(tx, actor, applicationId);
    if (!isWithdrawable(app.status)) throw new AppError("INVALID_STATE", "cannot withdraw", undefined, "me.cannotWithdraw");
    await tx.application.update({ where: { id: app.id }, data: { status: "WITHDRAWN", returnStatus: null } });
    await tx.applicationStatusChange.create({ data: { applicationId: app.id, fromStatus: app.status, toStatus: "WITHDRAWN", actorId: actor.userId } });
    await recordAuditEvent(tx, { actorId: actor.userId, action: "application.withdrawn", entityType: "Application", entityId: app.id, data: { from: app.status } });
  });
}

export async function answerInfoRequest(actor: Actor, applicationId: string, answer: string): Promise<void> {
  assertCan(actor, "application:read:own");
  await db().$transaction(async (tx) => {
    const app = await lockOwnApplication(tx, actor, applicationId);
    if (app.status !== "NEEDS_INFO") throw new AppError("INVALID_STATE", "no open request", undefined, "me.noOpenRequest");
    const to = returnAfterInfo(app.returnStatus);
    if (!canMove("NEEDS_INFO", to)) throw new AppError("INVALID_STATE", "cannot return");
    const message = await tx.applicationMessage.create({ data: { applicationId: app.id, authorId: actor.userId, kind: "APPLICANT_REPLY", bodyEnc: "" }, select: { id: true } });
    await tx.applicationMessage.update({ where: { id: message.id }, data: { bodyEnc: encrypt(answer, `ApplicationMessage.body:${message.id}`) } });
    await tx.application.update({ where: { id: app.id }, data: { status: to, returnStatus: null } });
    await tx.applicationStatusChange.create({ data: { applicationId: app.id, fromStatus: "NEEDS_INFO", toStatus: to, actorId: actor.userId, reason: "information provided" } });
    await recordAuditEvent(tx, { actorId: actor.userId, action: "application.info_provided", entityType: "Application", entityId: app.id, data: { returnedTo: to } });
  });
}

export async function deleteApplicationData(actor: Actor, applicationId: string): Promise<void> {
  assertCan(actor, "application:read:own");
  await db().$transaction(async (tx) => {
    const app = await lockOwnApplication(tx, actor, applicationId);
    if (app.dataDeletedAt) return; // already gone: deleting again changes nothing
    const withdraw = isWithdrawable(app.status);
    await tx.evidenceFile.deleteMany({ where: { applicationId: app.id } });
    await tx.applicationMessage.deleteMany({ where: { applicationId: app.id } });
    await tx.application.update({
      where: { id: app.id },
      data: { ...ERASED_PERSONAL_DATA, dataDeletedAt: new Date(), ...(withdraw ? { status: "WITHDRAWN", returnStatus: null } : {}) },
    });
    await tx.applicationStatusChange.updateMany({ where: { applicationId: app.id }, data: { reason: null } });
    if (withdraw) await tx.applicationStatusChange.create({ data: { applicationId: app.id, fromStatus: app.status, toStatus: "WITHDRAWN", actorId: actor.userId } });
    await recordAuditEvent(tx, { actorId: actor.userId, action: "application.data_deleted", entityType: "Application", entityId: app.id, data: { status: withdraw ? "WITHDRAWN" : app.status } });
  });
}
