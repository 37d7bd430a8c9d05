// The public transparency page's reads. Aggregates only, each fund up to its own publication cutoff:
// ledger sums, the daily funnel figures kept by the database (FundStageDaily), and weekly Merkle roots.
// Nothing here reads a name, a city, a case or the date of a single payout.
import "server-only";
import { db } from "@/lib/db/client";
import { LRUCache } from "lru-cache";
import { figuresFromSums, pledgedTotal } from "@/lib/money/ledger";
import { minorFromSql, sumMinor } from "@/lib/money/money";
import type { LedgerEntryKind } from "@/lib/db/generated/enums";
import { decodeReceiptToken, leafHash, merkleProof, merkleRoot, type ProofStep } from "@/lib/money/merkle";
import { cell, publicationCutoff, STAGES, weekIsFinal, type Cell } from "@/lib/transparency/rules";

export type StageRow = { key: string; cells: Cell[] };
export type FundReport = {
  id: string;
  name: string;
  purpose: string;
  organisation: string;
  currency: string;
  delayDays: number;
  cutoff: Date;
  pledged: number;
  received: number;
  /** Null when fewer than 5 people were paid (the amounts would point at them). */
  paid: number | null;
  committed: number | null;
  available: number | null;
  peoplePaid: Cell;
  funnel: Cell[];
  weeks: StageRow[];
  byCategory: StageRow[];
  byPurpose: StageRow[];
  roots: { weekStart: string; root: string; leaves: Cell; final: boolean }[];
};

const iso = (d: Date) => d.toISOString().slice(0, 10);

// Sums of minor units come from SQL as exact bigints; `Stat` holds them as checked numbers (minorFromSql).
type StatRow = {
  fundId: string;
  week: Date | null;
  stageRank: number;
  category: string | null;
  purpose: string | null;
  count: number;
  amount: bigint;
  g: number;
};
type Stat = Omit<StatRow, "amount"> & { amount: number };

/** The day before which a fund's figures are published (with no delay: up to today, inclusive). */
const untilDay = (f: { cutoff: Date; delayDays: number }) => iso(f.delayDays === 0 ? new Date(f.cutoff.getTime() + 86_400_000) : f.cutoff);

const GROUPING = `GROUPING SETS (("fundId", "stageRank"), ("fundId", week, "stageRank"), ("fundId", category, "stageRank"), ("fundId", purpose, "stageRank"))`;

/**
 * Published weeks never change (facts are only ever added to the current week), so their aggregates are
 * computed once per fund, cutoff day and app node, and kept here; only the days of the cutoff's own week
 * are read on every request. 500 funds' and days' entries; a key names its cutoff day, so an entry is of
 * no use a day later (the ttl frees it).
 */
const closedWeeks = new LRUCache<string, StatRow[]>({ max: 500, ttl: 86_400_000 });

async function closedWeekStats(fundId: string, until: string): Promise<StatRow[]> {
  const key = `${fundId}|${until}`;
  const hit = closedWeeks.get(key);
  if (hit) return hit;
  const rows = await db().$queryRawUnsafe<StatRow[]>(
    `SELECT "fundId", week, "stageRank", category::text AS category, purpose::text AS purpose,
            sum(count)::int AS count, sum("amountMinor")::bigint AS amount, GROUPING(week, category, purpose)::int AS g
     FROM "FundStageWeekly" WHERE "fundId" = $1 AND week < date_trunc('week', $2::date)::date
     GROUP BY ${GROUPING}`,
    fundId,
    until,
  );
  closedWeeks.set(key, rows);
  return rows;
}

async function stageStats(funds: { id: string; cutoff: Date; delayDays: number }[]): Promise<Stat[]> {
  // Whole weeks before the cutoff's week come from the weekly rollup (kept above); the days of the
  // cutoff's own week before the cutoff from the daily figures. Both are kept by the database.
  const ids = funds.map((f) => f.id);
  const days = funds.map(untilDay);
  const [closed, open] = await Promise.all([
    Promise.all(funds.map((f, i) => closedWeekStats(f.id, days[i]!))).then((r) => r.flat()),
    db().$queryRawUnsafe<StatRow[]>(
      `SELECT d."fundId", date_trunc('week', d.day)::date AS week, d."stageRank", d.category::text AS category, d.purpose::text AS purpose,
              sum(d.count)::int AS count, sum(d."amountMinor")::bigint AS amount, GROUPING(date_trunc('week', d.day)::date, d.category, d.purpose)::int AS g
       FROM "FundStageDaily" d JOIN unnest($1::text[], $2::date[]) AS c(fund, until) ON c.fund = d."fundId"
       WHERE d.day >= date_trunc('week', c.until)::date AND d.day < c.until
       GROUP BY GROUPING SETS ((d."fundId", d."stageRank"), (d."fundId", date_trunc('week', d.day)::date, d."stageRank"), (d."fundId", d.category, d."stageRank"), (d."fundId", d.purpose, d."stageRank"))`,
      ids,
      days,
    ),
  ]);
  // Add the open week's figures to the closed weeks' (same grouping sets, summed by group).
  const merged = new Map<string, Stat>();
  for (const r of [...closed, ...open]) {
    const k = [r.fundId, r.g, r.stageRank, r.week ? iso(new Date(r.week)) : "", r.category ?? "", r.purpose ?? ""].join("|");
    const m = merged.get(k);
    const amount = minorFromSql(r.amount);
    if (m) merged.set(k, { ...m, count: m.count + r.count, amount: sumMinor([m.amount, amount]) });
    else merged.set(k, { ...r, amount });
  }
  return [...merged.values()];
}

