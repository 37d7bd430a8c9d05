// Reads the facts behind a case's fraud signals (lib/reviews/signals.ts) within the reviewer's scope.
// Only keyed hashes and counts are compared: nothing personal is decrypted to find a match.
// Every fact is read only from cases the reviewer may open (reviewerCaseWhere): a match with a case of
// another organisation, a conflicted case or the reviewer's own is not shown, not even as a count — it
// would let a planted reviewer test whether a phone or a name has applied anywhere
// (docs/decisions/0026-signals-stay-inside-the-organisation.md).
import "server-only";
import type { Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { MIN_CASES_FOR_P95, signalsFrom, type Signal } from "@/lib/reviews/signals";
import { reviewerCaseWhere } from "@/lib/reviews/scope";
import { LRUCache } from "lru-cache";

const COUNT_CAP = 20;
// A fund's amount distribution moves slowly: one percentile query per fund per node every 10 minutes;
// 1,000 funds are more than a deployment runs.
const p95Cache = new LRUCache<string, { value: number | null }>({ max: 1_000, ttl: 10 * 60 * 1000 });

async function fundP95(fundId: string): Promise<number | null> {
  const hit = p95Cache.get(fundId);
  if (hit) return hit.value;
  const [row] = await db().$queryRaw<{ n: bigint; p95: number | null }[]>`
    SELECT count(*) AS n, percentile_disc(0.95) WITHIN GROUP (ORDER BY "requestedAmountMinor") AS p95
    FROM "Application" WHERE "fundId" = ${fundId} AND status <> 'DRAFT' AND "requestedAmountMinor" IS NOT NULL`;
  const value = row && Number(row.n) >= MIN_CASES_FOR_P95 ? row.p95 : null;
  p95Cache.set(fundId, { value });
  return value;
}

export async function caseSignals(actor: Actor, applicationId: string): Promise<Signal[]> {
  const app = await db().application.findFirst({
    where: { id: applicationId, ...reviewerCaseWhere(actor) },
    select: {
      id: true,
      applicantId: true,
      fundId: true,
      phoneIndex: true,
      identityIndex: true,
      requestedAmountMinor: true,
      payouts: { where: { detailsIndex: { not: null } }, select: { detailsIndex: true } },
    },
  });
  if (!app) return [];
  const indexes = [app.phoneIndex && { phoneIndex: app.phoneIndex }, app.identityIndex && { identityIndex: app.identityIndex }].filter(
    Boolean,
  ) as object[];
  const details = [...new Set(app.payouts.map((p) => p.detailsIndex!))];
  const visible = reviewerCaseWhere(actor);
  const others = { ...visible, id: { not: app.id } };
  const [revealed, dups, shared, accountCases, rejectedBefore, p95] = await Promise.all([
    db().auditEvent.findFirst({
      where: { entityType: "Application", entityId: app.id, action: "identity.revealed", actorId: actor.userId },
      select: { seq: true },
    }),
    indexes.length
      ? db().application.findMany({ where: { AND: [others, { OR: indexes }] }, select: { referenceCode: true }, take: 10 })
      : [],
    details.length
      ? db().payout.findMany({
          where: { detailsIndex: { in: details }, application: others },
          distinct: ["applicationId"],
          select: { application: { select: { referenceCode: true } } },
          take: 10,
        })
      : [],
    // Counted up to a cap: the signal needs "several", and one account's history must not slow the page.
    db()
      .application.findMany({ where: { AND: [visible, { applicantId: app.applicantId }] }, select: { id: true }, take: COUNT_CAP })
      .then((r) => r.length),
    db()
      .application.findMany({
        where: { AND: [others, { applicantId: app.applicantId, status: "REJECTED" }] },
        select: { id: true },
        take: COUNT_CAP,
      })
      .then((r) => r.length),
    fundP95(app.fundId),
  ]);
  return signalsFrom({
    duplicateRefs: dups.map((d) => d.referenceCode ?? "—"),
    duplicateRefsShown: !!revealed,
    sharedPayoutRefs: shared.map((s) => s.application.referenceCode ?? "—"),
    accountCases,
    rejectedBefore,
    requestedMinor: app.requestedAmountMinor,
    fundP95Minor: p95,
  });
}
