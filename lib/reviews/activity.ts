// Limits on what one reviewer can pull out in an hour (docs/threat-model.md, A1): crossing the alert
// threshold records an alert that fund managers and admins see, and slows the reviewer down; the hard
// limit stops them until the hour ends, with a clear message.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { orgsWithRole, rolesOf, type Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { ALERT_THRESHOLDS, hitRateLimit, LIMITS, rateLimitCount, rateLimitError } from "@/lib/rate-limit/rate-limit";

/** How long each action past the alert threshold waits (tests set it to 0). */
export const throttleSettings = { slowDownMs: 2000 };

/** Counts one case opening or identity reveal; alerts once per hour on crossing the threshold. */
export async function throttleReviewer(actor: Actor, kind: "caseOpenings" | "reveals"): Promise<void> {
  const { count, minutes } = await hitRateLimit(LIMITS[kind], actor.userId);
  if (count > LIMITS[kind].max) throw rateLimitError(minutes);
  if (count === ALERT_THRESHOLDS[kind] + 1) {
    await db().$transaction((tx) =>
      recordAuditEvent(tx, {
        actorId: actor.userId,
        action: "alert.reviewer_activity",
        entityType: "User",
        entityId: actor.userId,
        data: { kind, count, threshold: ALERT_THRESHOLDS[kind] },
      }),
    );
  }
  if (count > ALERT_THRESHOLDS[kind] && throttleSettings.slowDownMs > 0)
    await new Promise((r) => setTimeout(r, throttleSettings.slowDownMs));
}

export type ThrottleState = {
  kind: "caseOpenings" | "reveals";
  count: number;
  threshold: number;
  max: number;
  minutes: number;
  slowDownSeconds: number;
  state: "ok" | "slowed" | "stopped";
};

/**
 * Where a reviewer stands against their hourly limits, without counting anything: "slowed" once their
 * next action waits (past the alert threshold), "stopped" once the limit is used up. Shown on their
 * review pages, so a slow page says why (issue 16, item 19).
 */
export async function reviewerThrottle(actor: Actor, now = new Date()): Promise<ThrottleState[]> {
  return Promise.all(
    (["caseOpenings", "reveals"] as const).map(async (kind) => {
      const { count, minutes } = await rateLimitCount(LIMITS[kind], actor.userId, now);
      const state = count >= LIMITS[kind].max ? "stopped" : count >= ALERT_THRESHOLDS[kind] ? "slowed" : "ok";
      return {
        kind,
        count,
        threshold: ALERT_THRESHOLDS[kind],
        max: LIMITS[kind].max,
        minutes,
        slowDownSeconds: Math.round(throttleSettings.slowDownMs / 1000),
        state,
      } as const;
    }),
  );
}

/** Alerts about reviewers: all for admins, those of their organisations' reviewers for fund managers. */
export async function activityAlerts(actor: Actor, take = 20) {
  const roles = rolesOf(actor);
  if (!roles.has("ADMIN") && !roles.has("FUND_MANAGER")) return [];
  const orgs = orgsWithRole(actor, "FUND_MANAGER");
  const reviewerIds = roles.has("ADMIN")
    ? undefined
    : (await db().membership.findMany({ where: { organisationId: { in: orgs }, role: "REVIEWER" }, select: { userId: true } })).map(
        (m) => m.userId,
      );
  const rows = await db().auditEvent.findMany({
    where: { action: "alert.reviewer_activity", ...(reviewerIds ? { entityId: { in: reviewerIds } } : {}) },
    orderBy: { seq: "desc" },
    take,
    select: { id: true, entityId: true, data: true, createdAt: true },
  });
  const users = await db().user.findMany({
    where: { id: { in: rows.map((r) => r.entityId) } },
    select: { id: true, email: true, username: true },
  });
  return rows.map((r) => ({
    ...r,
    who: users.find((u) => u.id === r.entityId)?.email ?? users.find((u) => u.id === r.entityId)?.username ?? "—",
    data: r.data as { kind: string; count: number; threshold: number },
  }));
}
