// The applicant's side of a payout (docs/decisions/0012-ledger-and-payouts.md).
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, type Actor } from "@/lib/authz/actor";
import { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { once } from "@/lib/money/idempotency";
import type { PayoutStepInput } from "@/lib/payouts/schemas";
import { nextStatus } from "@/lib/payouts/rules";
import { lockPayout, moneyTx, isStale } from "@/lib/payouts/payout-ledger";
import type { StepResult } from "@/lib/payouts/payout-step";

/** The applicant confirms the money arrived, or reports that it did not. */
export async function applicantPayoutStep(actor: Actor, input: PayoutStepInput): Promise<StepResult> {
  assertCan(actor, "payout:confirm:own");
  if (input.action !== "confirm" && input.action !== "report_not_received") throw new AppError("FORBIDDEN", "manager step");
  return moneyTx((tx) =>
    once(tx, actor.userId, input.idempotencyKey, `payout.${input.action}`, async () => {
      // A payout of the applicant's own case.
      const p = await lockPayout(tx, input.payoutId, Prisma.sql`a."applicantId" = ${actor.userId}`);
      const to = nextStatus(input.action, p.status);
      if (!to || isStale(input, p))
        throw new AppError("INVALID_STATE", "not at this stage", {
          messageKey: "payouts.notAtThisStage",
          messageValues: { status: p.status },
        });
      await tx.payout.update({ where: { id: p.id }, data: { status: to, ...(to === "CONFIRMED" ? { confirmedAt: new Date() } : {}) } });
      await recordAuditEvent(tx, {
        actorId: actor.userId,
        action: `payout.${input.action}`,
        entityType: "Payout",
        entityId: p.id,
        data: { from: p.status, to, fundId: p.fundId },
      });
      return { payoutId: p.id, status: to };
    }),
  );
}
