// Fixed-window rate limits kept in PostgreSQL, so they hold across every app node behind a load balancer.
// Keys are keyed hashes (never a raw IP address or username).
import "server-only";
import { headers } from "next/headers";
import { blindIndex } from "@/lib/crypto/field-encryption";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export type Limit = { name: string; max: number; windowSeconds: number };

export const LIMITS = {
  statusLookup: { name: "status-lookup", max: 10, windowSeconds: 15 * 60 },
} as const satisfies Record<string, Limit>;

/** Counts one hit; throws RATE_LIMITED (with minutes to wait) once `max` is exceeded in the window. */
export async function consumeRateLimit(limit: Limit, subject: string, now = new Date()): Promise<void> {
  const windowMs = limit.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const key = `${limit.name}:${blindIndex(env().BLIND_INDEX_KEY, `rate:${subject}`)}`;
  const rows = await db().$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitHit" ("key", "windowStart", "count", "createdAt", "updatedAt")
    VALUES (${key}, ${windowStart}, 1, now(), now())
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitHit"."count" + 1, "updatedAt" = now()
    RETURNING "count"`;
  if ((rows[0]?.count ?? 0) > limit.max) {
    const minutes = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 60_000));
    throw new AppError("RATE_LIMITED", "rate limited", undefined, "errors.rateLimitedMinutes", { minutes });
  }
}

/** The client's address as the app server saw it (the first X-Forwarded-For hop set by our proxy). */
export async function clientAddress(): Promise<string> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "unknown";
}
