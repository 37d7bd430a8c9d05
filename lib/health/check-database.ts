import "server-only";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/log";

export async function checkDatabase(): Promise<{ status: "ok" | "down"; latencyMs?: number; migrations?: number }> {
  const started = performance.now();
  try {
    const rows = await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`;
    return { status: "ok", latencyMs: Math.round(performance.now() - started), migrations: Number(rows[0]?.n ?? 0) };
  } catch (e) {
    logger.error({ event: "health.database_down", err: e instanceof Error ? e.message : String(e) }, "database check failed");
    return { status: "down" };
  }
}
