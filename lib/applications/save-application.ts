// Saves the application form: as a draft (what is there, checked for format) or as a submission
// (everything the fund requires, within its limits). Submission is idempotent per submissionKey: a retry
// after a dropped connection returns the first result instead of failing or doing it twice.
import "server-only";
import { encryptPersonal } from "@/lib/applications/personal-data";
import { loadCaseKeys } from "@/lib/crypto/case-keys";
import { formParamsOf, lockOwnApplication } from "@/lib/applications/load-own";
import { canMove, generateReferenceCode, normaliseIdentity, normalisePhone } from "@/lib/applications/rules";
import { applicationFormSchema, type FormMode } from "@/lib/applications/schemas";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, type Actor } from "@/lib/authz/actor";
import { blindIndex } from "@/lib/crypto/field-encryption";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { notifyApplicant } from "@/lib/applications/notify";

export type SaveResult = { applicationId: string; status: "DRAFT" | "SUBMITTED"; referenceCode: string | null };

function parse(raw: Record<string, unknown>, fund: Parameters<typeof formParamsOf>[0], mode: FormMode) {
  const r = applicationFormSchema(formParamsOf(fund), mode).safeParse(raw);
  if (r.success) return r.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of r.error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  throw new AppError("INVALID_INPUT", "invalid application", fieldErrors);
}

const isReferenceCollision = (e: unknown) =>
  e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002" && JSON.stringify(e.meta ?? {}).includes("referenceCode");

export async function saveApplication(actor: Actor, applicationId: string, raw: Record<string, unknown>): Promise<SaveResult> {
  assertCan(actor, "application:create:own");
  // A new reference code collides with an existing one about once in 10^9 submissions: the unique
  // constraint catches it and the whole submission is retried with a fresh code.
  for (let attempt = 0; ; attempt++) {
    try {
      return await saveOnce(actor, applicationId, raw);
    } catch (e) {
      if (!isReferenceCollision(e) || attempt >= 3) throw e;
    }
  }
}

async function saveOnce(actor: Actor, applicationId: string, raw: Record<string, unknown>): Promise<SaveResult> {
  const mode: FormMode = raw.intent === "submit" ? "submit" : "draft";
  const result = await db().$transaction(async (tx) => {
    const app = await lockOwnApplication(tx, actor, applicationId);
    if (mode === "submit" && app.status !== "DRAFT" && app.submissionKey && app.submissionKey === raw.submissionKey) {
      return { applicationId, status: "SUBMITTED" as const, referenceCode: app.referenceCode, replay: true };
    }
    if (app.status !== "DRAFT") throw new AppError("INVALID_STATE", "not a draft", undefined, "apply.notADraft");
    if (app.fund.status !== "OPEN") throw new AppError("INVALID_STATE", "fund closed", undefined, "apply.fundClosed");
    const input = parse(raw, app.fund, mode);
    await loadCaseKeys(tx, [app.id], { create: true });
    const personal = encryptPersonal(app.id, { statement: input.statement, legalName: input.legalName, phone: input.phone, city: input.city, birthDate: input.birthDate });
    const base = { category: input.category ?? null, purpose: input.purpose ?? null, region: input.region ?? null, requestedAmountMinor: input.amount ?? null, ...personal };
    if (mode === "draft") {
      await tx.application.update({ where: { id: app.id }, data: base });
      await recordAuditEvent(tx, { actorId: actor.userId, action: "application.draft_saved", entityType: "Application", entityId: app.id });
      return { applicationId, status: "DRAFT" as const, referenceCode: null, replay: false };
    }
    if (!canMove(app.status, "SUBMITTED")) throw new AppError("INVALID_STATE", "cannot submit");
    const key = env().BLIND_INDEX_KEY;
    const phoneIndex = input.phone ? blindIndex(key, `phone:${normalisePhone(input.phone)}`) : null;
    const identityIndex = input.legalName && input.birthDate ? blindIndex(key, `identity:${normaliseIdentity(input.legalName, input.birthDate)}`) : null;
    const indexes = [phoneIndex && { phoneIndex }, identityIndex && { identityIndex }].filter(Boolean) as object[];
    // A match with another person's case flags both for reviewers (never an automatic rejection).
    const matches = indexes.length
      ? await tx.application.findMany({ where: { OR: indexes, applicantId: { not: actor.userId }, id: { not: app.id } }, select: { id: true } })
      : [];
    if (matches.length) await tx.application.updateMany({ where: { id: { in: matches.map((m) => m.id) } }, data: { isDuplicateFlagged: true } });
    const referenceCode = generateReferenceCode();
    await tx.application.update({
      where: { id: app.id },
      data: { ...base, phoneIndex, identityIndex, isDuplicateFlagged: matches.length > 0, referenceCode, status: "SUBMITTED", submittedAt: new Date(), submissionKey: String(raw.submissionKey) },
    });
    await tx.applicationStatusChange.create({ data: { applicationId: app.id, fromStatus: "DRAFT", toStatus: "SUBMITTED", actorId: actor.userId } });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: "application.submitted",
      entityType: "Application",
      entityId: app.id,
      data: { fundId: app.fundId, amountMinor: input.amount ?? null, duplicateMatches: matches.length },
    });
    return { applicationId, status: "SUBMITTED" as const, referenceCode, replay: false };
  });
  if (result.status === "SUBMITTED" && !result.replay) await notifyApplicant(actor.userId, actor.email);
  return { applicationId: result.applicationId, status: result.status, referenceCode: result.referenceCode };
}
