// Saves the application form: as a draft (what is there, checked for format) or as a submission
// (everything the fund requires, within its limits). Submission is idempotent per submissionKey: a retry
// after a dropped connection returns the first result instead of failing or doing it twice.
import "server-only";
import crypto from "node:crypto";
import { encryptPersonal } from "@/lib/applications/personal-data";
import { adoptCaseKey, caseKeyOwner, loadCaseKeys } from "@/lib/crypto/case-keys";
import { formParamsOf, lockOwnApplication } from "@/lib/applications/load-own";
import { generateReferenceCode, normaliseIdentity, normalisePhone } from "@/lib/applications/rules";
import { applicationFormSchema, type FormMode } from "@/lib/applications/schemas";
import { auditEventInsert, recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, type Actor } from "@/lib/authz/actor";
import { blindIndex } from "@/lib/crypto/field-encryption";
import { db, hotQuery } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { Prisma } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { fieldErrorsOf, zodErrorMap } from "@/lib/actions/validation-key";
import { notifyApplicant } from "@/lib/applications/notify";
import { LIMITS, rateLimitError, rateLimitHitSql } from "@/lib/rate-limit/rate-limit";

export type SaveResult = { applicationId: string; status: "DRAFT" | "SUBMITTED"; referenceCode: string | null };

function parse(raw: Record<string, unknown>, fund: Parameters<typeof formParamsOf>[0], mode: FormMode) {
  const r = applicationFormSchema(formParamsOf(fund), mode).safeParse(raw, { error: zodErrorMap });
  if (r.success) return r.data;
  throw new AppError("INVALID_INPUT", "invalid application", { fieldErrors: fieldErrorsOf(r.error.issues, raw) });
}

const isReferenceCollision = (e: unknown) => isUniqueViolation(e, "referenceCode");

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
  if (raw.intent === "submit") return submitOnce(actor, applicationId, raw);
  return db().$transaction(async (tx) => {
    const app = await lockOwnApplication(tx, actor, applicationId);
    if (app.status !== "DRAFT") throw new AppError("INVALID_STATE", "not a draft", { messageKey: "apply.notADraft" });
    if (app.fund.status !== "OPEN") throw new AppError("INVALID_STATE", "fund closed", { messageKey: "apply.fundClosed" });
    const input = parse(raw, app.fund, "draft");
    await loadCaseKeys(tx, [app.id], { create: true });
    const personal = encryptPersonal(app.id, {
      statement: input.statement,
      legalName: input.legalName,
      phone: input.phone,
      city: input.city,
      birthDate: input.birthDate,
    });
    await tx.application.update({
      where: { id: app.id },
      data: {
        category: input.category ?? null,
        purpose: input.purpose ?? null,
        region: input.region ?? null,
        requestedAmountMinor: input.amount ?? null,
        ...personal,
      },
    });
    await recordAuditEvent(tx, { actorId: actor.userId, action: "application.draft_saved", entityType: "Application", entityId: app.id });
    return { applicationId, status: "DRAFT" as const, referenceCode: null };
  });
}

type SubmitRow = {
  status: string;
  submissionKey: string | null;
  referenceCode: string | null;
  fundId: string;
  fundStatus: string;
  currency: string;
  perApplicantCapMinor: number;
  eligibleCategories: string[];
  eligiblePurposes: string[];
  legalNameRequirement: string;
  phoneRequirement: string;
  cityRequirement: string;
  birthDateRequirement: string;
  keyId: string | null;
  wrappedKey: string | null;
  locked: boolean;
};

/**
 * Submission, the applicant's hot path (docs/decisions/0019-submission-hot-path.md): one read (the case, its
 * fund, its data key and the lock state) and one write statement that does everything the submission
 * changes at once — the hit on the account's hourly submission limit, the data key if the case has none
 * yet, the case, the duplicate flags on matching cases, the status history and the audit event — so it
 * commits or fails as a whole, like a transaction, in two round trips instead of twelve and one commit.
 * The write only applies to a draft of this applicant (re-checked under the row lock), so a concurrent
 * submit or a stale read changes nothing and is answered from a fresh read. With the actor's own statement
 * (loadActor), a submission is three statements in all.
 */
/**
 * The other people's cases that share an identifier with this one (blind indexes: the phone, or the legal
 * name with the birth date), as the body of a CTE of the submission: read once, by the flag on this case
 * and by the update that flags the others. Only cases of funds of the same organisation: a match across
 * organisations would tell a reviewer of one that a person applied to another (an identity oracle for a
 * planted reviewer: docs/decisions/0026-signals-stay-inside-the-organisation.md).
 *
 * Written for the plans PostgreSQL makes of a prepared statement (ADR 0021): a plan made once for any
 * values, and on a young database with no statistics yet. As `EXISTS (… WHERE phone = $1 OR identity =
 * $2)` the planner guessed many matches (the default selectivity, doubled by the OR) and chose to scan
 * the whole table, expecting to stop at an early match; there is almost never a match, so every
 * submission read every case (a cost growing with the table; figure in ADR 0021). A
 * materialized CTE is planned to read all its rows, and for that the two indexes win at any size
 * (lib/applications/duplicate-lookup-plan.serial.integration.test.ts).
 */
