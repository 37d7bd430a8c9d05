// Delivery of a sealed application (docs/decisions/0046-sealed-applications.md): by anyone, signed out
// (the applicant later, or a trusted person abroad who got the file by messenger), or in bulk by a fund
// manager on the fund's page. The server opens it with the intake key and then treats it exactly like an
// online submission: the same form schema for the fund, the same evidence pipeline (type from the bytes,
// metadata stripped, PDFs rebuilt), the same submission statement with its duplicate flags. Delivering the
// same file again answers with the same reference code; a copy changed since is refused.
//
// Everything that can refuse it is checked before anything is stored: the format, the key, the fund and
// its questions, the answers and every file. Only then is the case written: a holder account (no email,
// no username, no password: nobody signs in as it) owns the draft, its files are added, and it is
// submitted by the one submission path. Should a step after that fail (the deployment locked meanwhile),
// the case is removed again; the audit log keeps what happened.
import "server-only";
import { formParamsOf } from "@/lib/applications/load-own";
import { applicationFormSchema } from "@/lib/applications/schemas";
import { saveApplication } from "@/lib/applications/save-application";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, orgsWithRole, type Actor } from "@/lib/authz/actor";
import { blindIndex } from "@/lib/crypto/field-encryption";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { env } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";
import { storeEvidence } from "@/lib/evidence/evidence";
import { MAX_FILE_BYTES, type AllowedType, type EvidenceRefusal } from "@/lib/evidence/rules";
import { sanitiseEvidence } from "@/lib/evidence/sanitize";
import { consumeRateLimit, LIMITS } from "@/lib/rate-limit/rate-limit";
import { open, SealedError, type Opened, type SealedRefusalReason } from "@/lib/sealed/format";
import { fundFormVersion, intakeIdentities } from "@/lib/sealed/intake";
import { ensurePlatformOrganisation } from "@/lib/users/platform";
import { logger } from "@/lib/log";

export type Delivered = { referenceCode: string; again: boolean; fundName: string };

/** The keyed hash a claim code is stored and looked up by (never the code itself). */
export const claimCodeIndex = (code: string) => blindIndex(env().BLIND_INDEX_KEY, `claim:${code}`);

/** A refusal as the action wrapper shows it: translated (`deliver.refused.<reason>`), with its details. */
export function refusal(reason: SealedRefusalReason | `evidence_${EvidenceRefusal}`, values?: Record<string, string | number>): AppError {
  const code = reason === "rate_limited" ? "RATE_LIMITED" : reason === "unavailable" ? "INVALID_STATE" : "INVALID_INPUT";
  return new AppError(code, `sealed application refused: ${reason}`, { messageKey: `deliver.refused.${reason}`, messageValues: values });
}

type By =
  /** Signed out, on /deliver: counted per client (the real client address) and per fund. */
  | { kind: "public"; client: string }
  /** A fund manager's bulk import on the fund's page: only sealed applications for that fund. */
  | { kind: "import"; actor: Actor; fundId: string };

