// Integration tests run against a real PostgreSQL: the server in DATABASE_URL when set (CI also runs
// them against Debian's PostgreSQL this way), otherwise an embedded one under .data/test. Each run gets
// a throwaway database with all migrations applied, dropped at the end. Vitest's global setup (it runs in
// the test runner's own process, not in the tests): tooling beside the helpers it drives, so nothing under
// lib/ imports from scripts/ (lib/testing/integration-setup.ts, in each test worker, reads the address).
import { spawnSync } from "node:child_process";
import path from "node:path";
import type { TestProject } from "vitest/node";
// @ts-expect-error -- plain ESM helper without type declarations
import { createThrowawayDatabase } from "./throwaway-database.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

const root = path.resolve(import.meta.dirname, "../..");

export default async function setup(project: TestProject) {
  const database = await createThrowawayDatabase({ prefix: "padtrymka_it", projectDir: root });
  const r = spawnSync(process.execPath, ["scripts/prisma-wasm.mjs", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: database.url },
    encoding: "utf8",
  });
  if (r.status !== 0) {
    await database.drop();
    throw new Error(`migrations failed: ${r.stderr || r.stdout}`);
  }
  project.provide("databaseUrl", database.url);
  return () => database.drop();
}
