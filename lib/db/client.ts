// One PrismaClient per process, created lazily (so `next build` needs no database) and cached on
// globalThis (so dev hot reloads do not open a new pool each time). Pages call lib/<domain>/queries.ts,
// never this client directly.
//
// Under it, one node-postgres pool. `hotQuery` runs a hand-written statement on that same pool without
// Prisma's query machinery, for the few statements on every request's path (docs/decisions/0023-hot-
// statements-on-the-driver.md); everything else goes through Prisma.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "@/lib/db/generated/client";
import { statementNamer } from "@/lib/db/statement-names";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const g = globalThis as unknown as { padtrymkaDb?: PrismaClient; padtrymkaPool?: pg.Pool; padtrymkaNamer?: (q: { sql: string }) => string };

function pool(): pg.Pool {
  if (!g.padtrymkaPool) {
    g.padtrymkaPool = new pg.Pool({ connectionString: env().DATABASE_URL, max: env().DATABASE_POOL_SIZE });
    // An idle connection that fails (the server restarted) is dropped and replaced; it must not end the process.
    g.padtrymkaPool.on("error", (err) =>
      logger.warn({ event: "db.idle_connection_error", err: err.message }, "idle database connection failed"),
    );
  }
  return g.padtrymkaPool;
}

/** One namer for both paths: the same text gets the same prepared statement on a connection. */
function namer(): ((q: { sql: string }) => string) | undefined {
  if (env().DATABASE_PREPARED_STATEMENTS !== "on") return undefined;
  g.padtrymkaNamer ??= statementNamer();
  return g.padtrymkaNamer;
}

export function db(): PrismaClient {
  if (!g.padtrymkaDb) {
    const statementNameGenerator = namer();
    const adapter = new PrismaPg(pool(), { disposeExternalPool: true, ...(statementNameGenerator ? { statementNameGenerator } : {}) });
    g.padtrymkaDb = new PrismaClient({ adapter });
  }
  return g.padtrymkaDb;
}

// Prisma stores DateTime as `timestamp(3)` in UTC: read it as UTC whatever the process's time zone
// (node-postgres would read it as local time), and send dates as UTC.
const TIMESTAMP = 1114;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP
      ? (v: string) => new Date(`${v.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};
const toDriver = (v: unknown) => (v instanceof Date ? v.toISOString() : typeof v === "bigint" ? v.toString() : v);

/**
 * A hand-written statement (built with `Prisma.sql`) on the client's own pool, prepared like Prisma's.
 * Rows come back as node-postgres reads them (int4 as numbers, int8 as strings, json parsed, timestamps
 * as UTC dates); errors are node-postgres errors (`code` is the SQLSTATE, `constraint` the name).
 */
export async function hotQuery<T>(q: Prisma.Sql): Promise<T[]> {
  db(); // the same lazily created pool as Prisma's
  const text = q.text; // built on every access
  const name = namer()?.({ sql: text }) || undefined;
  const r = await pool().query<T & pg.QueryResultRow>({ text, values: q.values.map(toDriver), name, types });
  return r.rows;
}
