// Evidence files of an application: add (sanitised, encrypted, at most 5), remove, and read for download.
import "server-only";
import crypto from "node:crypto";
import { lockOwnApplication } from "@/lib/applications/load-own";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, type Actor } from "@/lib/authz/actor";
import { decrypt, decryptBinary, encryptBinaryForCase, encryptForCase } from "@/lib/crypto";
import { loadCaseKeys } from "@/lib/crypto/case-keys";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { MAX_FILE_BYTES, MAX_FILES_PER_APPLICATION, safeFileName, type AllowedType, type EvidenceRefusal } from "@/lib/evidence/rules";
import { sanitiseEvidence } from "@/lib/evidence/sanitize";
import { reviewerCaseWhere } from "@/lib/reviews/scope";

const refuse = (reason: EvidenceRefusal) =>
  new AppError("INVALID_INPUT", `evidence refused: ${reason}`, { fieldErrors: { file: [`evidence_${reason}`] } });
const EDITABLE = ["DRAFT", "NEEDS_INFO"] as const;

export async function addEvidence(actor: Actor, applicationId: string, file: File): Promise<{ fileId: string }> {
  assertCan(actor, "application:create:own");
  if (file.size > MAX_FILE_BYTES) throw refuse("too_large"); // before reading it into memory
  const clean = await sanitiseEvidence(Buffer.from(await file.arrayBuffer()));
  if (!clean.ok) throw refuse(clean.reason);
  return storeEvidence(actor, applicationId, file.name, clean);
}

/**
 * Stores a file that already went through `sanitiseEvidence` (a sealed application's files are checked
 * before its case is made: lib/sealed/deliver.ts), encrypted, in the actor's editable case.
 */
export async function storeEvidence(
  actor: Actor,
  applicationId: string,
  name: string,
  clean: { type: AllowedType; bytes: Buffer },
): Promise<{ fileId: string }> {
  assertCan(actor, "application:create:own");
  const id = crypto.randomUUID();
  return db().$transaction(async (tx) => {
    const app = await lockOwnApplication(tx, actor, applicationId);
    if (!(EDITABLE as readonly string[]).includes(app.status) || app.dataDeletedAt)
      throw new AppError("INVALID_STATE", "files closed", { messageKey: "apply.filesClosed" });
    if ((await tx.evidenceFile.count({ where: { applicationId } })) >= MAX_FILES_PER_APPLICATION) throw refuse("too_many");
    await loadCaseKeys(tx, [app.id], { create: true });
    await tx.evidenceFile.create({
      data: {
        id,
        applicationId,
        uploadedById: actor.userId,
        fileNameEnc: encryptForCase(app.id, safeFileName(name, clean.type), `EvidenceFile.fileName:${id}`),
        mimeType: clean.type,
        sizeBytes: clean.bytes.length,
        contentEnc: new Uint8Array(encryptBinaryForCase(app.id, clean.bytes, `EvidenceFile.content:${id}`)),
      },
    });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: "evidence.added",
      entityType: "Application",
      entityId: applicationId,
      data: { fileId: id, mimeType: clean.type, sizeBytes: clean.bytes.length },
    });
    return { fileId: id };
  });
}

/** `applicationId`: when given, the file must belong to that application (the form it was removed from). */
export async function removeEvidence(actor: Actor, fileId: string, applicationId?: string): Promise<{ applicationId: string }> {
  assertCan(actor, "application:create:own");
  const file = await db().evidenceFile.findUnique({ where: { id: fileId }, select: { applicationId: true } });
  if (!file || (applicationId !== undefined && file.applicationId !== applicationId)) throw new AppError("NOT_FOUND", "file not found");
  return db().$transaction(async (tx) => {
    const app = await lockOwnApplication(tx, actor, file.applicationId);
    if (!(EDITABLE as readonly string[]).includes(app.status))
      throw new AppError("INVALID_STATE", "files closed", { messageKey: "apply.filesClosed" });
    await tx.evidenceFile.delete({ where: { id: fileId } });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: "evidence.removed",
      entityType: "Application",
      entityId: app.id,
      data: { fileId },
    });
    return { applicationId: app.id };
  });
}

/**
 * The decrypted file for its owner, or for staff exactly when they may open its case page: the case
 * page's own scope (`reviewerCaseWhere`: submitted, of their organisation's fund, not their own, no
 * conflict declared). Staff downloads are recorded in the access log. Anything else is "not found".
 */
export async function readEvidence(actor: Actor, fileId: string) {
  const file = await db().evidenceFile.findFirst({
    where: { id: fileId, application: { OR: [{ applicantId: actor.userId }, reviewerCaseWhere(actor)] } },
    select: { id: true, mimeType: true, fileNameEnc: true, contentEnc: true, application: { select: { id: true, applicantId: true } } },
  });
  if (!file) return null; // not found, not forbidden
  if (file.application.applicantId !== actor.userId) {
    await db().$transaction((tx) =>
      recordAuditEvent(tx, {
        actorId: actor.userId,
        action: "evidence.downloaded",
        entityType: "Application",
        entityId: file.application.id,
        data: { fileId },
      }),
    );
  }
  await loadCaseKeys(db(), [file.application.id]);
  return {
    fileName: decrypt(file.fileNameEnc, `EvidenceFile.fileName:${file.id}`),
    mimeType: file.mimeType,
    bytes: decryptBinary(file.contentEnc, `EvidenceFile.content:${file.id}`),
  };
}
