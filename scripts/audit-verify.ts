// `npm run audit:verify`: checks the audit log's hash chain and names the first broken link. With
// `--anchor HASH@TIME` (a published anchor someone kept, from the transparency page) it also checks that
// the current chain extends that anchor (lib/audit/anchor.ts). Uses
// DATABASE_URL when set; otherwise the demo database under .data (connecting to the running app's
// embedded PostgreSQL, or starting it for the check). Exit code 0 when intact, 1 when broken.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { checkAnchor, parseAnchorReference } from "../lib/audit/anchor";
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

/**
 * `--anchor X` or `--anchor=X` (`npm run audit:verify -- --anchor X`), or `npm run audit:verify --anchor X`:
 * npm then takes `--anchor` as its own flag (npm_config_anchor=true) and passes X alone.
 */
function anchorArgument(): string | null {
  const args = process.argv.slice(2);
  const i = args.indexOf("--anchor");
  if (i >= 0) return args[i + 1] ?? "";
  const eq = args.find((a) => a.startsWith("--anchor="));
  if (eq) return eq.slice("--anchor=".length);
  const npmFlag = process.env.npm_config_anchor;
  if (npmFlag === undefined) return null;
  return npmFlag === "true" ? (args[0] ?? "") : npmFlag;
}

async function main(): Promise<number> {
  const given = anchorArgument();
  const kept = given === null ? null : parseAnchorReference(given);
  if (given !== null && !kept) {
    console.error("audit:verify: --anchor takes HASH@TIME as shown on the transparency page (64 hex digits, @, an ISO time ending in Z)");
    return 2;
  }
  const conn = await connection();
  const client = new pg.Client({ connectionString: conn.url });
  await client.connect();
  try {
    const query = async (sql: string, params: unknown[]) => (await client.query(sql, params)).rows;
    if (kept) {
      const r = await checkAnchor(query, kept.anchor, kept.time);
      if (r.ok) {
        console.log(
          `audit chain extends the anchor ${kept.anchor}@${kept.time.toISOString()}: ${r.links} events linked; anchor now ${r.anchorNow}`,
        );
        return 0;
      }
      const why = {
        unknown_anchor: "no anchor with this hash was published at that time: it was removed, or the copy is wrong",
        history_changed: `the chain no longer passes through this anchor${r.stripe !== null ? ` (chain ${r.stripe})` : ""}: history before it was changed`,
      }[r.reason as "unknown_anchor" | "history_changed"];
      console.error(
        `audit chain does NOT extend the anchor: ${why ?? `the chain is broken (${r.reason}${r.stripe !== null ? ` in chain ${r.stripe}` : ""})`}`,
      );
      return 1;
    }
    const report = await verifyAuditChain(query);
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
