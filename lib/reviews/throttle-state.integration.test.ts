// A reviewer's standing against the hourly limits, read without counting (for the banner on their review
// pages): fine, then slowed once past the alert threshold, then stopped (issue 16, item 19).
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { ALERT_THRESHOLDS, LIMITS } from "@/lib/rate-limit/rate-limit";
import { reviewerThrottle, throttleReviewer, throttleSettings } from "@/lib/reviews/activity";
import { actorFor } from "@/lib/testing/actors";
import { makeOrganisation, makeUser } from "@/lib/testing/factories";

let reviewer: Actor;
const openings = async () => (await reviewerThrottle(reviewer)).find((s) => s.kind === "caseOpenings")!;

beforeAll(async () => {
  throttleSettings.slowDownMs = 0;
  reviewer = await actorFor(
    (await makeUser(db(), { roles: [{ role: "REVIEWER", organisationId: (await makeOrganisation(db())).id }] })).id,
  );
});

describe("a reviewer's throttle state", () => {
  it("is fine, then slowed from the opening that waits, then stopped; reading it counts nothing", async () => {
    expect(await openings()).toMatchObject({
      state: "ok",
      count: 0,
      threshold: ALERT_THRESHOLDS.caseOpenings,
      max: LIMITS.caseOpenings.max,
    });
    for (let i = 0; i < ALERT_THRESHOLDS.caseOpenings - 1; i++) await throttleReviewer(reviewer, "caseOpenings");
    expect(await openings()).toMatchObject({ state: "ok", count: ALERT_THRESHOLDS.caseOpenings - 1 });
    await throttleReviewer(reviewer, "caseOpenings");
    // The next opening is past the threshold and waits: the page says so from now on.
    const slowed = await openings();
    expect(slowed).toMatchObject({ state: "slowed", count: ALERT_THRESHOLDS.caseOpenings });
    expect(slowed.minutes).toBeGreaterThanOrEqual(1);
    expect(slowed.minutes).toBeLessThanOrEqual(60);
    expect((await openings()).count).toBe(ALERT_THRESHOLDS.caseOpenings); // reading counted nothing
    for (let i = ALERT_THRESHOLDS.caseOpenings; i < LIMITS.caseOpenings.max; i++) await throttleReviewer(reviewer, "caseOpenings");
    expect(await openings()).toMatchObject({ state: "stopped", count: LIMITS.caseOpenings.max });
    expect((await reviewerThrottle(reviewer)).find((s) => s.kind === "reveals")).toMatchObject({ state: "ok", count: 0 });
  });
});
