// Starts the production app on a fresh embedded database for a benchmark, as users start it.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");

export type RunningApp = { baseUrl: string; databaseUrl: string; pid: number; stop: () => Promise<void> };

export async function startApp(name: string, port: number, pgPort: number): Promise<RunningApp> {
  const dataDir = path.join(ROOT, ".data", `bench-${name}`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PADTRYMKA_NODE_ARGS: process.env.BENCH_NODE_ARGS ?? "",
    PORT: String(port),
    PADTRYMKA_DATA_DIR: dataDir,
    PADTRYMKA_PG_PORT: String(pgPort),
    LOG_LEVEL: "warn",
  };
  delete env.DATABASE_URL;
  fs.mkdirSync(path.join(ROOT, ".data"), { recursive: true }); // a fresh checkout has none yet
  const log = fs.openSync(path.join(ROOT, ".data", `bench-${name}.log`), "w");
  const child: ChildProcess = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/start.ts", "--fresh"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", log, log],
    detached: true,
  });
  const baseUrl = `http://localhost:${port}`;
  const started = Date.now();
  let exited = false;
  child.once("exit", () => (exited = true));
  for (;;) {
    if (exited) throw new Error(`app exited during start; see .data/bench-${name}.log`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).status === 200) break;
    } catch {
      /* starting */
    }
    if (Date.now() - started > 300_000) throw new Error(`app did not start; see .data/bench-${name}.log`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const text = fs.readFileSync(path.join(ROOT, ".data", `bench-${name}.log`), "utf8");
  const dataLine = /listening on 127\.0\.0\.1:(\d+) \(data: (.+)\/postgres\)/.exec(text);
  const realRoot = dataLine?.[2] ?? dataDir;
  const password = fs.readFileSync(path.join(realRoot, "postgres.password"), "utf8").trim();
  return {
    baseUrl,
    databaseUrl: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${dataLine?.[1] ?? pgPort}/padtrymka`,
    pid: child.pid!,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        process.kill(-child.pid!, "SIGINT");
      }),
  };
}

/** A cookie jar of one: sign in with a password through the auth API, like the e2e fixture. */
export async function signIn(baseUrl: string, identifier: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  const cookies = new Map<string, string>();
  const keep = (r: Response) => {
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, ...v] = pair!.split("=");
      cookies.set(k!, v.join("="));
    }
  };
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const r = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    // Like a browser's form post: our own Origin (posts without one are refused).
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: new URL(baseUrl).origin,
      cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; "),
    },
    body: new URLSearchParams({ csrfToken, identifier, password, callbackUrl: "/" }),
  });
  keep(r);
  if (![...cookies.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed for ${identifier}`);
  return [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const median = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );

/** Runs `fn` a few times to warm up, then `n` times; returns the sorted durations in ms. */
export async function timeIt(fn: (i: number) => Promise<unknown> | unknown, n = 40, warmup = 5): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out.sort((a, b) => a - b);
}
