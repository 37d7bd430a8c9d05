import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { funnel, listQueue, QueueFilterSchema } from "@/lib/reviews/queue";
import { actorFor } from "@/lib/testing/actors";
import { makeFund, makeOrganisation, makeUser, platformOrganisation } from "@/lib/testing/factories";

let reviewer: Actor;

/** A fund of its own (empty funnel), a reviewer of its organisation and an applicant. */
async function freshFund() {
  const platform = await platformOrganisation(db());
  const org = await makeOrganisation(db());
  const fund = await makeFund(db(), org.id);
  const r = await actorFor((await makeUser(db(), { roles: [{ role: "REVIEWER", organisationId: org.id }] })).id);
  const u = await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: platform.id }] });
  return { fund, r, u };
}
let fundId: string;
const ids: string[] = [];

beforeAll(async () => {
  const platform = await platformOrganisation(db());
  const org = await makeOrganisation(db());
  fundId = (await makeFund(db(), org.id)).id;
  reviewer = await actorFor((await makeUser(db(), { roles: [{ role: "REVIEWER", organisationId: org.id }] })).id);
  const applicant = await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: platform.id }] });
  const t0 = Date.UTC(2026, 0, 1);
  for (let i = 0; i < 30; i++) {
    // Several cases share a timestamp: the id breaks the tie, so pages neither skip nor repeat.
    const a = await db().application.create({
      data: {
        applicantId: applicant.id,
        fundId,
        status: i < 20 ? "SUBMITTED" : "VERIFIED",
        category: i % 2 ? "DISMISSED_WORKER" : "OTHER",
        submittedAt: new Date(t0 + Math.floor(i / 3) * 60_000),
        isDuplicateFlagged: i === 7,
        statusChanges: {
          create: [
            { toStatus: "SUBMITTED" },
            ...(i >= 20 ? [{ toStatus: "SHORTLISTED" as const }, { toStatus: "VERIFIED" as const }] : []),
          ],
        },
      },
    });
    ids.push(a.id);
  }
});

const filter = (raw: Record<string, string>) => QueueFilterSchema.parse(raw);