export function otherCasesMatching(
  phoneIndex: string | null,
  identityIndex: string | null,
  applicantId: string,
  applicationId: string,
  fundId: string,
): Prisma.Sql {
  // The organisation is compared per matching row (its fund by primary key): matches are few.
  return Prisma.sql`MATERIALIZED (SELECT o.id FROM "Application" o
    WHERE (o."phoneIndex" = ${phoneIndex}::text OR o."identityIndex" = ${identityIndex}::text) AND o."applicantId" <> ${applicantId} AND o.id <> ${applicationId}
      AND (SELECT "organisationId" FROM "Fund" WHERE id = o."fundId") = (SELECT "organisationId" FROM "Fund" WHERE id = ${fundId}))`;
}

/** The submission's read: the case (only the applicant's own), its fund, its data key and the lock state. */
function submissionRead(applicationId: string, applicantId: string): Prisma.Sql {
  return Prisma.sql`
      SELECT a.status::text AS status, a."submissionKey", a."referenceCode", a."fundId",
             f.status::text AS "fundStatus", f.currency, f."perApplicantCapMinor",
             f."eligibleCategories"::text[] AS "eligibleCategories", f."eligiblePurposes"::text[] AS "eligiblePurposes",
             f."legalNameRequirement"::text AS "legalNameRequirement", f."phoneRequirement"::text AS "phoneRequirement",
             f."cityRequirement"::text AS "cityRequirement", f."birthDateRequirement"::text AS "birthDateRequirement",
             k.id AS "keyId", k."wrappedKey",
             EXISTS (SELECT 1 FROM "SecurityState" WHERE "lockedAt" IS NOT NULL) AS locked
      FROM "Application" a
      JOIN "Fund" f ON f.id = a."fundId"
      LEFT JOIN "DataKey" k ON k.owner = ${caseKeyOwner(applicationId)}
      WHERE a.id = ${applicationId} AND a."applicantId" = ${applicantId}`;
}

