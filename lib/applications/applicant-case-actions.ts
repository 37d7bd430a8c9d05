// What an applicant can do with their submitted case: withdraw it, answer a request for information,
// or delete their personal data (irreversible: personal fields, files and messages are destroyed; the
// case keeps only non-identifying statistics: fund, category, purpose, region, amounts, stage history).
import "server-only";
import { ERASED_PERSONAL_DATA } from "@/lib/applications/personal-data";
import { lockOwnApplication } from "@/lib/applications/load-own";
import { canMove, isWithdrawable, returnAfterInfo } from "@/lib/applications/rules";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, type Actor } from "@/lib/authz/actor";
import { encryptForCase } from "@/lib/crypto";
import { loadCaseKeys, destroyCaseKey } from "@/lib/crypto/case-keys";
import { db, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";

export async function withdrawApplication(actor: Actor, applicationId: string): Promise<void> {
  assertCan(actor, "application:withdraw:own");
  await db().$transaction(async (tx) => {
    const app = await lockOwnApplication(tx, actor, applicationId);
    if (!isWithdrawable(app.status)) throw new AppError("INVALID_STATE", "cannot withdraw", { messageKey: "me.cannotWithdraw" });
    await tx.application.update({ where: { id: app.id }, data: { status: "WITHDRAWN", returnStatus: null } });
    await tx.applicationStatusChange.create({
      data: { applicationId: app.id, fromStatus: app.status, toStatus: "WITHDRAWN", actorId: actor.userId },
    });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: "application.withdrawn",
      entityType: "Application",
      entityId: app.id,
      data: { from: app.status },
    });
  });
}

export async function answerInfoRequest(actor: Actor, applicationId: string, answer: string): Promise<void> {
  assertCan(actor, "application:read:own");
  await db().$transaction(async (tx) => {
    const app = await lockOwnApplication(tx, actor, applicationId);
    if (app.status !== "NEEDS_INFO") throw new AppError("INVALID_STATE", "no open request", { messageKey: "me.noOpenRequest" });
    const to = returnAfterInfo(app.returnStatus);
    if (!canMove("NEEDS_INFO", to)) throw new AppError("INVALID_STATE", "cannot return");
    const message = await tx.applicationMessage.create({
      data: { applicationId: app.id, authorId: actor.userId, kind: "APPLICANT_REPLY", bodyEnc: "" },
      select: { id: true },
    });
    await loadCaseKeys(tx, [app.id], { create: true });
    await tx.applicationMessage.update({
      where: { id: message.id },
      data: { bodyEnc: encryptForCase(app.id, answer, `ApplicationMessage.body:${message.id}`) },
    });
    await tx.application.update({ where: { id: app.id }, data: { status: to, returnStatus: null } });
    await tx.applicationStatusChange.create({
      data: { applicationId: app.id, fromStatus: "NEEDS_INFO", toStatus: to, actorId: actor.userId, reason: "information provided" },
    });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: "application.info_provided",
      entityType: "Application",
      entityId: app.id,
      data: { returnedTo: to },
    });
  });
}

export async function deleteApplicationData(actor: Actor, applicationId: string): Promise<void> {
  assertCan(actor, "application:read:own");
  await db().$transaction(async (tx) => {
    const app = await lockOwnApplication(tx, actor, applicationId);
    if (app.dataDeletedAt) return; // already gone: deleting again changes nothing
    const withdraw = isWithdrawable(app.status);
    await eraseCaseData(tx, app.id, withdraw ? { status: "WITHDRAWN", returnStatus: null } : {});
    if (withdraw)
      await tx.applicationStatusChange.create({
        data: { applicationId: app.id, fromStatus: app.status, toStatus: "WITHDRAWN", actorId: actor.userId },
      });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: "application.data_deleted",
      entityType: "Application",
      entityId: app.id,
      data: { status: withdraw ? "WITHDRAWN" : app.status },
    });
  });
}

/**
 * Destroys a case's personal data: files, messages, personal fields, staff reasons, and its data key
 * (crypto-shredding: whatever ciphertext of the case survives elsewhere — backups, replicas, payout
 * details — cannot be read any more, even with the master key). Statistics stay. Used by the applicant's
 * "delete my data" and by the retention sweep.
 */
export async function eraseCaseData(tx: Tx, applicationId: string, extra: Prisma.ApplicationUpdateInput = {}): Promise<void> {
  await tx.evidenceFile.deleteMany({ where: { applicationId } });
  await tx.applicationMessage.deleteMany({ where: { applicationId } });
  await tx.application.update({ where: { id: applicationId }, data: { ...ERASED_PERSONAL_DATA, dataDeletedAt: new Date(), ...extra } });
  await tx.applicationStatusChange.updateMany({ where: { applicationId }, data: { reason: null } });
  await tx.revealRequest.updateMany({ where: { applicationId }, data: { reason: "" } });
  await tx.review.updateMany({ where: { applicationId }, data: { reason: null, overruleReason: null } });
  // The keyed hash of the bank account would let whoever holds the key test account numbers against it.
  await tx.payout.updateMany({ where: { applicationId }, data: { cancelReason: null, detailsIndex: null } });
  await destroyCaseKey(tx, applicationId);
}
