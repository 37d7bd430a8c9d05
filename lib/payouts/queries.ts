// Reads of payouts: the fund manager's list (their organisations' funds) and the applicant's own
// payouts with their receipt tokens. Details are decrypted only for managers of the fund.
import "server-only";
import { openCaseText } from "@/lib/crypto/case-text";
import { assertCan, orgsWithRole, type Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import type { PayoutStatus } from "@/lib/db/generated/enums";
import { encodeReceiptToken } from "@/lib/money/merkle";
import { payoutDetails } from "@/lib/payouts/payout-details";
import { loadCaseKeys } from "@/lib/crypto/case-keys";

export async function managerPayouts(actor: Actor, status?: PayoutStatus) {
  assertCan(actor, "fund:read:org");
  const rows = await db().payout.findMany({
    where: { fund: { organisationId: { in: orgsWithRole(actor, "FUND_MANAGER") } }, ...(status ? { status } : {}) },
    orderBy: [{ updatedAt: "desc" }],
    take: 200,
    select: {
      id: true,
      reference: true,
      amountMinor: true,
      status: true,
      tranche: true,
      attempt: true,
      method: true,
      detailsEnc: true,
      cancelReason: true,
      requestedById: true,
      approvedById: true,
      createdAt: true,
      sentAt: true,
      confirmedAt: true,
      requestedBy: { select: { email: true } },
      approvedBy: { select: { email: true } },
      fund: { select: { id: true, name: true, currency: true } },
      application: { select: { id: true, referenceCode: true, purpose: true } },
    },
  });
  await loadCaseKeys(
    db(),
    rows.map((r) => r.application.id),
  );
  return rows.map(({ detailsEnc, ...p }) => ({
    ...p,
    cancelReason: openCaseText(p.application.id, p.cancelReason),
    details: payoutDetails(p.id, detailsEnc),
  }));
}

/** Approved cases of the manager's funds that still have an amount not covered by live payouts. */
export async function casesAwaitingPayout(actor: Actor, fundId?: string) {
  assertCan(actor, "payout:request:org");
  const rows = await db().application.findMany({
    where: {
      ...(fundId ? { fundId } : {}),
      status: { in: ["APPROVED", "PAID"] },
      fund: { organisationId: { in: orgsWithRole(actor, "FUND_MANAGER") } },
      applicantId: { not: actor.userId },
    },
    orderBy: { updatedAt: "asc" },
    take: 200,
    select: {
      id: true,
      referenceCode: true,
      purpose: true,
      approvedAmountMinor: true,
      fund: { select: { name: true, currency: true } },
      payouts: { where: { status: { not: "CANCELLED" } }, select: { amountMinor: true } },
    },
  });
  return rows
    .map((r) => ({ ...r, remainingMinor: (r.approvedAmountMinor ?? 0) - r.payouts.reduce((s, p) => s + p.amountMinor, 0) }))
    .filter((r) => r.remainingMinor > 0);
}

/** The applicant's payouts on one of their cases, with a receipt token per transfer (latest first). */
export async function applicantPayouts(actor: Actor, applicationId: string) {
  const rows = await db().payout.findMany({
    where: { applicationId, application: { applicantId: actor.userId } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      amountMinor: true,
      status: true,
      tranche: true,
      method: true,
      sentAt: true,
      fund: { select: { id: true, currency: true } },
      receipts: { orderBy: { createdAt: "desc" }, take: 1, select: { weekStart: true, salt: true } },
    },
  });
  return rows.map(({ receipts, ...p }) => ({
    ...p,
    receiptToken: receipts[0]
      ? encodeReceiptToken({
          fundId: p.fund.id,
          weekStart: receipts[0].weekStart.toISOString().slice(0, 10),
          amountMinor: p.amountMinor,
          currency: p.fund.currency,
          salt: receipts[0].salt,
        })
      : null,
  }));
}
