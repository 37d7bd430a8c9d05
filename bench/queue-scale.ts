// `npm run bench:queue-scale`: the review queue with 1,000,000 applications (seeded with SQL
// generate_series, never the demo seed). Measures, through HTTP as a signed-in reviewer, the queue page for
// one fund and stage at page 1 and at page 10,000 (keyset cursor), and the funnel counts; baseline in the
// same run: the same queue query in raw SQL through pg. Prints `metric value unit`; never fails.
import pg from "pg";
import { median, percentile, signIn, startApp, timeIt } from "./lib/app";

const N = Number(process.env.BENCH_ROWS ?? 1_000_000);

async function main() {
  const app = await startApp("scale", 3530, 54389);
  const db = new pg.Client({ connectionString: app.databaseUrl });
  await db.connect();
  try {
    const t0 = performance.now();
    const applicant = (await db.query(`SELECT id FROM "User" WHERE username = 'demo-applicant-quiet-river'`)).rows[0].id as string;
    // Half in the Academy fund, the rest spread; 70 % submitted, 20 % shortlisted, 7 % verified, 3 % approved.
    await db.query(
      `INSERT INTO "Application" (id, "referenceCode", "applicantId", "fundId", status, category, purpose, region, "requestedAmountMinor", score, "submittedAt", "createdAt", "updatedAt")
       SELECT 'bench-' || g, 'B-' || g, $1,
              CASE WHEN g % 2 = 0 THEN 'demo-fund-academy' WHEN g % 4 = 1 THEN 'demo-fund-rehab' ELSE 'demo-fund-solidarity' END,
              (CASE WHEN g % 100 < 70 THEN 'SUBMITTED' WHEN g % 100 < 90 THEN 'SHORTLISTED' WHEN g % 100 < 97 THEN 'VERIFIED' ELSE 'APPROVED' END)::"ApplicationStatus",
              'RESIGNING_OFFICER', 'ACADEMY_DEBT', 'MINSK', 100000 + g % 1000,
              CASE WHEN g % 3 = 0 THEN -1 ELSE (g * 37) % 101 END,
              now() - make_interval(secs => $2::int - g), now(), now()
       FROM generate_series(1, $2::int) g`,
      [applicant, N],
    );
    // A bulk load: the funnel trigger is off while inserting (1.3M firings in one transaction would update
    // the same counter rows over and over), then the counters are backfilled exactly as the migration does.
    await db.query(`ALTER TABLE "ApplicationStatusChange" DISABLE TRIGGER "ApplicationStatusChange_funnel"`);
    await db.query(
      `INSERT INTO "ApplicationStatusChange" (id, "applicationId", "toStatus", "createdAt", "updatedAt")
       SELECT 'bsc-' || a.id || '-' || s.stage, a.id, s.stage::"ApplicationStatus", now(), now()
       FROM "Application" a CROSS JOIN LATERAL (VALUES ('SUBMITTED', 0), ('SHORTLISTED', 1), ('VERIFIED', 2), ('APPROVED', 3)) s(stage, rank)
       WHERE a.id LIKE 'bench-%' AND s.rank <= CASE a.status WHEN 'SUBMITTED' THEN 0 WHEN 'SHORTLISTED' THEN 1 WHEN 'VERIFIED' THEN 2 ELSE 3 END`,
    );
    await db.query(`ALTER TABLE "ApplicationStatusChange" ENABLE TRIGGER "ApplicationStatusChange_funnel"`);
    await db.query(
      `UPDATE "Application" SET "furthestStageRank" = CASE status WHEN 'SUBMITTED' THEN 0 WHEN 'SHORTLISTED' THEN 1 WHEN 'VERIFIED' THEN 2 ELSE 3 END WHERE id LIKE 'bench-%'`,
    );
    await db.query(`DELETE FROM "FundStageCount"`);
    await db.query(
      `INSERT INTO "FundStageCount" ("fundId", "stageRank", "count", "createdAt", "updatedAt")
       SELECT a."fundId", s, count(*), now(), now() FROM "Application" a CROSS JOIN LATERAL generate_series(0, a."furthestStageRank") AS s
       WHERE a."furthestStageRank" >= 0 GROUP BY a."fundId", s`,
    );
    await db.query(`ANALYZE`);
    const seedSeconds = (performance.now() - t0) / 1000;
    const histories = (await db.query(`SELECT count(*)::int AS n FROM "ApplicationStatusChange"`)).rows[0].n;

    const cookie = await signIn(app.baseUrl, "reviewer@demo.padtrymka.test", "padtrymka-demo");
    const page = (query: string) => async () => {
      const r = await fetch(`${app.baseUrl}/en/review?${query}`, { headers: { cookie } });
      const html = await r.text();
      if (r.status !== 200 || !html.includes("B-")) throw new Error(`queue page failed: ${r.status}`);
    };
    const filter = "fund=demo-fund-academy&stage=SUBMITTED";
    const first = await timeIt(page(filter));
    // The reviewer's landing view: all open stages of every fund in scope (no filter).
    const landing = await timeIt(page(""));
    const inStage = (
      await db.query(`SELECT count(*)::int AS n FROM "Application" WHERE "fundId" = 'demo-fund-academy' AND status = 'SUBMITTED'`)
    ).rows[0].n as number;
    const offset = Math.min((10_000 - 1) * 25 - 1, inStage - 30); // page 10,000 (fewer pages in a small trial run)
    const at = (
      await db.query(
        `SELECT "submittedAt", id FROM "Application" WHERE "fundId" = 'demo-fund-academy' AND status = 'SUBMITTED' ORDER BY "submittedAt", id OFFSET $1 LIMIT 1`,
        [offset],
      )
    ).rows[0];
    const cursor = Buffer.from(`${new Date(at.submittedAt).toISOString()}|${at.id}`).toString("base64url");
    const deep = await timeIt(page(`${filter}&after=${cursor}`));

    // Best score first (rubric scores; a third unscored), page 1 and a deep page by the (score, id) cursor.
    const scoreFilter = "fund=demo-fund-academy&stage=SUBMITTED&sort=score";
    const scoreFirst = await timeIt(page(scoreFilter));
    const atScore = (
      await db.query(
        `SELECT score, id FROM "Application" WHERE "fundId" = 'demo-fund-academy' AND status = 'SUBMITTED' ORDER BY score DESC, id OFFSET $1 LIMIT 1`,
        [offset],
      )
    ).rows[0];
    const scoreDeep = await timeIt(page(`${scoreFilter}&after=${Buffer.from(`s${atScore.score}|${atScore.id}`).toString("base64url")}`));
    // Opening one case (access log, rate gate, fraud signals over the fund's 500k cases and an account with 1M).
    const openCase = await timeIt(async () => {
      const r = await fetch(`${app.baseUrl}/en/review/bench-${2 * (1 + Math.floor(Math.random() * 1000))}`, { headers: { cookie } });
      if (r.status !== 200) throw new Error(`case page failed: ${r.status}`);
      await r.text();
    }, 20);

    const queueSql = `SELECT id, "referenceCode", status FROM "Application" WHERE "fundId" = 'demo-fund-academy' AND status = 'SUBMITTED' AND ("submittedAt", id) > ($1, $2) ORDER BY "submittedAt", id LIMIT 26`;
    const rawDeep = await timeIt(() => db.query(queueSql, [at.submittedAt, at.id]));
    // The funnel as the app reads it (trigger-maintained counters), and the history scan it replaces.
    const funnelSql = `SELECT "fundId", "stageRank", sum("count")::int AS "count" FROM "FundStageCount" WHERE "fundId" = ANY($1) GROUP BY 1, 2`;
    const funnelTimes = await timeIt(() => db.query(funnelSql, [["demo-fund-academy", "demo-fund-rehab", "demo-fund-solidarity"]]));
    const scanSql = `SELECT a."fundId", c."toStatus"::text AS stage, count(DISTINCT a.id)::int AS n FROM "ApplicationStatusChange" c JOIN "Application" a ON a.id = c."applicationId"
                     WHERE a."fundId" = ANY($1) GROUP BY a."fundId", c."toStatus"`;
    const scanTimes = await timeIt(() => db.query(scanSql, [["demo-fund-academy", "demo-fund-rehab", "demo-fund-solidarity"]]), 3);
    const counters = (
      await db.query(
        `SELECT "stageRank", sum("count")::int AS "count" FROM "FundStageCount" WHERE "fundId" = 'demo-fund-academy' GROUP BY 1 ORDER BY 1`,
      )
    ).rows;
    const scanned = (await db.query(scanSql, [["demo-fund-academy"]])).rows;
    const mismatches = counters.filter(
      (c: { stageRank: number; count: number }) =>
        scanned.find(
          (r: { stage: string; n: number }) => r.stage === ["SUBMITTED", "SHORTLISTED", "VERIFIED", "APPROVED", "PAID"][c.stageRank],
        )?.n !== c.count,
    ).length;

    console.log(`applications ${N} count`);
    console.log(`status_history_rows ${histories} count`);
    console.log(`seed_seconds ${seedSeconds.toFixed(1)} s`);
    console.log(
      `queue_page_1_p50 ${percentile(first, 50).toFixed(0)} ms p95 ${percentile(first, 95).toFixed(0)} ms (HTTP, whole page incl. funnel)`,
    );
    console.log(
      `queue_open_work_no_filter_page_1_p50 ${percentile(landing, 50).toFixed(0)} ms p95 ${percentile(landing, 95).toFixed(0)} ms (all open stages and funds)`,
    );
    console.log(`deep_page_number ${Math.floor(offset / 25) + 1} count`);
    console.log(`queue_page_10000_p50 ${percentile(deep, 50).toFixed(0)} ms p95 ${percentile(deep, 95).toFixed(0)} ms`);
    console.log(`page_10000_vs_page_1 ${(median(deep) / median(first)).toFixed(2)} x`);
    console.log(`queue_by_score_page_1_p50 ${percentile(scoreFirst, 50).toFixed(0)} ms p95 ${percentile(scoreFirst, 95).toFixed(0)} ms`);
    console.log(`queue_by_score_page_10000_p50 ${percentile(scoreDeep, 50).toFixed(0)} ms p95 ${percentile(scoreDeep, 95).toFixed(0)} ms`);
    console.log(`case_page_open_p50 ${percentile(openCase, 50).toFixed(0)} ms p95 ${percentile(openCase, 95).toFixed(0)} ms`);
    console.log(`baseline_raw_sql_queue_page_10000_p95 ${percentile(rawDeep, 95).toFixed(1)} ms`);
    console.log(`funnel_counters_p50 ${percentile(funnelTimes, 50).toFixed(2)} ms p95 ${percentile(funnelTimes, 95).toFixed(2)} ms`);
    console.log(`funnel_history_scan_p50 ${percentile(scanTimes, 50).toFixed(0)} ms (what the counters replace)`);
    console.log(`funnel_counter_mismatches_vs_history ${mismatches} count`);
  } finally {
    await db.end();
    await app.stop();
  }
}

void main();
