// Fixed-window rate limits kept in PostgreSQL, so they hold across every app node behind a load balancer.
// Keys are keyed hashes (never a raw IP address or username).
import "server-only";
import { headers } from "next/headers";
import { blindIndex } from "@/lib/crypto/field-encryption";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { CLIENT_HEADER, clientSubject } from "@/lib/security/client-address.mjs";

export type Limit = { name: string; max: number; windowSeconds: number };

// Generous enough for a volunteer's working day and for a whole office behind one address; tight enough
// to make guessing, flooding and bulk extraction slow and visible (docs/threat-model.md).
export const LIMITS = {
  statusLookup: { name: "status-lookup", max: 10, windowSeconds: 15 * 60 },
  signInFailuresAccount: { name: "signin-fail-account", max: 5, windowSeconds: 15 * 60 },
  signInFailuresClient: { name: "signin-fail-client", max: 30, windowSeconds: 15 * 60 },
  recoveryFailuresAccount: { name: "recovery-fail-account", max: 5, windowSeconds: 15 * 60 },
  recoveryFailuresClient: { name: "recovery-fail-client", max: 30, windowSeconds: 15 * 60 },
  signUpClient: { name: "signup-client", max: 30, windowSeconds: 60 * 60 },
  submissionAccount: { name: "submit-account", max: 10, windowSeconds: 60 * 60 },
  downloadsAccount: { name: "download-account", max: 120, windowSeconds: 60 * 60 },
  caseOpenings: { name: "case-open", max: 80, windowSeconds: 60 * 60 },
  reveals: { name: "reveal", max: 10, windowSeconds: 60 * 60 },
  // Sealed applications delivered signed out (docs/decisions/0046-sealed-applications.md): a carrier abroad
  // may bring a few dozen; a flood of hand-made files is slowed per client and per fund. A fund manager's
  // bulk import on the fund's page is not counted here (signed in, audited per file).
  deliveryClient: { name: "deliver-client", max: 30, windowSeconds: 60 * 60 },
  deliveryFund: { name: "deliver-fund", max: 300, windowSeconds: 60 * 60 },
  claimAccount: { name: "claim-account", max: 10, windowSeconds: 60 * 60 },
} as const satisfies Record<string, Limit>;

/** Per reviewer per hour: crossing these raises an alert for fund managers and admins, and slows them down. */
export const ALERT_THRESHOLDS = { caseOpenings: 40, reveals: 5 } as const;

function windowOf(limit: Limit, now: Date) {
  const windowMs = limit.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const minutes = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 60_000));
  return { windowStart, minutes };
}
/** The stored key of a subject's counter (a keyed hash: never the raw subject). */
export const rateLimitKey = (limit: Limit, subject: string) => keyOf(limit, subject);
const keyOf = (limit: Limit, subject: string) => `${limit.name}:${blindIndex(env().BLIND_INDEX_KEY, `rate:${subject}`)}`;

/**
 * The statement that counts one hit and returns the window's count (`RETURNING "count"`), for use on its own
 * or as a CTE of a hot path's statement (one round trip instead of two), and the minutes until the window ends.
 */
export function rateLimitHitSql(
  limit: Limit,
  subject: string,
  now = new Date(),
  when: Prisma.Sql = Prisma.sql`true`,
): { sql: Prisma.Sql; minutes: number } {
  const { windowStart, minutes } = windowOf(limit, now);
  return {
    minutes,
    // `when`: counts the hit only if this condition holds (evaluated in the same statement).
    sql: Prisma.sql`
      INSERT INTO "RateLimitHit" ("key", "windowStart", "count", "createdAt", "updatedAt")
      SELECT ${keyOf(limit, subject)}, ${windowStart}::timestamp(3), 1, now(), now() WHERE ${when}
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitHit"."count" + 1, "updatedAt" = now()
      RETURNING "count"`,
  };
}

/** Counts one hit and returns the window's count so far and the minutes until the window ends. */
export async function hitRateLimit(limit: Limit, subject: string, now = new Date()): Promise<{ count: number; minutes: number }> {
  const { sql, minutes } = rateLimitHitSql(limit, subject, now);
  const rows = await db().$queryRaw<{ count: number }[]>(sql);
  return { count: rows[0]?.count ?? 0, minutes };
}

/** The window's count so far (without counting a hit) and the minutes until the window ends. */
export async function rateLimitCount(limit: Limit, subject: string, now = new Date()): Promise<{ count: number; minutes: number }> {
  const { windowStart, minutes } = windowOf(limit, now);
  const row = await db().rateLimitHit.findUnique({
    where: { key_windowStart: { key: keyOf(limit, subject), windowStart } },
    select: { count: true },
  });
  return { count: row?.count ?? 0, minutes };
}

/** Minutes to wait when the limit is already used up (without counting a hit), else null. */
export async function rateLimitedFor(limit: Limit, subject: string, now = new Date()): Promise<number | null> {
  const { windowStart, minutes } = windowOf(limit, now);
  const row = await db().rateLimitHit.findUnique({
    where: { key_windowStart: { key: keyOf(limit, subject), windowStart } },
    select: { count: true },
  });
  return (row?.count ?? 0) >= limit.max ? minutes : null;
}

export const rateLimitError = (minutes: number) =>
  new AppError("RATE_LIMITED", "rate limited", { messageKey: "errors.rateLimitedMinutes", messageValues: { minutes } });

/** Counts one hit; throws RATE_LIMITED (with minutes to wait) once `max` is exceeded in the window. */
export async function consumeRateLimit(limit: Limit, subject: string, now = new Date()): Promise<void> {
  const { count, minutes } = await hitRateLimit(limit, subject, now);
  if (count > limit.max) throw rateLimitError(minutes);
}

/**
 * Who the client is, for every per-client limit: the address the app server took from the socket, or from
 * a proxy declared in TRUSTED_PROXIES (lib/security/client-address.mjs, ADR 0030), never a header the client
 * chose; an IPv6 client by its /64. Without the app server in front (`next dev`, a bare `next start`) any
 * header could be the client's own, so every client counts as one: the limits then hold for all together.
 * @param h the request's headers (from `headers()` when not given; next-auth's authorize() passes its own)
 */
export async function clientAddress(h?: Headers): Promise<string> {
  if (env().PADTRYMKA_APP_SERVER !== "1") return "unknown";
  const address = (h ?? (await headers())).get(CLIENT_HEADER);
  return address ? clientSubject(address) : "unknown";
}
