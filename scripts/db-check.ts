// `npm run db:check`: (1) the migrations folder produces exactly prisma/schema.prisma, and (2) a database
// migrated from that folder matches the schema (no drift). Uses DATABASE_URL's server when set (creating
// a throwaway database there), otherwise an embedded PostgreSQL under .data/test.
import { spawnSync } from "node:child_process";
import path from "node:path";
// @ts-expect-error -- plain ESM helper without type declarations
import { createThrowawayDatabase } from "./lib/throwaway-database.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");

async function main(): Promise<number> {
  const database = await createThrowawayDatabase({ prefix: "padtrymka_check", projectDir: ROOT });
  const env = { ...process.env, DATABASE_URL: database.url, CHECKPOINT_DISABLE: "1" };
  try {
    for (const cmd of ["deploy", "check-migrations", "drift"]) {
      const r = spawnSync(process.execPath, ["scripts/prisma-wasm.mjs", cmd], { cwd: ROOT, env, stdio: "inherit" });
      if (r.status !== 0) return r.status ?? 1;
    }
    return 0;
  } finally {
    await database.drop();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  },
);