export async function deliverSealed(input: Uint8Array | string, by: By): Promise<Delivered> {
  if (by.kind === "public") await consumeRateLimit(LIMITS.deliveryClient, by.client).catch(rethrowLimit);
  else assertCan(by.actor, "fund:manage:org");
  const identities = intakeIdentities();
  if (identities.length === 0) throw refusal("unavailable");
  let opened: Opened;
  try {
    opened = await open(identities, input);
  } catch (e) {
    if (e instanceof SealedError) throw refusal(e.reason);
    throw e;
  }
  const { manifest } = opened;

  const again = await sameDelivery(opened);
  if (again) return again;

  const fund = await db().fund.findUnique({ where: { id: manifest.fundId } });
  if (!fund) throw refusal("unknown_fund");
  if (by.kind === "import") {
    // Another organisation's fund is not named to this manager.
    if (!orgsWithRole(by.actor, "FUND_MANAGER").includes(fund.organisationId)) throw refusal("unknown_fund");
    if (fund.id !== by.fundId) throw refusal("other_fund", { fund: fund.name });
  }
  // The fund's own reasons are kept by the claim code, so the applicant sees them on /status.
  if (fund.status !== "OPEN") throw await refusedForFund(manifest.claimCode, "fund_closed", fund.name);
  if (fundFormVersion(fund) !== manifest.fundVersion) throw await refusedForFund(manifest.claimCode, "fund_changed", fund.name);

  // The answers, exactly as an online submission of this fund checks them.
  const answers = { ...manifest.answers, intent: "submit", submissionKey: manifest.id };
  if (!applicationFormSchema(formParamsOf(fund), "submit").safeParse(answers).success) throw refusal("invalid");
  // Every file through the evidence pipeline before anything is stored.
  const files: { name: string; clean: { type: AllowedType; bytes: Buffer } }[] = [];
  for (const f of opened.files) {
    if (f.bytes.length > MAX_FILE_BYTES) throw refusal("evidence_too_large", { file: f.name });
    const clean = await sanitiseEvidence(Buffer.from(f.bytes));
    if (!clean.ok) throw refusal(`evidence_${clean.reason}`, { file: f.name });
    files.push({ name: f.name, clean });
  }

  // Counted per fund only for what would become a case: a flood of invalid files cannot shut a fund's
  // delivery for honest carriers (those count against their sender's per-client limit).
  if (by.kind === "public") await consumeRateLimit(LIMITS.deliveryFund, fund.id).catch(rethrowLimit);

  // The case, owned by a holder account until claimed.
  let holder: Actor;
  let applicationId: string;
  try {
    ({ holder, applicationId } = await db().$transaction(async (tx) => {
      const platformId = await ensurePlatformOrganisation(tx);
      const user = await tx.user.create({
        data: { sealedHolder: true, locale: manifest.locale, memberships: { create: { organisationId: platformId, role: "APPLICANT" } } },
        select: { id: true },
      });
      const app = await tx.application.create({
        data: {
          applicantId: user.id,
          fundId: fund.id,
          sealedId: manifest.id,
          sealedDigest: opened.digest,
          claimCodeIndex: claimCodeIndex(manifest.claimCode),
          deliveredAt: new Date(),
        },
        select: { id: true },
      });
      await recordAuditEvent(tx, {
        actorId: by.kind === "import" ? by.actor.userId : user.id,
        action: "application.sealed_delivered",
        entityType: "Application",
        entityId: app.id,
        data: { fundId: fund.id, files: files.length, via: by.kind },
      });
      return {
        holder: { userId: user.id, label: "", email: null, memberships: [{ organisationId: platformId, role: "APPLICANT" as const }] },
        applicationId: app.id,
      };
    }));
  } catch (e) {
    // The same file delivered twice at once: the other delivery made the case; answer with it.
    // Another file with this claim code (someone who saw the code sealed their own with it first): the codes
    // are random, so it is never a coincidence. Refused with its own reason, and logged for the operators.
    if (isUniqueViolation(e, "claimCodeIndex")) {
      logger.warn({ event: "sealed.claim_code_taken", fundId: fund.id }, "a sealed application reused another's claim code");
      throw refusal("claim_code_taken");
    }
    if (isUniqueViolation(e)) {
      for (let i = 0; i < 50; i++) {
        const done = await sameDelivery(opened);
        if (done) return done;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw refusal("unavailable");
    }
    throw e;
  }
  try {
    // Stored as cleaned above: the pipeline runs once per file (a PDF is rebuilt once, not twice).
    for (const file of files) await storeEvidence(holder, applicationId, file.name, file.clean);
    const { referenceCode } = await saveApplication(holder, applicationId, answers);
    return { referenceCode: referenceCode!, again: false, fundName: fund.name };
  } catch (e) {
    await db().application.deleteMany({ where: { id: applicationId, status: "DRAFT" } });
    logger.warn({ event: "sealed.delivery_undone", err: e instanceof Error ? e.message : String(e) }, "sealed delivery undone");
    if (isAppError(e) && e.code === "RATE_LIMITED") throw refusal("rate_limited", { minutes: Number(e.messageValues?.minutes ?? 60) });
    // The fund closed while this was being delivered: its reason, kept for /status like any other.
    if (isAppError(e) && e.messageKey === "apply.fundClosed") throw await refusedForFund(manifest.claimCode, "fund_closed", fund.name);
    if (isAppError(e)) throw refusal("unavailable");
    throw e;
  }
}

/** The case this sealed application already became (the same answer again), or a refusal if it changed. */
async function sameDelivery(opened: Opened): Promise<Delivered | null> {
  const existing = await db().application.findUnique({
    where: { sealedId: opened.manifest.id },
    select: { referenceCode: true, sealedDigest: true, status: true, createdAt: true, fund: { select: { name: true } } },
  });
  if (!existing) return null;
  if (existing.sealedDigest !== opened.digest) throw refusal("changed");
  if (existing.status === "DRAFT" || !existing.referenceCode) {
    // Still being delivered — or left half-made by a process that stopped: after five minutes it is
    // removed, so this delivery makes the case instead of waiting for one that never comes.
    if (Date.now() - existing.createdAt.getTime() > 5 * 60_000)
      await db().application.deleteMany({ where: { sealedId: opened.manifest.id, status: "DRAFT" } });
    return null;
  }
  return { referenceCode: existing.referenceCode, again: true, fundName: existing.fund.name };
}

async function refusedForFund(claimCode: string, reason: "fund_closed" | "fund_changed", fundName: string): Promise<AppError> {
  const index = claimCodeIndex(claimCode);
  await db().sealedRefusal.upsert({ where: { claimCodeIndex: index }, create: { claimCodeIndex: index, reason }, update: { reason } });
  return refusal(reason, { fund: fundName });
}

function rethrowLimit(e: unknown): never {
  if (isAppError(e) && e.code === "RATE_LIMITED") throw refusal("rate_limited", { minutes: Number(e.messageValues?.minutes ?? 60) });
  throw e;
}
