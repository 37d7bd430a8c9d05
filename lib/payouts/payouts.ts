// Payouts from approved cases (docs/decisions/0012-ledger-and-payouts.md). Every step is one transaction
// with its ledger entries and audit event, behind the caller's idempotency key. The fund's balance rows
// are locked before money is committed, and the database's CHECK refuses an overspend even so.
import "server-only";
import { sealCaseText } from "@/lib/crypto/case-text";
import { notifyApplicant } from "@/lib/applications/notify";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, type Actor } from "@/lib/authz/actor";
import { decrypt, encryptForCase } from "@/lib/crypto";
import { DecryptionError } from "@/lib/crypto/field-encryption";
import { loadCaseKeys } from "@/lib/crypto/case-keys";
import { blindIndex } from "@/lib/crypto/field-encryption";
import { env } from "@/lib/env";
import { caseScopeSql } from "@/lib/reviews/scope";
import { normalisePayoutDetails } from "@/lib/reviews/signals";
import { assertFreshFactor } from "@/lib/auth/two-factor";
import { db, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { AidPurpose, PayoutMethod, PayoutStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { isOverspendViolation, once } from "@/lib/money/idempotency";
import { allocate, type Bucket } from "@/lib/money/ledger";
import { leafHash, newSalt, weekStartOf } from "@/lib/money/merkle";
import { minorFromSql, parseMoneyInput } from "@/lib/money/money";
import type { PayoutStepInput, RequestPayoutInput } from "@/lib/payouts/schemas";
import { approvalRefusal, caseFullyPaid, generatePayoutReference, ledgerEntriesFor, LIVE_STATUSES, nextStatus, requestRefusal } from "@/lib/payouts/rules";

const OUT_STATUSES: PayoutStatus[] = ["SENT", "CONFIRMED", "NOT_RECEIVED", "INVESTIGATING"];

/** Retries a money transaction when the database refuses it for an overspend: it becomes a clear refusal. */
async function moneyTx<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db().$transaction(work, { timeout: 20_000, maxWait: 20_000 });
  } catch (e) {
    if (isOverspendViolation(e)) throw new AppError("CONFLICT", "fund short", { messageKey: "payouts.fundShortNow" });
    throw e;
  }
}

export async function requestPayout(actor: Actor, input: RequestPayoutInput): Promise<{ payoutId: string; reference: string }> {
  assertCan(actor, "payout:request:org");
  return moneyTx((tx) =>
    once(tx, actor.userId, input.idempotencyKey, "payout.request", async () => {
      // Only a case in the fund manager's scope (lib/reviews/scope.ts); any other is "not found".
      const rows = await tx.$queryRaw<{ id: string; status: string; approvedAmountMinor: number | null; fundId: string; currency: string }[]>`
        SELECT a.id, a.status::text AS status, a."approvedAmountMinor", a."fundId", f.currency
        FROM "Application" a JOIN "Fund" f ON f.id = a."fundId"
        WHERE a.id = ${input.applicationId} AND ${caseScopeSql(actor, "FUND_MANAGER")}
        FOR UPDATE OF a`;
      const app = rows[0];
      if (!app) throw new AppError("NOT_FOUND", "case not found");
      const amountMinor = parseMoneyInput(input.amount, app.currency);
      if (!amountMinor) throw new AppError("INVALID_INPUT", "amount", { fieldErrors: { amount: ["amount_format"] } });
      const live = await tx.payout.findMany({ where: { applicationId: app.id, status: { in: [...LIVE_STATUSES] } }, select: { amountMinor: true, tranche: true } });
      const liveTotalMinor = live.reduce((s, p) => s + p.amountMinor, 0);
      const refusal = requestRefusal({ caseStatus: app.status, approvedMinor: app.approvedAmountMinor, liveTotalMinor, amountMinor });
      if (refusal?.reason === "case_not_approved") throw new AppError("INVALID_STATE", "case not approved", { messageKey: "payouts.caseNotApproved", messageValues: { stage: refusal.status } });
      if (refusal?.reason === "over_remaining") {
        throw new AppError("INVALID_INPUT", "over remaining", { fieldErrors: { amount: ["amount_over_limit"] }, messageKey: "payouts.overRemaining", messageValues: { amount: { minor: refusal.remainingMinor, currency: app.currency } } });
      }
      const all = await tx.payout.findMany({ where: { applicationId: app.id }, select: { tranche: true, status: true } });
      const usedTranches = new Set(all.filter((p) => p.status !== "CANCELLED").map((p) => p.tranche));
      let tranche = 1;
      while (usedTranches.has(tranche)) tranche++;
      const payout = await tx.payout.create({
        data: {
          applicationId: app.id,
          fundId: app.fundId,
          tranche,
          amountMinor,
          method: input.method,
          requestedById: actor.userId,
          idempotencyKey: `${actor.userId}:${input.idempotencyKey}`,
          reference: generatePayoutReference(),
        },
        select: { id: true, reference: true },
      });
      // The keyed hash lets reviewers see the same account on other cases without decrypting anything.
      const detailsIndex = input.details.trim() ? blindIndex(env().BLIND_INDEX_KEY, `payout:${normalisePayoutDetails(input.details)}`) : null;
      await loadCaseKeys(tx, [app.id], { create: true });
      await tx.payout.update({ where: { id: payout.id }, data: { detailsEnc: encryptForCase(app.id, input.details, `Payout.details:${payout.id}`), detailsIndex } });
      await recordAuditEvent(tx, { actorId: actor.userId, action: "payout.requested", entityType: "Payout", entityId: payout.id, data: { applicationId: app.id, fundId: app.fundId, amountMinor, tranche, method: input.method } });
      return { payoutId: payout.id, reference: payout.reference };
    }),
  );
}