async function ledgerSums(funds: { id: string; cutoff: Date; delayDays: number }[]) {
  return db().$queryRaw<{ fundId: string; kind: LedgerEntryKind; amountMinor: bigint }[]>`
    SELECT l."fundId", l.kind, sum(l."amountMinor")::bigint AS "amountMinor"
    FROM "LedgerDaily" l
    JOIN unnest(${funds.map((f) => f.id)}::text[], ${funds.map(untilDay)}::date[]) AS c(fund, until) ON c.fund = l."fundId"
    WHERE l.day < c.until
    GROUP BY 1, 2`;
}

async function pledgeSums(funds: { id: string; cutoff: Date }[]) {
  return db().$queryRaw<{ fundId: string; amountMinor: number; receivedMinor: bigint; lapsed: boolean }[]>`
    SELECT p."fundId", p."amountMinor", (p.status = 'LAPSED') AS lapsed,
           COALESCE((SELECT sum(l."amountMinor") FROM "LedgerEntry" l WHERE l."pledgeId" = p.id AND l.kind = 'RECEIPT'), 0)::bigint AS "receivedMinor"
    FROM "Pledge" p
    JOIN unnest(${funds.map((f) => f.id)}::text[], ${funds.map((f) => f.cutoff)}::timestamp[]) AS c(fund, until) ON c.fund = p."fundId"
    WHERE p."createdAt" < c.until`;
}

/** Weekly Merkle roots up to the cutoff; whole weeks before it are frozen once (written, never changed). */
async function weekRoots(fund: { id: string; cutoff: Date }) {
  const frozen = await db().payoutWeekRoot.findMany({ where: { fundId: fund.id }, orderBy: { weekStart: "asc" } });
  const frozenWeeks = new Set(frozen.map((r) => iso(r.weekStart)));
  const lastFrozen = frozen.at(-1)?.weekStart ?? new Date(0);
  const weeks = await db().$queryRaw<{ weekStart: Date }[]>`
    SELECT DISTINCT "weekStart" FROM "PayoutReceipt" WHERE "fundId" = ${fund.id} AND "weekStart" > ${lastFrozen} AND "createdAt" < ${fund.cutoff} ORDER BY 1`;
  const out: FundReport["roots"] = frozen.map((r) => ({
    weekStart: iso(r.weekStart),
    root: r.root,
    leaves: cell(r.leafCount, 0),
    final: true,
  }));
  for (const { weekStart } of weeks) {
    const week = iso(weekStart);
    if (frozenWeeks.has(week)) continue;
    const leaves = await publishedLeaves(fund.id, week, fund.cutoff);
    const root = merkleRoot(leaves);
    const final = weekIsFinal(week, fund.cutoff);
    if (final) {
      await db().payoutWeekRoot.createMany({
        data: [{ fundId: fund.id, weekStart, root, leafCount: leaves.length }],
        skipDuplicates: true,
      });
    }
    out.push({ weekStart: week, root, leaves: cell(leaves.length, 0), final });
  }
  return out.sort((a, b) => (a.weekStart < b.weekStart ? 1 : -1));
}

