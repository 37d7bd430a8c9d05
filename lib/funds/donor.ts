// The donor's view: their own pledges, what was received, and what the funds they gave to paid for in
// aggregate (by purpose and week), under the transparency page's privacy rules and delay. Money is
// fungible, so "your share" is the donor's part of what the fund had received by the same cutoff.
import "server-only";
import { assertCan, type Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { transparencyReport, type FundReport } from "@/lib/transparency/queries";

export async function donorOverview(actor: Actor) {
  assertCan(actor, "pledge:read:own");
  const pledges = await db().pledge.findMany({
    where: { donorUserId: actor.userId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      amountMinor: true,
      status: true,
      purposeRestriction: true,
      isAnonymous: true,
      donorDisplayName: true,
      createdAt: true,
      fundId: true,
      fund: { select: { name: true, currency: true } },
    },
  });
  const receipts = await db().ledgerEntry.findMany({
    where: { pledgeId: { in: pledges.map((p) => p.id) }, kind: "RECEIPT" },
    select: { pledgeId: true, amountMinor: true, createdAt: true },
  });
  const fundIds = [...new Set(pledges.map((p) => p.fundId))];
  const reports = fundIds.length ? (await transparencyReport()).filter((r) => fundIds.includes(r.id)) : [];
  const funds = reports.map((r: FundReport) => {
    const toFund = receipts.filter((x) => pledges.find((p) => p.id === x.pledgeId)?.fundId === r.id);
    const mine = toFund.filter((x) => x.createdAt < r.cutoff).reduce((s, x) => s + x.amountMinor, 0);
    // Received from the donor but after the publication cutoff: in their table, not yet in the figures.
    const notYetPublished = toFund.filter((x) => x.createdAt >= r.cutoff).reduce((s, x) => s + x.amountMinor, 0);
    return { report: r, receivedFromYou: mine, notYetPublished, share: r.received > 0 ? mine / r.received : 0 };
  });
  return {
    pledges: pledges.map((p) => ({
      ...p,
      receivedMinor: receipts.filter((r) => r.pledgeId === p.id).reduce((s, r) => s + r.amountMinor, 0),
    })),
    funds,
  };
}

export async function openFundsForPledges() {
  return db().fund.findMany({ where: { status: "OPEN" }, orderBy: { name: "asc" }, select: { id: true, name: true, currency: true } });
}