type LockedPayout = {
  id: string;
  status: PayoutStatus;
  amountMinor: number;
  attempt: number;
  fundId: string;
  applicationId: string;
  requestedById: string;
  method: PayoutMethod | null;
  currency: string;
  applicantId: string;
  purpose: AidPurpose | null;
  appStatus: string;
  approvedAmountMinor: number | null;
};

/** Locks a payout and its case, only if the case is in `scope` (a condition on its "Application" row `a`). */
async function lockPayout(tx: Tx, payoutId: string, scope: Prisma.Sql): Promise<LockedPayout> {
  const rows = await tx.$queryRaw<LockedPayout[]>`
    SELECT p.id, p.status::text AS status, p."amountMinor", p.attempt, p."fundId", p."applicationId", p."requestedById", p.method::text AS method,
           f.currency, a."applicantId", a.purpose::text AS purpose, a.status::text AS "appStatus", a."approvedAmountMinor"
    FROM "Payout" p JOIN "Fund" f ON f.id = p."fundId" JOIN "Application" a ON a.id = p."applicationId"
    WHERE p.id = ${payoutId} AND ${scope}
    FOR UPDATE OF p, a`;
  if (!rows[0]) throw new AppError("NOT_FOUND", "payout not found");
  return rows[0];
}

/** The buckets of the payout's commitment, from its ledger entries. */
async function partsOf(tx: Tx, payoutId: string): Promise<{ bucket: Bucket; amountMinor: number }[]> {
  const entries = await tx.ledgerEntry.findMany({ where: { payoutId, kind: "COMMITMENT" }, select: { purpose: true, amountMinor: true }, orderBy: { createdAt: "asc" } });
  return entries.map((e) => ({ bucket: e.purpose, amountMinor: e.amountMinor }));
}

async function commit(tx: Tx, p: LockedPayout): Promise<{ bucket: Bucket; amountMinor: number }[]> {
  const purpose = p.purpose ?? "OTHER";
  // Lock the two buckets this payout may draw from, in a fixed order, then read what is available.
  const balances = await tx.$queryRaw<{ bucket: string; available: bigint }[]>`
    SELECT bucket, ("receivedMinor" - "committedMinor" - "paidMinor")::bigint AS available
    FROM "FundBalance" WHERE "fundId" = ${p.fundId} AND bucket IN ('ANY', ${purpose})
    ORDER BY bucket FOR UPDATE`;
  const allocation = allocate(new Map(balances.map((b) => [b.bucket, minorFromSql(b.available)])), purpose, p.amountMinor);
  if (!allocation.ok) {
    throw new AppError("CONFLICT", "fund short", { fieldErrors: { amount: ["amount_over_limit"] }, messageKey: "payouts.fundShort", messageValues: { amount: { minor: allocation.availableMinor, currency: p.currency } } });
  }
  return allocation.parts;
}

