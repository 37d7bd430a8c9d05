// Integration tests run against a real PostgreSQL: the server in DATABASE_URL when set (CI also runs
// them against Debian's PostgreSQL this way), otherwise an embedded one under .data/test. Each run gets
// a throwaway database with all migrations applied, dropped at the end.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
// @ts-expect-error -- plain ESM helper without type declarations
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

const root = path.resolve(import.meta.dirname, "../..");

export default async function setup(project: TestProject) {
  let serverUrl: string = process.env.DATABASE_URL ?? "";
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!serverUrl) {
    const pgServer = await startEmbeddedPostgres({ dataRoot: path.join(root, ".data", "test"), projectDir: root, port: 54339, database: "postgres", log: () => {} });
    serverUrl = pgServer.adminUrl;
    stopEmbedded = pgServer.stop;
  }
  const name = `padtrymka_it_${crypto.randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const r = spawnSync(process.execPath, ["scripts/prisma-wasm.mjs", "deploy"], { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`migrations failed: ${r.stderr || r.stdout}`);
  project.provide("databaseUrl", databaseUrl);

  return async () => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
    await stopEmbedded?.();
  };
}
