// `npm run bench:magic-link`: how long the sign-in page takes to answer "check your email" for an address
// with an account, without one, of a suspended account and of a two-factor account (ADR 0032: the mail is
// sent after the response, so the four should not differ by more than noise). The four kinds are asked in
// turn, one request at a time, through the JavaScript-free form post. Prints `metric value unit` lines.
//   BENCH_PORT / BENCH_PG_PORT: ports of the app and its embedded database (default 3512 / 54372)
//   BENCH_ROUNDS: requests per kind (default 60)
import pg from "pg";
import { percentile, startApp } from "./lib/app";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 60);

async function magicLinkPost(baseUrl: string, email: string): Promise<{ ms: number; status: number; location: string | null }> {
  const html = await (await fetch(`${baseUrl}/en/sign-in`)).text();
  const form = html.split("<form").find((f) => f.includes('name="email"'))!;
  const fd = new FormData();
  for (const m of form.matchAll(/<input type="hidden" name="([^"]*)"(?: value="([^"]*)")?\/>/g))
    fd.append(m[1]!, (m[2] ?? "").replaceAll("&quot;", '"').replaceAll("&amp;", "&"));
  fd.append("email", email);
  const t = performance.now();
  const r = await fetch(`${baseUrl}/en/sign-in`, {
    method: "POST",
    body: fd,
    redirect: "manual",
    headers: { origin: "null", "sec-fetch-site": "same-origin" },
  });
  await r.arrayBuffer();
  return { ms: performance.now() - t, status: r.status, location: r.headers.get("location") };
}

async function main() {
  const app = await startApp("magic-link", Number(process.env.BENCH_PORT ?? 3512), Number(process.env.BENCH_PG_PORT ?? 54372));
  try {
    // The bench's own fresh demo database: one account suspended, one with two-factor sign-in.
    const db = new pg.Client({ connectionString: app.databaseUrl });
    db.on("error", () => {}); // the app's stop ends the connection if the bench fails half-way
    await db.connect();
    await db.query(`UPDATE "User" SET "suspendedAt" = now() WHERE email = 'fund2@demo.padtrymka.test'`);
    await db.query(
      `UPDATE "User" SET "totpEnabledAt" = now(), "totpSecretEnc" = 'bench: never read (no one signs in with it)' WHERE email = 'reviewer2@demo.padtrymka.test'`,
    );
    await db.end();
    const kinds: Record<string, (i: number) => string> = {
      known: () => "donor@demo.padtrymka.test",
      unknown: (i) => `nobody-${Date.now().toString(36)}-${i}@bench.padtrymka.test`,
      suspended: () => "fund2@demo.padtrymka.test",
      two_factor: () => "reviewer2@demo.padtrymka.test",
    };
    const times: Record<string, number[]> = Object.fromEntries(Object.keys(kinds).map((k) => [k, []]));
    const answers = new Set<string>();
    for (let i = -5; i < ROUNDS; i++) {
      for (const [kind, email] of Object.entries(kinds)) {
        const r = await magicLinkPost(app.baseUrl, email(i));
        answers.add(`${r.status} ${r.location}`);
        if (i >= 0) times[kind]!.push(r.ms); // the first five rounds warm the app up
      }
    }
    const p50: Record<string, number> = {};
    for (const [kind, ms] of Object.entries(times)) {
      ms.sort((a, b) => a - b);
      p50[kind] = percentile(ms, 50);
      console.log(`magic_link_${kind}_p50 ${p50[kind]!.toFixed(1)} ms`);
      console.log(`magic_link_${kind}_p90 ${percentile(ms, 90).toFixed(1)} ms`);
    }
    const values = Object.values(p50);
    console.log(`magic_link_p50_spread ${(Math.max(...values) - Math.min(...values)).toFixed(1)} ms`);
    console.log(`magic_link_distinct_answers ${answers.size} (${[...answers].join("; ")})`);
  } finally {
    await app.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