async function writeEntries(tx: Tx, p: LockedPayout, actorId: string, entries: ReturnType<typeof ledgerEntriesFor>) {
  for (const e of entries) {
    await tx.ledgerEntry.create({ data: { fundId: p.fundId, kind: e.kind, amountMinor: e.amountMinor, purpose: e.purpose, payoutId: p.id, idempotencyKey: e.idempotencyKey, createdById: actorId } });
  }
}

/** A Merkle leaf for this transfer; the recipient's token is built from it on their page. */
async function addReceipt(tx: Tx, p: LockedPayout) {
  const weekStart = weekStartOf(new Date());
  const salt = newSalt();
  const leaf = leafHash({ fundId: p.fundId, weekStart, amountMinor: p.amountMinor, currency: p.currency, salt });
  await tx.payoutReceipt.create({ data: { payoutId: p.id, fundId: p.fundId, weekStart: new Date(`${weekStart}T00:00:00Z`), salt, leafHash: leaf } });
}

/** Moves the case to PAID once its transfers cover the approved amount. Returns true if it moved. */
async function markCasePaidIfCovered(tx: Tx, p: LockedPayout, actorId: string): Promise<boolean> {
  if (p.appStatus !== "APPROVED" || !p.approvedAmountMinor) return false;
  const out = await tx.payout.aggregate({ where: { applicationId: p.applicationId, status: { in: OUT_STATUSES } }, _sum: { amountMinor: true } });
  if (!caseFullyPaid(p.approvedAmountMinor, out._sum.amountMinor ?? 0)) return false;
  await tx.application.update({ where: { id: p.applicationId }, data: { status: "PAID" } });
  await tx.applicationStatusChange.create({ data: { applicationId: p.applicationId, fromStatus: "APPROVED", toStatus: "PAID", actorId, reason: "payout sent" } });
  return true;
}

export type StepResult = { payoutId: string; status: PayoutStatus };

/** A fund manager's step: approve, send, investigate, resend or cancel. */
/** A step from a page that showed another state or attempt of the payout than the one it has now. */
const isStale = (input: PayoutStepInput, p: { status: string; attempt: number }) =>
  (input.expectedStatus !== undefined && input.expectedStatus !== p.status) || (input.expectedAttempt !== undefined && Number(input.expectedAttempt) !== p.attempt);

