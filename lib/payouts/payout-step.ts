// Payouts from approved cases (docs/decisions/0012-ledger-and-payouts.md). Every step is one transaction
// with its ledger entries and audit event, behind the caller's idempotency key. The fund's balance rows
// are locked before money is committed, and the database's CHECK refuses an overspend even so.
import "server-only";
import { sealCaseText } from "@/lib/crypto/case-text";
import { notifyApplicant } from "@/lib/applications/notify";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, type Actor } from "@/lib/authz/actor";
import { caseScopeSql } from "@/lib/reviews/scope";
import { assertFreshFactor } from "@/lib/auth/two-factor";
import type { PayoutStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { once } from "@/lib/money/idempotency";
import type { PayoutStepInput } from "@/lib/payouts/schemas";
import { approvalRefusal, ledgerEntriesFor, nextStatus } from "@/lib/payouts/rules";
import {
  lockPayout,
  moneyTx,
  partsOf,
  commit,
  writeEntries,
  addReceipt,
  markCasePaidIfCovered,
  isStale,
} from "@/lib/payouts/payout-ledger";

export type StepResult = { payoutId: string; status: PayoutStatus };

/** A fund manager's step: approve, send, investigate, resend or cancel. */
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
      if (!to || isStale(input, p))
        throw new AppError("INVALID_STATE", "not at this stage", {
          messageKey: "payouts.notAtThisStage",
          messageValues: { status: p.status },
        });
      const data: Record<string, unknown> = { status: to };
      switch (input.action) {
        case "approve": {
          const voters = await tx.review.findMany({
            where: { applicationId: p.applicationId, vote: { not: null } },
            select: { reviewerId: true },
          });
          const refusal = approvalRefusal({
            requestedById: p.requestedById,
            approverId: actor.userId,
            voterIds: voters.map((v) => v.reviewerId),
            applicantId: p.applicantId,
          });
          if (refusal) throw new AppError("FORBIDDEN", refusal, { messageKey: `payouts.refused.${refusal}` });
          if (p.appStatus !== "APPROVED" && p.appStatus !== "PAID")
            throw new AppError("INVALID_STATE", "case not approved", {
              messageKey: "payouts.caseNotApproved",
              messageValues: { stage: p.appStatus },
            });
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
        data: {
          from: p.status,
          to,
          fundId: p.fundId,
          applicationId: p.applicationId,
          amountMinor: p.amountMinor,
          ...(data.method ? { method: data.method as string } : {}),
        },
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
