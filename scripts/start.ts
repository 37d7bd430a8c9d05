// `npm start`: one command that runs everything.
//   - without DATABASE_URL: an embedded PostgreSQL under .data/ (demo mode: generated secrets, a local
//     SMTP catcher, demo data seeded once);
//   - with DATABASE_URL: that server, no demo data (run `npm run db:seed` explicitly if you want it).
// Then: migrations, a production build when none exists or the sources are newer, and the app server
// (scripts/lib/app-server.mjs: Next.js behind our own HTTP server, ADR 0022; `next dev` with --dev).
// Ctrl-C / SIGTERM stops Next first, then PostgreSQL.
//   --dev   run `next dev` instead of a production build
//   --fresh (demo mode only) start from an empty data directory: used by the end-to-end tests
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { EnvError, parseEnv } from "../lib/env";
import { generateKeySpec } from "../lib/crypto/field-encryption";
import { generateX25519Identity } from "age-encryption";
import { generateSigningKey } from "../lib/mirrors/signed-list";
import { prismaClientIsStale } from "./ensure-prisma-client.mjs";
// @ts-expect-error -- plain ESM helper without type declarations
import { portIsFree, removeDataRoot, startEmbeddedPostgres } from "./lib/embedded-postgres.mjs";
// @ts-expect-error -- plain ESM helper without type declarations
import { startSmtpCatcher } from "./lib/smtp-catcher.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const log = (m: string) => console.log(m);
const fail = (m: string): never => {
  console.error(m);
  process.exit(1);
};

const dataRoot = path.resolve(ROOT, process.env.PADTRYMKA_DATA_DIR ?? ".data");
const embedded = !process.env.DATABASE_URL;

// Demo mode keeps its generated secrets with its data, so a restart can still read what it encrypted.
async function loadDemoSecrets() {
  if (process.argv.includes("--fresh")) removeDataRoot(dataRoot);
  fs.mkdirSync(dataRoot, { recursive: true });
  const file = path.join(dataRoot, "secrets.json");
  let secrets: Record<string, string> = {};
  if (fs.existsSync(file)) secrets = JSON.parse(fs.readFileSync(file, "utf8"));
  const wanted: Record<string, () => string | Promise<string>> = {
    AUTH_SECRET: () => crypto.randomBytes(32).toString("base64url"),
    ENCRYPTION_KEYS: () => generateKeySpec("demo1"),
    BLIND_INDEX_KEY: () => crypto.randomBytes(32).toString("base64url"),
    // The intake key of sealed applications (docs/decisions/0046-sealed-applications.md).
    INTAKE_KEYS: () => generateX25519Identity(),
    // Signs the list of public addresses (/{locale}/mirrors, /mirrors.txt; ADR 0047).
    MIRRORS_SIGNING_KEY: () => generateSigningKey(),
  };
  let changed = false;
  for (const [k, make] of Object.entries(wanted)) {
    if (!secrets[k]) {
      secrets[k] = await make();
      changed = true;
    }
    process.env[k] ??= secrets[k];
  }
  if (changed) fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
}

