// Reads about funds. Public reads expose aggregates only; manager reads are scoped to the actor's
// organisations (an out-of-scope id is "not found", never "forbidden").
import "server-only";
import { assertCan, orgsWithRole, type Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";

const fundCard = {
  id: true,
  name: true,
  purpose: true,
  currency: true,
  status: true,
  perApplicantCapMinor: true,
  eligibleCategories: true,
  eligiblePurposes: true,
  evidenceHint: true,
  organisation: { select: { name: true } },
} as const;

export async function listOpenFunds() {
  return db().fund.findMany({ where: { status: "OPEN" }, orderBy: { createdAt: "asc" }, select: fundCard });
}

type Totals = { pledged: number; received: number; paid: number };

/** Pledged (not lapsed), received and paid per fund, derived from pledges and the ledger. */
async function totalsFor(fundIds: string[]): Promise<Map<string, Totals>> {
  const [pledges, ledger] = await Promise.all([
    db().pledge.groupBy({ by: ["fundId"], where: { fundId: { in: fundIds }, status: { not: "LAPSED" } }, _sum: { amountMinor: true } }),
    db().ledgerEntry.groupBy({ by: ["fundId", "kind"], where: { fundId: { in: fundIds } }, _sum: { amountMinor: true } }),
  ]);
  const out = new Map<string, Totals>(fundIds.map((id) => [id, { pledged: 0, received: 0, paid: 0 }]));
  for (const p of pledges) out.get(p.fundId)!.pledged = p._sum.amountMinor ?? 0;
  for (const l of ledger) {
    const t = out.get(l.fundId)!;
    const amount = l._sum.amountMinor ?? 0;
    if (l.kind === "RECEIPT") t.received += amount;
    if (l.kind === "PAYOUT") t.paid += amount;
    if (l.kind === "REVERSAL") t.paid -= amount;
  }
  return out;
}

export async function publicFundTotals() {
  const funds = await db().fund.findMany({ orderBy: { createdAt: "asc" }, select: { id: true, name: true, currency: true, organisation: { select: { name: true } } } });
  const totals = await totalsFor(funds.map((f) => f.id));
  return funds.map((f) => ({ ...f, ...totals.get(f.id)! }));
}

export async function listManagedFunds(actor: Actor) {
  assertCan(actor, "fund:read:org");
  const funds = await db().fund.findMany({
    where: { organisationId: { in: orgsWithRole(actor, "FUND_MANAGER") } },
    orderBy: { createdAt: "asc" },
    select: fundCard,
  });
  const totals = await totalsFor(funds.map((f) => f.id));
  return funds.map((f) => ({ ...f, ...totals.get(f.id)! }));
}

export async function getManagedFund(actor: Actor, fundId: string) {
  assertCan(actor, "fund:read:org");
  const fund = await db().fund.findFirst({
    where: { id: fundId, organisationId: { in: orgsWithRole(actor, "FUND_MANAGER") } },
    select: {
      ...fundCard,
      pledges: { orderBy: { createdAt: "asc" }, select: { id: true, donorDisplayName: true, isAnonymous: true, amountMinor: true, status: true, purposeRestriction: true } },
    },
  });
  if (!fund) return null;
  return { ...fund, ...(await totalsFor([fund.id])).get(fund.id)! };
}

export async function listManagedPayouts(actor: Actor) {
  assertCan(actor, "fund:read:org");
  return db().payout.findMany({
    where: { fund: { organisationId: { in: orgsWithRole(actor, "FUND_MANAGER") } } },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, amountMinor: true, status: true, tranche: true, fund: { select: { name: true, currency: true } }, application: { select: { referenceCode: true } } },
  });
}
