import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { ALERT_THRESHOLDS, LIMITS } from "@/lib/rate-limit/rate-limit";
import { activityAlerts, throttleReviewer, throttleSettings } from "@/lib/reviews/activity";
import { actorFor } from "@/lib/testing/actors";
import { makeOrganisation, makeUser, platformOrganisation } from "@/lib/testing/factories";

let reviewer: Actor;
let manager: Actor;
let otherManager: Actor;
let admin: Actor;

beforeAll(async () => {
  throttleSettings.slowDownMs = 0;
  const org = await makeOrganisation(db());
  const other = await makeOrganisation(db());
  reviewer = await actorFor((await makeUser(db(), { roles: [{ role: "REVIEWER", organisationId: org.id }] })).id);
  manager = await actorFor((await makeUser(db(), { roles: [{ role: "FUND_MANAGER", organisationId: org.id }] })).id);
  otherManager = await actorFor((await makeUser(db(), { roles: [{ role: "FUND_MANAGER", organisationId: other.id }] })).id);
  admin = await actorFor((await makeUser(db(), { roles: [{ role: "ADMIN", organisationId: (await platformOrganisation(db())).id }] })).id);
});

describe("per-reviewer limits on identity reveals and case openings", () => {
  it("alerts fund managers and admins on crossing the threshold, then stops the reviewer with a clear wait", async () => {
    for (let i = 0; i < ALERT_THRESHOLDS.reveals; i++) await throttleReviewer(reviewer, "reveals");
    expect(await db().auditEvent.count({ where: { action: "alert.reviewer_activity", entityId: reviewer.userId } })).toBe(0);
    await throttleReviewer(reviewer, "reveals");
    expect(await db().auditEvent.count({ where: { action: "alert.reviewer_activity", entityId: reviewer.userId } })).toBe(1);
    for (let i = ALERT_THRESHOLDS.reveals + 1; i < LIMITS.reveals.max; i++) await throttleReviewer(reviewer, "reveals");
    await expect(throttleReviewer(reviewer, "reveals")).rejects.toMatchObject({
      code: "RATE_LIMITED",
      messageKey: "errors.rateLimitedMinutes",
    });
    // Still one alert per hour, not one per action.
    expect(await db().auditEvent.count({ where: { action: "alert.reviewer_activity", entityId: reviewer.userId } })).toBe(1);

    expect((await activityAlerts(manager)).map((a) => a.entityId)).toContain(reviewer.userId);
    expect((await activityAlerts(admin)).map((a) => a.entityId)).toContain(reviewer.userId);
    expect((await activityAlerts(otherManager)).map((a) => a.entityId)).not.toContain(reviewer.userId);
    expect(await activityAlerts(reviewer)).toEqual([]);
  });
});
