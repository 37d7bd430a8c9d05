#!/usr/bin/env node
// Generates the Prisma client when it is missing or older than prisma/schema.prisma (a fresh clone, a
// schema change pulled in), and says so; otherwise does nothing. Run before every command that imports the
// client (db:seed, keys:rotate, typecheck) and by `npm start`; `npm install` / `npm ci` always generate it
// (the `postinstall` of this package, which npm runs even with strict-allow-scripts: ADR 0038).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Whether the generated client is missing or older than the schema. */
export function prismaClientIsStale(root = ROOT) {
  const generated = path.join(root, "lib", "db", "generated", "client.ts");
  return !fs.existsSync(generated) || fs.statSync(generated).mtimeMs < fs.statSync(path.join(root, "prisma", "schema.prisma")).mtimeMs;
}

/** Generates the client if it is stale; returns whether it did. Throws when generation fails. */
export function ensurePrismaClient({ root = ROOT, log = (m) => console.log(m) } = {}) {
  if (!prismaClientIsStale(root)) return false;
  log("[db] generating the database client (missing or older than prisma/schema.prisma)");
  const r = spawnSync(process.execPath, [path.join(root, "scripts", "prisma-generate.mjs")], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, CHECKPOINT_DISABLE: "1" },
  });
  if (r.status !== 0) throw new Error("generating the database client failed (npm run db:generate)");
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    ensurePrismaClient();
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
