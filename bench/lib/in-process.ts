// For benchmarks that drive the use cases directly (no HTTP): a throwaway PostgreSQL (embedded, or the
// server in DATABASE_URL) with every migration, demo secrets in the environment, and the app's Prisma
// client given a pool as large as the number of concurrent clients. Dropped afterwards.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
// @ts-expect-error -- plain ESM helper without type declarations
import { createThrowawayDatabase } from "../../scripts/lib/throwaway-database.mjs";

const root = path.resolve(import.meta.dirname, "..", "..");

export async function withInProcessDatabase<T>(poolSize: number, work: (databaseUrl: string) => Promise<T>): Promise<T> {
  const database = await createThrowawayDatabase({ prefix: "padtrymka_bench", projectDir: root });
  try {
    const r = spawnSync(process.execPath, ["scripts/prisma-wasm.mjs", "deploy"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: database.url },
      encoding: "utf8",
    });
    if (r.status !== 0) throw new Error(`migrations failed: ${r.stderr || r.stdout}`);
    Object.assign(process.env, {
      DATABASE_URL: database.url,
      AUTH_SECRET: "bench-secret-bench-secret-bench-secret-01",
      ENCRYPTION_KEYS: `bench1:${crypto.randomBytes(32).toString("base64")}`,
      BLIND_INDEX_KEY: crypto.randomBytes(32).toString("base64"),
      LOG_LEVEL: "error",
      // The benchmarks measure concurrency, not sign-in: staff act without a second factor, as in the
      // integration tests (two-factor has its own tests). Without it every payout step was refused.
      STAFF_TWO_FACTOR: "optional",
    });
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const { PrismaClient } = await import("@/lib/db/generated/client");
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url, max: poolSize }) });
    (globalThis as { padtrymkaDb?: unknown }).padtrymkaDb = client;
    try {
      return await work(database.url);
    } finally {
      await client.$disconnect();
      // The pool hotQuery uses (lib/db/client.ts), if the work opened it.
      await (globalThis as { padtrymkaPool?: { end(): Promise<void> } }).padtrymkaPool?.end();
    }
  } finally {
    await database.drop();
  }
}