function newestMtime(p: string, skip: (p: string) => boolean): number {
  if (!fs.existsSync(p) || skip(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const e of fs.readdirSync(p)) max = Math.max(max, newestMtime(path.join(p, e), skip));
  return max;
}

function buildIsStale(): boolean {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  const skip = (p: string) => p.includes(`${path.sep}generated`) || p.endsWith(".test.ts");
  const sources = [
    "app",
    "components",
    "lib",
    "messages",
    "proxy.ts",
    "next.config.mjs",
    "package.json",
    "package-lock.json",
    "postcss.config.mjs",
    "tsconfig.json",
    "prisma/schema.prisma",
  ];
  return sources.some((s) => newestMtime(path.join(ROOT, s), skip) > built);
}

function runStep(label: string, cmd: string, args: string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync(cmd, args, { cwd: ROOT, env, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`${label} failed (exit ${r.status ?? r.signal})`);
}

async function main() {
  if (embedded) {
    await loadDemoSecrets();
    process.env.PADTRYMKA_DEMO = "1";
  }
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    fail(`Invalid configuration: PORT must be a port number (1-65535), got "${process.env.PORT}"`);
  // WEB_CONCURRENCY: how many app processes serve the port (one Node process uses one core); 1 by default.
  const workers = dev ? 1 : webConcurrency();
  process.env.AUTH_URL ??= `http://localhost:${port}`;
  try {
    parseEnv({ ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://embedded" });
  } catch (e) {
    if (e instanceof EnvError) fail(e.message);
    throw e;
  }
  if (!(await portIsFree(port, "0.0.0.0")))
    fail(`Port ${port} is in use: is Padtrymka (or another server) already running? Stop it, or set PORT to another port.`);

  const stoppers: (() => Promise<void>)[] = [];
  let next: ChildProcess | undefined;
  let shuttingDown = false;
  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    if (next && next.exitCode === null) {
      next.kill("SIGTERM");
      await new Promise<void>((r) => {
        const t = setTimeout(() => {
          next?.kill("SIGKILL");
          r();
        }, 10_000);
        next!.once("exit", () => {
          clearTimeout(t);
          r();
        });
      });
    }
    for (const stop of stoppers.reverse()) await stop().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    if (embedded) {
      const pg = await startEmbeddedPostgres({
        dataRoot,
        projectDir: ROOT,
        port: process.env.PADTRYMKA_PG_PORT ? Number(process.env.PADTRYMKA_PG_PORT) : undefined,
        log,
      });
      stoppers.push(pg.stop);
      process.env.DATABASE_URL = pg.url;
      pg.exited.then(() => {
        if (!shuttingDown) {
          console.error("[db] PostgreSQL exited unexpectedly; stopping.");
          void shutdown(1);
        }
      });
    }
    const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: "1", NEXT_TELEMETRY_DISABLED: "1" };
    if (prismaClientIsStale(ROOT)) runStep("Generating the database client", process.execPath, ["scripts/prisma-generate.mjs"], env);
    log("[db] applying migrations");
    runStep("Migrations", process.execPath, ["scripts/prisma-wasm.mjs", "deploy"], env);
    if (embedded) {
      runStep(
        "Demo data",
        process.execPath,
        ["--conditions=react-server", "--import", "tsx", "prisma/seed.ts", "--if-empty", "--migrated"],
        env,
      );
      if (!process.env.SMTP_URL) {
        const mailDir = process.env.MAIL_DIR ?? path.join(dataRoot, "mail");
        const smtp = await startSmtpCatcher({ dir: mailDir, port: Number(process.env.PADTRYMKA_SMTP_PORT ?? 0), log, showLinks: true });
        stoppers.push(smtp.stop);
        env.SMTP_URL = smtp.url;
        env.MAIL_DIR = mailDir;
        log(`[mail] demo mode: outgoing mail is caught locally and saved under ${mailDir}`);
      }
    }
    const nextBin = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
    if (!dev && buildIsStale()) {
      log("[build] building the app (first start, or the sources changed)…");
      runStep("Build", process.execPath, [nextBin, "build"], { ...env, NODE_ENV: "production" });
    }
    log(`[app] Padtrymka on http://localhost:${port}${embedded ? " (demo mode, embedded PostgreSQL)" : ""}`);
    // PADTRYMKA_NODE_ARGS: extra Node flags for the app process, for diagnostics (e.g. --cpu-prof).
    const nodeArgs = (process.env.PADTRYMKA_NODE_ARGS ?? "").split(" ").filter(Boolean);
    // Production: Next.js behind our app server (scripts/lib/app-server.mjs, ADR 0022), one process or
    // WEB_CONCURRENCY of them on one port. Development: `next dev` alone.
    const appServer = path.join(ROOT, "scripts", "lib", "app-server.mjs");
    const entry = dev
      ? [nextBin, "dev"]
      : workers > 1
        ? [path.join(ROOT, "scripts", "lib", "app-cluster.mjs"), String(workers), appServer]
        : [appServer];
    if (workers > 1 && !dev) log(`[app] ${workers} app processes (WEB_CONCURRENCY)`);
    next = spawn(process.execPath, [...nodeArgs, ...entry, "-p", String(port)], {
      cwd: ROOT,
      env: { ...env, NODE_ENV: dev ? "development" : "production" },
      stdio: "inherit",
    });
    next.on("exit", (code) => {
      if (!shuttingDown) void shutdown(code ?? 1);
    });
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    await shutdown(1);
  }
}

function webConcurrency(): number {
  const raw = process.env.WEB_CONCURRENCY;
  if (raw === undefined || raw === "") return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    fail(`Invalid configuration: WEB_CONCURRENCY must be a whole number of app processes (1-64), got "${raw}"`);
  return n;
}

void main();
