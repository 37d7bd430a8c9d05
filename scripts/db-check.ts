// `npm run db:check`: (1) the migrations folder produces exactly prisma/schema.prisma, and (2) a database
// migrated from that folder matches the schema (no drift). Uses DATABASE_URL's server when set (creating
// a throwaway database there), otherwise an embedded PostgreSQL under .data/test.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import pg from "pg";
// @ts-expect-error -- plain ESM helper without type declarations
import { startEmbeddedPostgres } from "./lib/embedded-postgres.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");

async function main(): Promise<number> {
  let serverUrl = process.env.DATABASE_URL ?? "";
  let stop: (() => Promise<void>) | undefined;
  if (!serverUrl) {
    const server = await startEmbeddedPostgres({ dataRoot: path.join(ROOT, ".data", "test"), projectDir: ROOT, port: 54339, database: "postgres", log: () => {} });
    serverUrl = server.adminUrl;
    stop = server.stop;
  }
  const name = `padtrymka_check_${crypto.randomBytes(4).toString("hex")}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const env = { ...process.env, DATABASE_URL: url.toString(), CHECKPOINT_DISABLE: "1" };
  let status = 0;
  try {
    for (const cmd of ["deploy", "check-migrations", "drift"]) {
      const r = spawnSync(process.execPath, ["scripts/prisma-wasm.mjs", cmd], { cwd: ROOT, env, stdio: "inherit" });
      if (r.status !== 0) {
        status = r.status ?? 1;
        break;
      }
    }
  } finally {
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await stop?.();
  }
  return status;
}

main().then((code) => process.exit(code), (e) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