describe("review queue", () => {
  it("pages through everything exactly once, oldest first", async () => {
    const first = await listQueue(reviewer, filter({ fund: fundId }));
    expect(first.rows).toHaveLength(25);
    expect(first.next).toBeTruthy();
    const second = await listQueue(reviewer, filter({ fund: fundId, after: first.next! }));
    expect(second.rows).toHaveLength(5);
    expect(second.next).toBeNull();
    const seen = [...first.rows, ...second.rows].map((r) => r.id);
    expect(new Set(seen).size).toBe(30);
    expect(seen.sort()).toEqual([...ids].sort());
  });

  it("filters by category, stage and duplicate flag", async () => {
    expect(
      (await listQueue(reviewer, filter({ fund: fundId, category: "DISMISSED_WORKER" }))).rows.every(
        (r) => r.category === "DISMISSED_WORKER",
      ),
    ).toBe(true);
    expect((await listQueue(reviewer, filter({ fund: fundId, stage: "VERIFIED" }))).rows).toHaveLength(10);
    expect((await listQueue(reviewer, filter({ fund: fundId, duplicates: "1" }))).rows.map((r) => r.id)).toEqual([ids[7]]);
  });

  it("shows what needs my vote until I vote", async () => {
    expect((await listQueue(reviewer, filter({ fund: fundId, needsMyVote: "1" }))).rows).toHaveLength(10);
    await db().review.create({ data: { applicationId: ids[25]!, reviewerId: reviewer.userId, vote: "APPROVE", approvedAmountMinor: 100 } });
    expect((await listQueue(reviewer, filter({ fund: fundId, needsMyVote: "1" }))).rows).toHaveLength(9);
  });

  it("shows open work by default; closed cases only when their stage is chosen", async () => {
    const org = await makeOrganisation(db());
    const fund = (await makeFund(db(), org.id)).id;
    const r = await actorFor((await makeUser(db(), { roles: [{ role: "REVIEWER", organisationId: org.id }] })).id);
    const applicant = await makeUser(db());
    for (const status of ["SUBMITTED", "NEEDS_INFO", "REJECTED", "PAID", "WITHDRAWN"] as const) {
      await db().application.create({ data: { applicantId: applicant.id, fundId: fund, status, submittedAt: new Date() } });
    }
    expect((await listQueue(r, filter({ fund }))).rows.map((x) => x.status).sort()).toEqual(["NEEDS_INFO", "SUBMITTED"]);
    expect((await listQueue(r, filter({ fund, stage: "REJECTED" }))).rows.map((x) => x.status)).toEqual(["REJECTED"]);
  });

  it("counts the funnel from the stage history", async () => {
    const f = (await funnel(reviewer)).find((x) => x.id === fundId)!;
    expect(f.stages).toEqual([
      { stage: "SUBMITTED", count: 30 },
      { stage: "SHORTLISTED", count: 10 },
      { stage: "VERIFIED", count: 10 },
      { stage: "APPROVED", count: 0 },
      { stage: "PAID", count: 0 },
    ]);
  });

  it("counts each case once per stage, even when it goes back and forth through 'needs information'", async () => {
    const { fund, r, u } = await freshFund();
    const a = await db().application.create({ data: { applicantId: u.id, fundId: fund.id, status: "VERIFIED", submittedAt: new Date() } });
    for (const toStatus of ["SUBMITTED", "SHORTLISTED", "NEEDS_INFO", "SHORTLISTED", "NEEDS_INFO", "SHORTLISTED", "VERIFIED"] as const) {
      await db().applicationStatusChange.create({ data: { applicationId: a.id, toStatus } });
    }
    const f = (await funnel(r)).find((x) => x.id === fund.id)!;
    expect(f.stages.map((s) => s.count)).toEqual([1, 1, 1, 0, 0]);
    expect((await db().application.findUniqueOrThrow({ where: { id: a.id } })).furthestStageRank).toBe(2);
  });

  it("concurrent stage changes of one fund do not wait for each other's counter rows, and the funnel sums them", async () => {
    // docs/decisions/0020-striped-hot-rows.md: each database session counts in its own stripe. With one
    // counter row per fund and stage, the second session would wait for the first one's commit.
    const { fund, r, u } = await freshFund();
    const apps = await Promise.all(
      [0, 1, 2].map(() =>
        db().application.create({ data: { applicantId: u.id, fundId: fund.id, status: "SUBMITTED", submittedAt: new Date() } }),
      ),
    );
    const sessions: pg.Client[] = [];
    const stripes = new Set<number>();
    try {
      // Two sessions in different stripes (a session's stripe is its backend pid modulo 16).
      while (sessions.length < 2) {
        const c = new pg.Client({ connectionString: env().DATABASE_URL });
        await c.connect();
        const stripe = (await c.query(`SELECT pg_backend_pid() % 16 AS s`)).rows[0].s as number;
        if (stripes.has(stripe)) await c.end();
        else {
          stripes.add(stripe);
          sessions.push(c);
        }
      }
      const [a, b] = sessions as [pg.Client, pg.Client];
      const stage = (c: pg.Client, applicationId: string) =>
        c.query(
          `INSERT INTO "ApplicationStatusChange" (id, "applicationId", "toStatus", "createdAt", "updatedAt") VALUES (gen_random_uuid()::text, $1, 'SUBMITTED', now(), now())`,
          [applicationId],
        );
      await a.query("BEGIN");
      await stage(a, apps[0]!.id);
      // a holds its counter rows uncommitted; b must not wait for them.
      await b.query("BEGIN");
      await b.query(`SET LOCAL lock_timeout = '2s'`);
      await stage(b, apps[1]!.id);
      await b.query("COMMIT");
      await a.query("COMMIT");
      await stage(b, apps[2]!.id);
    } finally {
      await Promise.all(sessions.map((c) => c.end()));
    }
    const f = (await funnel(r)).find((x) => x.id === fund.id)!;
    expect(f.stages.map((s) => s.count)).toEqual([3, 0, 0, 0, 0]);
    expect(await db().fundStageCount.count({ where: { fundId: fund.id } })).toBe(2);
  });

  it("refuses a tampered filter value", () => {
    expect(QueueFilterSchema.safeParse({ stage: "'; DROP TABLE" }).success).toBe(false);
  });
});