export async function payoutStep(actor: Actor, input: PayoutStepInput): Promise<StepResult> {
  const permission = input.action === "approve" ? "payout:approve:org" : "payout:release:org";
  assertCan(actor, permission);
  if (input.action === "confirm" || input.action === "report_not_received") throw new AppError("FORBIDDEN", "applicant step");
  // Releasing money needs a fresh second factor, not only a session (docs/decisions/0016-two-factor.md).
  if (input.action === "approve") await assertFreshFactor(actor, input.otp);
  const result = await moneyTx((tx) =>
    once(tx, actor.userId, input.idempotencyKey, `payout.${input.action}`, async () => {
      // A payout of a case in the fund manager's scope (lib/reviews/scope.ts: never their own case).
      const p = await lockPayout(tx, input.payoutId, caseScopeSql(actor, "FUND_MANAGER"));
      const to = nextStatus(input.action, p.status);
      if (!to || isStale(input, p)) throw new AppError("INVALID_STATE", "not at this stage", { messageKey: "payouts.notAtThisStage", messageValues: { status: p.status } });
      const data: Record<string, unknown> = { status: to };
      switch (input.action) {
        case "approve": {
          const voters = await tx.review.findMany({ where: { applicationId: p.applicationId, vote: { not: null } }, select: { reviewerId: true } });
          const refusal = approvalRefusal({ requestedById: p.requestedById, approverId: actor.userId, voterIds: voters.map((v) => v.reviewerId), applicantId: p.applicantId });
          if (refusal) throw new AppError("FORBIDDEN", refusal, { messageKey: `payouts.refused.${refusal}` });
          if (p.appStatus !== "APPROVED" && p.appStatus !== "PAID") throw new AppError("INVALID_STATE", "case not approved", { messageKey: "payouts.caseNotApproved", messageValues: { stage: p.appStatus } });
          data.approvedById = actor.userId;
          break;
        }
        case "send":
        case "resend":
          data.method = input.method || p.method;
          if (!data.method) throw new AppError("INVALID_INPUT", "method", { fieldErrors: { method: ["required"] } });
          data.sentAt = new Date();
          if (input.action === "resend") data.attempt = p.attempt + 1;
          break;
        case "cancel":
        case "investigate":
          if (!input.reason) throw new AppError("INVALID_INPUT", "reason", { fieldErrors: { reason: ["required"] } });
          // Why it was cancelled ("recipient detained") is about a person: sealed under the case's key.
          if (input.action === "cancel") data.cancelReason = await sealCaseText(tx, p.applicationId, input.reason);
          break;
      }
      await tx.payout.update({ where: { id: p.id }, data });
      let caseMoved = false;
      if (to === "SENT") {
        await addReceipt(tx, p);
        caseMoved = await markCasePaidIfCovered(tx, p, actor.userId);
      }
      await recordAuditEvent(tx, {
        actorId: actor.userId,
        action: `payout.${input.action}`,
        entityType: "Payout",
        entityId: p.id,
        data: { from: p.status, to, fundId: p.fundId, applicationId: p.applicationId, amountMinor: p.amountMinor, ...(data.method ? { method: data.method as string } : {}) },
      });
      // Money last: the fund's balance rows are locked from here to the commit, so concurrent payouts of
      // the fund wait for as little work as possible.
      const parts = input.action === "approve" ? await commit(tx, p) : await partsOf(tx, p.id);
      await writeEntries(tx, p, actor.userId, ledgerEntriesFor(p.id, input.action, p.status, parts, p.attempt));
      return { payoutId: p.id, status: to, notify: to === "SENT" || caseMoved ? p.applicantId : null };
    }),
  );
  if (result.notify) await notifyApplicant(result.notify);
  return { payoutId: result.payoutId, status: result.status };
}

/** The applicant confirms the money arrived, or reports that it did not. */
export async function applicantPayoutStep(actor: Actor, input: PayoutStepInput): Promise<StepResult> {
  assertCan(actor, "payout:confirm:own");
  if (input.action !== "confirm" && input.action !== "report_not_received") throw new AppError("FORBIDDEN", "manager step");
  return moneyTx((tx) =>
    once(tx, actor.userId, input.idempotencyKey, `payout.${input.action}`, async () => {
      // A payout of the applicant's own case.
      const p = await lockPayout(tx, input.payoutId, Prisma.sql`a."applicantId" = ${actor.userId}`);
      const to = nextStatus(input.action, p.status);
      if (!to || isStale(input, p)) throw new AppError("INVALID_STATE", "not at this stage", { messageKey: "payouts.notAtThisStage", messageValues: { status: p.status } });
      await tx.payout.update({ where: { id: p.id }, data: { status: to, ...(to === "CONFIRMED" ? { confirmedAt: new Date() } : {}) } });
      await recordAuditEvent(tx, { actorId: actor.userId, action: `payout.${input.action}`, entityType: "Payout", entityId: p.id, data: { from: p.status, to, fundId: p.fundId } });
      return { payoutId: p.id, status: to };
    }),
  );
}

/** Payout details for a fund manager of the fund (decrypted only here, e.g. for a bank batch). */
export function payoutDetails(payoutId: string, detailsEnc: string | null): string {
  if (!detailsEnc) return "";
  try {
    return decrypt(detailsEnc, `Payout.details:${payoutId}`);
  } catch (e) {
    // The case's data was deleted (its key destroyed): the details are gone for good.
    if (e instanceof DecryptionError) return "";
    throw e;
  }
}
