// `npm run bench:startup`: how long `npm start` takes to serve /api/health 200 on the embedded database —
// first start (new data directory: initdb, migrations, demo seed; the build already exists), a second start,
// and a start after `kill -9` — and whether Ctrl-C (SIGINT) leaves PostgreSQL running. Baseline in the same
// run: a plain Node http server started the same way. Prints `metric value unit` lines; never fails.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
// @ts-expect-error -- plain ESM helper without type declarations
import { removeDataRoot } from "../scripts/lib/embedded-postgres.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
const PORT = 3300;
const DATA = path.join(ROOT, ".data", "bench-startup");
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: String(PORT),
  PADTRYMKA_DATA_DIR: DATA,
  PADTRYMKA_PG_PORT: "54359",
  LOG_LEVEL: "warn",
};
delete env.DATABASE_URL;

async function waitHealthy(started: number, url = `http://localhost:${PORT}/api/health`): Promise<number> {
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.status === 200) return (performance.now() - started) / 1000;
    } catch {
      /* not yet */
    }
    if (performance.now() - started > 300_000) return NaN;
    await new Promise((r) => setTimeout(r, 100));
  }
}

function start(): ChildProcess {
  const out = fs.openSync(path.join(ROOT, ".data", "bench-startup.log"), "a");
  return spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/start.ts"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", out, out],
    detached: true,
  });
}

const exited = (p: ChildProcess) => new Promise<void>((r) => (p.exitCode !== null ? r() : p.once("exit", () => r())));
const postgresRunning = () =>
  spawnSync("pgrep", ["-f", `postgres -D .*bench-startup`]).status === 0 ||
  spawnSync("pgrep", ["-f", "postgres -D .*-p 54359"]).status === 0;

async function main() {
  spawnSync(path.join(ROOT, "node_modules", ".bin", "next"), ["build"], { cwd: ROOT, stdio: "ignore", env }); // make sure a build exists
  // Baseline: a plain Node http server.
  let t = performance.now();
  const base = spawn(process.execPath, ["-e", `require("http").createServer((q,s)=>s.end("ok")).listen(${PORT})`], { stdio: "ignore" });
  const baseline = await waitHealthy(t, `http://localhost:${PORT}/`);
  base.kill();
  await exited(base);

  removeDataRoot(DATA);
  t = performance.now();
  let app = start();
  const first = await waitHealthy(t);
  t = performance.now();
  process.kill(-app.pid!, "SIGINT");
  await exited(app);
  const stopSeconds = (performance.now() - t) / 1000;
  await new Promise((r) => setTimeout(r, 500));
  const leftAfterSigint = postgresRunning() ? 1 : 0;

  t = performance.now();
  app = start();
  const second = await waitHealthy(t);
  process.kill(-app.pid!, "SIGKILL"); // the whole group: tsx, node, next; PostgreSQL is orphaned
  await exited(app);
  await new Promise((r) => setTimeout(r, 500));

  t = performance.now();
  app = start();
  const recovered = await waitHealthy(t);
  process.kill(-app.pid!, "SIGINT");
  await exited(app);

  console.log(`baseline_node_http_start ${baseline.toFixed(2)} s`);
  console.log(`first_start_new_data_dir ${first.toFixed(2)} s`);
  console.log(`second_start ${second.toFixed(2)} s`);
  console.log(`start_after_kill_9 ${recovered.toFixed(2)} s`);
  console.log(`second_start_vs_baseline ${(second / baseline).toFixed(1)} x`);
  console.log(`stop_on_sigint ${stopSeconds.toFixed(2)} s`);
  console.log(`postgres_left_running_after_sigint ${leftAfterSigint} count`);
  removeDataRoot(DATA);
}

void main();
