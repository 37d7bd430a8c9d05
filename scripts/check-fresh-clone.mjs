#!/usr/bin/env node
// `npm run check:fresh-clone`: every command the README documents that runs without the app, on a fresh
// clone, in the README's order: `npm ci` (which generates the database client), then against a throwaway
// database on DATABASE_URL's server (or an embedded PostgreSQL when unset): db:migrate, db:seed (twice:
// it is idempotent), db:check, audit:verify, keys:generate and validate. Each with the variables a real
// deployment has (secrets from keys:generate). Clones the committed HEAD: uncommitted changes are not in it.
// Ends with `N passed, N failed` and exits non-zero on any failure. `--keep` keeps the clone for a look;
// `--ref <commit>` checks another commit (e.g. one before a fix, to see the check fail).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createThrowawayDatabase } from "./lib/throwaway-database.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const keep = process.argv.includes("--keep");
const ref = process.argv.includes("--ref") ? process.argv[process.argv.indexOf("--ref") + 1] : undefined;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "padtrymka-fresh-"));
const results = [];

function run(name, cmd, args, { env = {}, expect = () => null } = {}) {
  const started = Date.now();
  const r = spawnSync(cmd, args, {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, CHECKPOINT_DISABLE: "1", NEXT_TELEMETRY_DISABLED: "1", ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${r.stdout ?? ""}${r.stderr ?? ""}`;
  const problem = r.status !== 0 ? `exit code ${r.status}` : expect(output);
  results.push({ name, ok: !problem });
  console.log(`${problem ? "FAIL" : "ok  "} ${name} (${Math.round((Date.now() - started) / 1000)} s)${problem ? `: ${problem}` : ""}`);
  if (problem)
    console.log(
      output
        .split("\n")
        .slice(-25)
        .map((l) => `     | ${l}`)
        .join("\n"),
    );
  return output;
}

const contains =
  (...needles) =>
  (out) =>
    needles.find((n) => !out.includes(n)) ? `output lacks "${needles.find((n) => !out.includes(n))}"` : null;

let database;
try {
  run("git clone", "git", ["clone", "--quiet", "--no-hardlinks", ROOT, dir]);
  if (ref) run(`git checkout ${ref}`, "git", ["checkout", "--quiet", ref]);
  run("npm ci (generates the database client)", "npm", ["ci", "--no-audit", "--no-fund"], {
    expect: () => (fs.existsSync(path.join(dir, "lib", "db", "generated", "client.ts")) ? null : "no generated client after npm ci"),
  });
  database = await createThrowawayDatabase({ prefix: "padtrymka_fresh", projectDir: ROOT });
  const keys = run("npm run keys:generate", "npm", ["run", "-s", "keys:generate"], {
    expect: contains("AUTH_SECRET=", "ENCRYPTION_KEYS=", "BLIND_INDEX_KEY="),
  });
  const secrets = Object.fromEntries(
    keys
      .split("\n")
      .map((l) => /^([A-Z_]+)=(.+)$/.exec(l.trim()))
      .filter(Boolean)
      .map((m) => [m[1], m[2]]),
  );
  const env = { ...secrets, DATABASE_URL: database.url, AUTH_URL: "http://localhost:3000" };
  // The README's way to put demo data into a real database, on one the app never started on.
  run("npm run db:seed (migrations first)", "npm", ["run", "db:seed"], {
    env,
    expect: contains("[seed] applying migrations first", "Applied:", "[seed] demo data ready"),
  });
  run("npm run db:seed again (idempotent)", "npm", ["run", "db:seed"], {
    env,
    expect: contains("No pending migrations", "[seed] demo data ready"),
  });
  run("npm run db:migrate", "npm", ["run", "db:migrate"], { env, expect: contains("No pending migrations") });
  run("npm run db:check", "npm", ["run", "db:check"], { env, expect: contains("No drift") });
  run("npm run audit:verify", "npm", ["run", "audit:verify"], { env, expect: contains("audit chain intact") });
  run("npm run validate", "npm", ["run", "validate"]);
} catch (e) {
  results.push({ name: "check itself", ok: false });
  console.log(`FAIL check itself: ${e instanceof Error ? e.message : String(e)}`);
} finally {
  await database?.drop().catch(() => {});
  if (keep) console.log(`clone kept in ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
