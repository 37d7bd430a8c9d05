// One PrismaClient per process, created lazily (so `next build` needs no database) and cached on
// globalThis (so dev hot reloads do not open a new pool each time). Pages call lib/<domain>/queries.ts,
// never this client directly.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/db/generated/client";
import { statementNamer } from "@/lib/db/statement-names";
import { env } from "@/lib/env";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const g = globalThis as unknown as { padtrymkaDb?: PrismaClient };

export function db(): PrismaClient {
  if (!g.padtrymkaDb) {
    const adapter = new PrismaPg({ connectionString: env().DATABASE_URL, max: env().DATABASE_POOL_SIZE }, env().DATABASE_PREPARED_STATEMENTS === "on" ? { statementNameGenerator: statementNamer() } : undefined);
    g.padtrymkaDb = new PrismaClient({ adapter });
  }
  return g.padtrymkaDb;
}
