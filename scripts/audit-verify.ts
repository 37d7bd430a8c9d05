// `npm run audit:verify`: checks the audit log's hash chain and names the first broken link. Uses
// DATABASE_URL when set; otherwise the demo database under .data (connecting to the running app's
// embedded PostgreSQL, or starting it for the check). Exit code 0 when intact, 1 when broken.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { verifyAuditChain } from "../lib/audit/verify";
// @ts-expect-error -- plain ESM helper without type declarations
import { effectiveDataRoot, startEmbeddedPostgres } from "./lib/embedded-postgres.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");

async function connection(): Promise<{ url: string; stop?: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL };
  const dataRoot = effectiveDataRoot(path.resolve(ROOT, process.env.PADTRYMKA_DATA_DIR ?? ".data")) as string;
  const pidFile = path.join(dataRoot, "postgres", "postmaster.pid");
  const password = fs.existsSync(path.join(dataRoot, "postgres.password"))
    ? fs.readFileSync(path.join(dataRoot, "postgres.password"), "utf8").trim()
    : "";
  if (fs.existsSync(pidFile)) {
    const port = fs.readFileSync(pidFile, "utf8").split("\n")[3]?.trim();
    const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/padtrymka`;
    const probe = new pg.Client({ connectionString: url });
    try {
      await probe.connect();
      await probe.end();
      return { url };
    } catch {
      /* not running: start it below */
    }
  }
  const server = await startEmbeddedPostgres({
    dataRoot: path.resolve(ROOT, process.env.PADTRYMKA_DATA_DIR ?? ".data"),
    projectDir: ROOT,
    log: () => {},
  });
  return { url: server.url, stop: server.stop };
}

async function main(): Promise<number> {
  const conn = await connection();
  const client = new pg.Client({ connectionString: conn.url });
  await client.connect();
  try {
    const report = await verifyAuditChain(async (sql, params) => (await client.query(sql, params)).rows);
    if (report.ok) {
      console.log(`audit chain intact: ${report.links} events linked; anchor ${report.head}`);
      return 0;
    }
    console.error(
      `audit chain BROKEN: ${report.reason}${report.stripe !== null ? ` in chain ${report.stripe}` : ""}${report.brokenAt !== null ? ` at link #${report.brokenAt}` : ""}${report.eventId ? ` (event ${report.eventId})` : ""}; ${report.links} links verified before it`,
    );
    return 1;
  } finally {
    await client.end();
    await conn.stop?.();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`audit:verify failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  },
);
