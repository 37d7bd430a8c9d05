// `npm run bench:submit-load`: 50 concurrent clients each submit applications (no files) through the
// real HTTP path a browser without JavaScript uses (multipart form post to the server action), against
// the production build on the embedded PostgreSQL. Warm-up, then 5 rounds; reports p50/p95/p99 per round
// with the median and spread, errors, and — read back from the database — duplicate submissions and
// reference codes. Baseline in the same run: a plain Node http server answering the same POSTs.
import crypto from "node:crypto";
import http from "node:http";
import { hash } from "@node-rs/argon2";
import pg from "pg";
import { median, percentile, signIn, startApp } from "./lib/app";

const CLIENTS = 50;
const PER_CLIENT_PER_ROUND = 4;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PASSWORD = "bench passphrase";

type Client = { cookie: string; userId: string };

async function main() {
  const app = await startApp("load", 3520, 54379);
  const db = new pg.Client({ connectionString: app.databaseUrl });
  await db.connect();
  try {
    // Applicants (created directly: setup is not what is measured).
    const passwordHash = await hash(PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
    const platform = (await db.query(`SELECT id FROM "Organisation" WHERE slug = 'padtrymka'`)).rows[0].id as string;
    // Submissions are limited to 10 per account per hour (a product rule): every round gets fresh accounts.
    let made = 0;
    const makeClients = async (n: number): Promise<Client[]> => {
      const out: Client[] = [];
      for (let i = 0; i < n; i++) {
        const userId = `bench-user-${made++}-${crypto.randomBytes(3).toString("hex")}`;
        await db.query(`INSERT INTO "User" (id, username, "passwordHash", "createdAt", "updatedAt") VALUES ($1, $1, $2, now(), now())`, [userId, passwordHash]);
        await db.query(`INSERT INTO "Membership" (id, "userId", "organisationId", role, "createdAt", "updatedAt") VALUES ($1, $2, $3, 'APPLICANT', now(), now())`, [`m-${userId}`, userId, platform]);
        out.push({ userId, cookie: await signIn(app.baseUrl, userId, PASSWORD) });
      }
      return out;
    };
    const clients = await makeClients(CLIENTS);
    const newDraft = async (userId: string) => {
      const id = `bench-app-${crypto.randomUUID()}`;
      await db.query(`INSERT INTO "Application" (id, "applicantId", "fundId", status, "createdAt", "updatedAt") VALUES ($1, $2, 'demo-fund-solidarity', 'DRAFT', now(), now())`, [id, userId]);
      return id;
    };

    // The form's hidden fields (action id, key) exactly as the page renders them for a browser.
    const probeId = await newDraft(clients[0]!.userId);
    const html = await (await fetch(`${app.baseUrl}/en/apply/${probeId}`, { headers: { cookie: clients[0]!.cookie } })).text();
    const formHtml = [...html.matchAll(/<form[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => f.includes('name="intent"'))!;
    const hidden = [...formHtml.matchAll(/<input type="hidden" name="(\$ACTION[^"]*)"(?: value="([^"]*)")?\/>/g)].map((m) => [m[1]!, (m[2] ?? "").replaceAll("&quot;", '"').replaceAll("&amp;", "&")] as const);

    const submit = async (c: Client, applicationId: string, submissionKey: string = crypto.randomUUID()) => {
      const body = new FormData();
      for (const [k, v] of hidden) body.append(k, v);
      const fields = { applicationId, submissionKey, intent: "submit", category: "DISMISSED_WORKER", purpose: "LIVING_COSTS", region: "GOMEL", amount: "950", statement: "Dismissed after the strike at the plant; no income for two months.", legalName: "Bench Person", phone: `+375 29 ${crypto.randomInt(1_000_000, 9_999_999)}`, city: "Gomel" };
      for (const [k, v] of Object.entries(fields)) body.append(k, v);
      const t = performance.now();
      const r = await fetch(`${app.baseUrl}/en/apply/${applicationId}`, { method: "POST", body, redirect: "manual", headers: { cookie: c.cookie, origin: app.baseUrl } });
      const ms = performance.now() - t;
      const ok = r.status === 303 && (r.headers.get("location") ?? "").includes(`/me/${applicationId}?submitted=1`);
      await r.arrayBuffer();
      return { ms, ok, submissionKey };
    };

    const round = async (perClient: number) => {
      const roundClients = await makeClients(CLIENTS);
      const drafts = await Promise.all(roundClients.map(async (c) => ({ c, ids: await Promise.all(Array.from({ length: perClient }, () => newDraft(c.userId))) })));
      const times: number[] = [];
      let errors = 0;
      const keys: { c: Client; id: string; key: string }[] = [];
      await Promise.all(
        drafts.map(async ({ c, ids }) => {
          for (const id of ids) {
            const r = await submit(c, id);
            times.push(r.ms);
            if (!r.ok) errors++;
            keys.push({ c, id, key: r.submissionKey });
          }
        }),
      );
      return { times: times.sort((a, b) => a - b), errors, keys };
    };

    await round(2); // warm-up
    // Service time without queueing: one client, one submission at a time.
    const single: number[] = [];
    const singles = await makeClients(4);
    for (let i = 0; i < 40; i++) {
      const c = singles[i % 4]!;
      const r = await submit(c, await newDraft(c.userId));
      if (!r.ok) throw new Error("single-client submission refused");
      single.push(r.ms);
    }
    single.sort((a, b) => a - b);
    const results = [];
    for (let i = 0; i < ROUNDS; i++) results.push(await round(PER_CLIENT_PER_ROUND));
    // Retries with the same key (a dropped connection): must not submit twice.
    const last = results.at(-1)!.keys.slice(0, CLIENTS);
    const retries = await Promise.all(last.map(({ c, id, key }) => submit(c, id, key)));

    // Baseline: a plain Node server answering the same POSTs at the same concurrency.
    const server = http.createServer((req, res) => {
      req.resume();
      req.on("end", () => res.writeHead(303, { location: "/" }).end());
    });
    await new Promise<void>((r) => server.listen(3599, "127.0.0.1", r));
    const baseTimes: number[] = [];
    await Promise.all(
      clients.map(async () => {
        for (let i = 0; i < PER_CLIENT_PER_ROUND * 2; i++) {
          const body = new FormData();
          body.append("statement", "x".repeat(200));
          const t = performance.now();
          const r = await fetch("http://127.0.0.1:3599/", { method: "POST", body, redirect: "manual" });
          await r.arrayBuffer();
          baseTimes.push(performance.now() - t);
        }
      }),
    );
    server.close();
    baseTimes.sort((a, b) => a - b);

    const dupHistory = (await db.query(`SELECT count(*)::int AS n FROM (SELECT "applicationId" FROM "ApplicationStatusChange" WHERE "toStatus" = 'SUBMITTED' GROUP BY "applicationId" HAVING count(*) > 1) d`)).rows[0].n;
    const submitted = (await db.query(`SELECT count(*)::int AS n, count(DISTINCT "referenceCode")::int AS codes FROM "Application" WHERE id LIKE 'bench-app-%' AND status = 'SUBMITTED'`)).rows[0];
    const expected = CLIENTS * (2 + ROUNDS * PER_CLIENT_PER_ROUND) + 40;

    const p95s = results.map((r) => percentile(r.times, 95));
    results.forEach((r, i) => console.log(`round_${i + 1} p50 ${percentile(r.times, 50).toFixed(0)} ms p95 ${percentile(r.times, 95).toFixed(0)} ms p99 ${percentile(r.times, 99).toFixed(0)} ms errors ${r.errors}`));
    console.log(`single_client_sequential_p50 ${percentile(single, 50).toFixed(1)} ms p95 ${percentile(single, 95).toFixed(1)} ms`);
    console.log(`concurrent_clients ${CLIENTS} count`);
    console.log(`submissions_measured ${ROUNDS * CLIENTS * PER_CLIENT_PER_ROUND} count`);
    console.log(`submit_p95_median_of_rounds ${median(p95s).toFixed(0)} ms`);
    console.log(`submit_p95_spread ${Math.min(...p95s).toFixed(0)}-${Math.max(...p95s).toFixed(0)} ms`);
    console.log(`submit_p50_median_of_rounds ${median(results.map((r) => percentile(r.times, 50))).toFixed(0)} ms`);
    console.log(`baseline_node_http_p95 ${percentile(baseTimes, 95).toFixed(1)} ms`);
    console.log(`submit_p95_vs_baseline ${(median(p95s) / percentile(baseTimes, 95)).toFixed(1)} x`);
    console.log(`errors ${results.reduce((s, r) => s + r.errors, 0)} count`);
    console.log(`retries_with_same_key_answered_ok ${retries.filter((r) => r.ok).length}/${retries.length} count`);
    console.log(`duplicate_submissions ${dupHistory} count`);
    console.log(`submitted_applications ${submitted.n}/${expected} count`);
    console.log(`duplicate_reference_codes ${submitted.n - submitted.codes} count`);
  } finally {
    await db.end();
    await app.stop();
  }
}

void main();
