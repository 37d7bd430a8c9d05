// Reads about funds. Public reads expose aggregates only; manager reads are scoped to the actor's
// organisations (an out-of-scope id is "not found", never "forbidden").
import "server-only";
import { assertCan, orgsWithRole, type Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { figuresFromSums, pledgedTotal, type Figures } from "@/lib/money/ledger";

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

type Totals = Figures & { pledged: number; buckets: Map<string, Figures> };

/** Pledged, received, committed, paid and available per fund (and per money bucket), from the ledger. */
async function totalsFor(fundIds: string[]): Promise<Map<string, Totals>> {
  const [pledges, receipts, ledger] = await Promise.all([
    db().pledge.findMany({ where: { fundId: { in: fundIds } }, select: { id: true, fundId: true, amountMinor: true, status: true } }),
    db().ledgerEntry.groupBy({ by: ["pledgeId"], where: { fundId: { in: fundIds }, kind: "RECEIPT" }, _sum: { amountMinor: true } }),
    db().ledgerEntry.groupBy({ by: ["fundId", "kind", "purpose"], where: { fundId: { in: fundIds } }, _sum: { amountMinor: true } }),
  ]);
  const receivedBy = new Map(receipts.map((r) => [r.pledgeId, r._sum.amountMinor ?? 0]));
  const out = new Map<string, Totals>();
  for (const id of fundIds) {
    const rows = ledger.filter((l) => l.fundId === id);
    const buckets = new Map<string, Figures>();
    for (const key of new Set(rows.map((r) => r.purpose ?? "ANY"))) {
      buckets.set(
        key,
        figuresFromSums(
          rows.filter((r) => (r.purpose ?? "ANY") === key).map((r) => ({ kind: r.kind, amountMinor: r._sum.amountMinor ?? 0 })),
        ),
      );
    }
    const pledged = pledgedTotal(
      pledges
        .filter((p) => p.fundId === id)
        .map((p) => ({ amountMinor: p.amountMinor, receivedMinor: receivedBy.get(p.id) ?? 0, lapsed: p.status === "LAPSED" })),
    );
    out.set(id, { ...figuresFromSums(rows.map((r) => ({ kind: r.kind, amountMinor: r._sum.amountMinor ?? 0 }))), pledged, buckets });
  }
  return out;
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
      organisationId: true,
      requiredApprovals: true,
      publicationDelayDays: true,
      retentionMonths: true,
      verificationChecklist: true,
      rubric: true,
      revealNeedsSecondReviewer: true,
      receiptConfirmationAboveMinor: true,
      legalNameRequirement: true,
      phoneRequirement: true,
      cityRequirement: true,
      birthDateRequirement: true,
      pledges: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          donorDisplayName: true,
          isAnonymous: true,
          amountMinor: true,
          status: true,
          purposeRestriction: true,
          dueDate: true,
          donorUserId: true,
        },
      },
    },
  });
  if (!fund) return null;
  const receipts = await db().ledgerEntry.groupBy({
    by: ["pledgeId"],
    where: { fundId: fund.id, kind: "RECEIPT" },
    _sum: { amountMinor: true },
  });
  const receivedBy = new Map(receipts.map((r) => [r.pledgeId, r._sum.amountMinor ?? 0]));
  const hasMoney =
    (await db().ledgerEntry.count({ where: { fundId: fund.id } })) +
      fund.pledges.length +
      (await db().application.count({ where: { fundId: fund.id, status: { not: "DRAFT" } } })) >
    0;
  return {
    ...fund,
    pledges: fund.pledges.map((p) => ({ ...p, receivedMinor: receivedBy.get(p.id) ?? 0 })),
    currencyLocked: hasMoney,
    ...(await totalsFor([fund.id])).get(fund.id)!,
  };
}

/** Organisations the actor manages funds for (the "new fund" form). */
export async function managerOrganisations(actor: Actor) {
  assertCan(actor, "fund:manage:org");
  return db().organisation.findMany({
    where: { id: { in: orgsWithRole(actor, "FUND_MANAGER") } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
