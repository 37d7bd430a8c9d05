// The submission's duplicate lookup (lib/applications/save-application.ts, otherCasesMatching) must use the
// blind-index indexes in the plan PostgreSQL makes once for a prepared statement (any values: ADR 0021),
// with or without statistics on the table. A young database has none until autovacuum first analyzes
// it; before this test existed, every submission on such a database read every case (a sequential scan
// chosen for an EXISTS that expected an early match).
//
// Runs alone (serial project): it removes the table's statistics to plan without them, and analyzes the
// table again at the end.
import crypto from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { otherCasesMatching } from "@/lib/applications/save-application";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { makeFund, makeOrganisation, makeUser, platformOrganisation } from "@/lib/testing/factories";

const CASES = 5_000;
let client: pg.Client;
let applicantId: string;
let fundId: string;

beforeAll(async () => {
  const platformId = (await platformOrganisation(db())).id;
  fundId = (
    await makeFund(db(), (await makeOrganisation(db())).id, {
      perApplicantCapMinor: 100_000,
      eligibleCategories: ["DISMISSED_WORKER"],
      eligiblePurposes: ["LIVING_COSTS"],
    })
  ).id;
  applicantId = (await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: platformId }] })).id;
  client = new pg.Client({ connectionString: env().DATABASE_URL });
  await client.connect();
  // Submitted cases as in real data: a phone index on each, an identity index on few (birth date optional).
  await client.query(
    `INSERT INTO "Application" (id, "applicantId", "fundId", status, "submittedAt", "phoneIndex", "identityIndex", "createdAt", "updatedAt")
     SELECT 'plan-' || g || '-' || $3, $1, $2, 'SUBMITTED', now(), md5('phone' || g || $3), CASE WHEN g % 20 = 0 THEN md5('id' || g || $3) END, now(), now()
     FROM generate_series(1, ${CASES}) g`,
    [applicantId, fundId, crypto.randomUUID()],
  );
});

afterAll(async () => {
  await client.query(`ANALYZE "Application"`);
  await client.end();
});

/** The plan of the lookup as the submission uses it (a CTE read by an EXISTS), made for any values. */
async function genericPlan(): Promise<string> {
  const q = otherCasesMatching("p".repeat(64), null, "someone-else", "this-case", fundId);
  const name = `plan_${crypto.randomBytes(4).toString("hex")}`;
  await client.query("SET plan_cache_mode = force_generic_plan");
  await client.query(`PREPARE ${name} AS WITH m AS ${q.text} SELECT EXISTS (SELECT 1 FROM m) AS flagged, (SELECT count(*) FROM m) AS n`);
  try {
    const args = q.values.map((v) => (v === null ? "NULL" : client.escapeLiteral(String(v)))).join(", ");
    const { rows } = await client.query(`EXPLAIN (FORMAT JSON) EXECUTE ${name}(${args})`);
    return JSON.stringify(rows[0]["QUERY PLAN"]);
  } finally {
    await client.query(`DEALLOCATE ${name}`);
    await client.query("RESET plan_cache_mode");
  }
}

describe("the duplicate lookup of a submission", () => {
  it("uses the blind-index indexes before the table has statistics", async () => {
    await client.query(`DELETE FROM pg_statistic WHERE starelid = '"Application"'::regclass`);
    expect(Number((await client.query(`SELECT count(*) FROM pg_stats WHERE tablename = 'Application'`)).rows[0].count)).toBe(0);
    const plan = await genericPlan();
    expect(plan).toContain("Application_phoneIndex_idx");
    expect(plan).toContain("Application_identityIndex_idx");
    expect(plan).not.toContain("Seq Scan");
  });

  it("uses them once the table is analyzed", async () => {
    await client.query(`ANALYZE "Application"`);
    const plan = await genericPlan();
    expect(plan).toContain("Application_phoneIndex_idx");
    expect(plan).not.toContain("Seq Scan");
  });
});