async function publishedLeaves(fundId: string, week: string, cutoff: Date): Promise<string[]> {
  const rows = await db().payoutReceipt.findMany({
    where: { fundId, weekStart: new Date(`${week}T00:00:00Z`), createdAt: { lt: cutoff } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { leafHash: true },
  });
  return rows.map((r) => r.leafHash);
}

function stageRows(rows: Stat[], key: (r: Stat) => string | null): StageRow[] {
  const by = new Map<string, { count: number; amount: number }[]>();
  for (const r of rows) {
    const k = key(r);
    if (k === null) continue;
    const stages = by.get(k) ?? STAGES.map(() => ({ count: 0, amount: 0 }));
    stages[r.stageRank] = { count: r.count, amount: r.amount };
    by.set(k, stages);
  }
  return [...by.entries()].map(([k, stages]) => ({ key: k, cells: stages.map((s) => cell(s.count, s.amount)) }));
}

export async function transparencyReport(now = new Date(), onlyFundId?: string): Promise<FundReport[]> {
  const funds = await db().fund.findMany({
    where: onlyFundId ? { id: onlyFundId } : undefined,
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, purpose: true, currency: true, publicationDelayDays: true, organisation: { select: { name: true } } },
  });
  if (funds.length === 0) return [];
  const scoped = funds.map((f) => ({
    id: f.id,
    delayDays: f.publicationDelayDays,
    cutoff: publicationCutoff(now, f.publicationDelayDays),
  }));
  const [stats, sums, pledges] = await Promise.all([stageStats(scoped), ledgerSums(scoped), pledgeSums(scoped)]);
  const reports: FundReport[] = [];
  for (const f of funds) {
    const scope = scoped.find((s) => s.id === f.id)!;
    const mine = stats.filter((s) => s.fundId === f.id);
    const figures = figuresFromSums(
      sums.filter((s) => s.fundId === f.id).map((s) => ({ kind: s.kind, amountMinor: minorFromSql(s.amountMinor) })),
    );
    const totals = mine.filter((s) => s.g === 7);
    const funnelCounts = STAGES.map((_, i) => totals.find((t) => t.stageRank === i) ?? { count: 0, amount: 0 });
    const peoplePaid = cell(funnelCounts[4]!.count, funnelCounts[4]!.amount);
    const paidHidden = peoplePaid.hidden;
    reports.push({
      id: f.id,
      name: f.name,
      purpose: f.purpose,
      organisation: f.organisation.name,
      currency: f.currency,
      delayDays: f.publicationDelayDays,
      cutoff: scope.cutoff,
      pledged: pledgedTotal(
        pledges
          .filter((p) => p.fundId === f.id)
          .map((p) => ({ amountMinor: p.amountMinor, receivedMinor: minorFromSql(p.receivedMinor), lapsed: p.lapsed })),
      ),
      received: figures.received,
      paid: paidHidden ? null : figures.paid,
      committed: paidHidden ? null : figures.committed,
      available: paidHidden ? null : figures.available,
      peoplePaid,
      funnel: funnelCounts.map((s) => cell(s.count, s.amount)),
      weeks: stageRows(
        mine.filter((s) => s.g === 3),
        (r) => (r.week ? iso(r.week) : null),
      ).sort((a, b) => (a.key < b.key ? -1 : 1)),
      byCategory: stageRows(
        mine.filter((s) => s.g === 5),
        (r) => r.category,
      ),
      byPurpose: stageRows(
        mine.filter((s) => s.g === 6),
        (r) => r.purpose,
      ),
      roots: await weekRoots(scope),
    });
  }
  return reports;
}

export type ReceiptCheck =
  | { result: "invalid" }
  | { result: "not_found" }
  | { result: "not_yet_published"; fundName: string; publishedFrom: string }
  | { result: "included"; fundName: string; weekStart: string; leaf: string; root: string; proof: ProofStep[]; final: boolean };

/** Checks a recipient's receipt token against the published tree of its week. */
export async function checkReceipt(token: string, now = new Date()): Promise<ReceiptCheck> {
  const record = decodeReceiptToken(token);
  if (!record) return { result: "invalid" };
  const leaf = leafHash(record);
  const receipt = await db().payoutReceipt.findUnique({
    where: { leafHash: leaf },
    select: { fundId: true, createdAt: true, payout: { select: { fund: { select: { name: true, publicationDelayDays: true } } } } },
  });
  if (!receipt || receipt.fundId !== record.fundId) return { result: "not_found" };
  const fund = receipt.payout.fund;
  const cutoff = publicationCutoff(now, fund.publicationDelayDays);
  if (receipt.createdAt >= cutoff) {
    const from = new Date(receipt.createdAt);
    from.setUTCDate(from.getUTCDate() + fund.publicationDelayDays + 1);
    return { result: "not_yet_published", fundName: fund.name, publishedFrom: iso(from) };
  }
  const frozen = await db().payoutWeekRoot.findUnique({
    where: { fundId_weekStart: { fundId: record.fundId, weekStart: new Date(`${record.weekStart}T00:00:00Z`) } },
  });
  const leaves = await publishedLeaves(record.fundId, record.weekStart, cutoff);
  const index = leaves.indexOf(leaf);
  if (index < 0) return { result: "not_found" };
  const root = merkleRoot(leaves);
  if (frozen && frozen.root !== root) return { result: "not_found" };
  return {
    result: "included",
    fundName: fund.name,
    weekStart: record.weekStart,
    leaf,
    root,
    proof: merkleProof(leaves, index),
    final: !!frozen || weekIsFinal(record.weekStart, cutoff),
  };
}