async function submitOnce(actor: Actor, applicationId: string, raw: Record<string, unknown>): Promise<SaveResult> {
  // Submissions per account are limited (a flood of cases from one account): the first write counts the
  // hit in the same statement (the read stays read-only: one commit per submission, not two).
  // Counted only while the case is still this applicant's draft: a retry or a second tab that finds it
  // submitted uses nothing.
  const limit = rateLimitHitSql(
    LIMITS.submissionAccount,
    actor.userId,
    new Date(),
    Prisma.sql`EXISTS (SELECT 1 FROM "Application" WHERE id = ${applicationId} AND "applicantId" = ${actor.userId} AND status = 'DRAFT')`,
  );
  for (let attempt = 0; ; attempt++) {
    const counted = attempt === 0;
    const app = (await hotQuery<SubmitRow>(submissionRead(applicationId, actor.userId)))[0];
    if (!app) throw new AppError("NOT_FOUND", "application not found");
    if (app.status !== "DRAFT" && app.submissionKey && app.submissionKey === raw.submissionKey) {
      return { applicationId, status: "SUBMITTED", referenceCode: app.referenceCode };
    }
    if (app.status !== "DRAFT") throw new AppError("INVALID_STATE", "not a draft", { messageKey: "apply.notADraft" });
    if (app.fundStatus !== "OPEN") throw new AppError("INVALID_STATE", "fund closed", { messageKey: "apply.fundClosed" });
    const input = parse(raw, app as unknown as Parameters<typeof formParamsOf>[0], "submit");
    const dataKey = adoptCaseKey(applicationId, app);
    const { newKey } = dataKey;
    const keyId = newKey?.id ?? app.keyId!;
    const personal = encryptPersonal(
      applicationId,
      { statement: input.statement, legalName: input.legalName, phone: input.phone, city: input.city, birthDate: input.birthDate },
      dataKey.ring,
    );
    const key = env().BLIND_INDEX_KEY;
    const phoneIndex = input.phone ? blindIndex(key, `phone:${normalisePhone(input.phone)}`) : null;
    const identityIndex =
      input.legalName && input.birthDate ? blindIndex(key, `identity:${normaliseIdentity(input.legalName, input.birthDate)}`) : null;
    const referenceCode = generateReferenceCode();
    const submissionKey = String(raw.submissionKey);
    // A match with another person's case of the organisation flags this (the newer) case for reviewers, never
    // an automatic rejection. The older case is not touched: flagging it would show a planted reviewer, who
    // submits a case with a target's phone, which case is the target's (ADR 0026, amendment).
    const matches = otherCasesMatching(phoneIndex, identityIndex, actor.userId, applicationId, app.fundId);
    const notLocked = Prisma.sql`NOT EXISTS (SELECT 1 FROM "SecurityState" WHERE "lockedAt" IS NOT NULL)`;
    // Every state change is audited in the same transaction (here: the same statement), with the row
    // recordAuditEvent inserts (lib/audit/record-audit-event.ts, also for what `data` may hold).
    const written = await hotQuery<{ submitted: number; hits: number | null }>(Prisma.sql`
      WITH hit AS (${counted ? limit.sql : Prisma.sql`SELECT NULL::int AS "count"`}), m AS ${matches}, k AS (
        INSERT INTO "DataKey" (id, owner, "wrappedKey", "masterKeyId", "createdAt", "updatedAt")
        SELECT ${newKey?.id ?? null}::text, ${newKey?.owner ?? null}::text, ${newKey?.wrappedKey ?? null}::text, ${newKey?.masterKeyId ?? null}::text, now(), now()
        WHERE ${newKey !== null} AND ${notLocked} AND COALESCE((SELECT "count" FROM hit), 0) <= ${LIMITS.submissionAccount.max}
        ON CONFLICT (owner) DO NOTHING
        RETURNING id
      ), a AS (
        UPDATE "Application" SET
          category = ${input.category ?? null}::text::"SituationCategory", purpose = ${input.purpose ?? null}::text::"AidPurpose",
          region = ${input.region ?? null}::text::"Region", "requestedAmountMinor" = ${input.amount ?? null}::int,
          "statementEnc" = ${personal.statementEnc ?? null}::text, "legalNameEnc" = ${personal.legalNameEnc ?? null}::text,
          "phoneEnc" = ${personal.phoneEnc ?? null}::text, "cityEnc" = ${personal.cityEnc ?? null}::text, "birthDateEnc" = ${personal.birthDateEnc ?? null}::text,
          "phoneIndex" = ${phoneIndex}::text, "identityIndex" = ${identityIndex}::text,
          "isDuplicateFlagged" = EXISTS (SELECT 1 FROM m),
          "referenceCode" = ${referenceCode}, status = 'SUBMITTED', "submittedAt" = now(), "submissionKey" = ${submissionKey}, "updatedAt" = now(),
          -- The funnel's rank is set here, so its trigger (on the status change below) does not write this
          -- wide row a second time (prisma/migrations/20261127050000_submission_sets_funnel_rank).
          "furthestStageRank" = GREATEST("furthestStageRank", 0)
        WHERE id = ${applicationId} AND "applicantId" = ${actor.userId} AND status = 'DRAFT' AND ${notLocked}
          AND COALESCE((SELECT "count" FROM hit), 0) <= ${LIMITS.submissionAccount.max}
          AND (EXISTS (SELECT 1 FROM k) OR EXISTS (SELECT 1 FROM "DataKey" WHERE id = ${keyId} AND "wrappedKey" IS NOT NULL))
        RETURNING id, "fundId"
      ), h AS (
        INSERT INTO "ApplicationStatusChange" (id, "applicationId", "fromStatus", "toStatus", "actorId", "createdAt", "updatedAt")
        SELECT ${crypto.randomUUID()}, a.id, 'DRAFT', 'SUBMITTED', ${actor.userId}, now(), now() FROM a
        RETURNING id
      ), e AS (
        ${auditEventInsert({ actorId: actor.userId, action: "application.submitted", entityType: "Application", entityId: Prisma.sql`a.id`, data: { fundId: Prisma.sql`a."fundId"`, amountMinor: input.amount ?? null, duplicateMatches: Prisma.sql`(SELECT count(*) FROM m)` } }, Prisma.sql`a`)}
      )
      SELECT (SELECT count(*) FROM a)::int AS submitted, (SELECT "count" FROM hit) AS hits`).then(
      (rows) => rows[0],
      (e: unknown) => {
        dataKey.discard();
        // The key is unique: one already used by another case means the hidden field was altered.
        if (isUniqueViolation(e, "submissionKey"))
          throw new AppError("INVALID_INPUT", "submission key reused", { fieldErrors: { submissionKey: ["form_tampered"] } });
        throw e;
      },
    );
    if (written?.submitted === 1) {
      dataKey.confirm();
      await notifyApplicant(actor.userId, actor.email);
      return { applicationId, status: "SUBMITTED", referenceCode };
    }
    dataKey.discard();
    if ((written?.hits ?? 0) > LIMITS.submissionAccount.max) throw rateLimitError(limit.minutes);
    // Nothing written: submitted meanwhile (a retry or another tab), the deployment was locked, or a
    // concurrent first save stored another data key. The fresh read decides.
    if (attempt >= 3) throw new AppError("CONFLICT", "the application changed meanwhile; try again");
  }
}
