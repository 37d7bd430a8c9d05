// A fund manager asks for a payout of an approved case: the money is committed from the fund's buckets
// (docs/decisions/0012-ledger-and-payouts.md).
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, type Actor } from "@/lib/authz/actor";
import { encryptForCase } from "@/lib/crypto";
import { loadCaseKeys } from "@/lib/crypto/case-keys";
import { blindIndex } from "@/lib/crypto/field-encryption";
import { env } from "@/lib/env";
import { caseScopeSql } from "@/lib/reviews/scope";
import { normalisePayoutDetails } from "@/lib/reviews/signals";
import { AppError } from "@/lib/errors";
import { once } from "@/lib/money/idempotency";
import { parseMoneyInput } from "@/lib/money/money";
import type { RequestPayoutInput } from "@/lib/payouts/schemas";
import { generatePayoutReference, LIVE_STATUSES, requestRefusal } from "@/lib/payouts/rules";
import { moneyTx } from "@/lib/payouts/payout-ledger";

export async function requestPayout(actor: Actor, input: RequestPayoutInput): Promise<{ payoutId: string; reference: string }> {
  assertCan(actor, "payout:request:org");
  return moneyTx((tx) =>
    once(tx, actor.userId, input.idempotencyKey, "payout.request", async () => {
      // Only a case in the fund manager's scope (lib/reviews/scope.ts); any other is "not found".
      const rows = await tx.$queryRaw<
        { id: string; status: string; approvedAmountMinor: number | null; fundId: string; currency: string }[]
      >`
        SELECT a.id, a.status::text AS status, a."approvedAmountMinor", a."fundId", f.currency
        FROM "Application" a JOIN "Fund" f ON f.id = a."fundId"
        WHERE a.id = ${input.applicationId} AND ${caseScopeSql(actor, "FUND_MANAGER")}
        FOR UPDATE OF a`;
      const app = rows[0];
      if (!app) throw new AppError("NOT_FOUND", "case not found");
      const amountMinor = parseMoneyInput(input.amount, app.currency);
      if (!amountMinor) throw new AppError("INVALID_INPUT", "amount", { fieldErrors: { amount: ["amount_format"] } });
      const live = await tx.payout.findMany({
        where: { applicationId: app.id, status: { in: [...LIVE_STATUSES] } },
        select: { amountMinor: true, tranche: true },
      });
      const liveTotalMinor = live.reduce((s, p) => s + p.amountMinor, 0);
      const refusal = requestRefusal({ caseStatus: app.status, approvedMinor: app.approvedAmountMinor, liveTotalMinor, amountMinor });
      if (refusal?.reason === "case_not_approved")
        throw new AppError("INVALID_STATE", "case not approved", {
          messageKey: "payouts.caseNotApproved",
          messageValues: { stage: refusal.status },
        });
      if (refusal?.reason === "over_remaining") {
        throw new AppError("INVALID_INPUT", "over remaining", {
          fieldErrors: { amount: ["amount_over_limit"] },
          messageKey: "payouts.overRemaining",
          messageValues: { amount: { minor: refusal.remainingMinor, currency: app.currency } },
        });
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
      const detailsIndex = input.details.trim()
        ? blindIndex(env().BLIND_INDEX_KEY, `payout:${normalisePayoutDetails(input.details)}`)
        : null;
      await loadCaseKeys(tx, [app.id], { create: true });
      await tx.payout.update({
        where: { id: payout.id },
        data: { detailsEnc: encryptForCase(app.id, input.details, `Payout.details:${payout.id}`), detailsIndex },
      });
      await recordAuditEvent(tx, {
        actorId: actor.userId,
        action: "payout.requested",
        entityType: "Payout",
        entityId: payout.id,
        data: { applicationId: app.id, fundId: app.fundId, amountMinor, tranche, method: input.method },
      });
      return { payoutId: payout.id, reference: payout.reference };
    }),
  );
}
