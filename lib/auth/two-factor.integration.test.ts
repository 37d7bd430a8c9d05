// Two-factor sign-in for staff against PostgreSQL: enrolment, codes accepted once, recovery codes, the
// policy that holds back staff roles until it is set up, and the fresh factor for reveals and payouts.
import { generate } from "otplib";
import { afterEach, describe, expect, it } from "vitest";
import { assertFreshFactor, beginEnrolment, confirmEnrolment, resetTwoFactor, verifySecondFactor } from "@/lib/auth/two-factor";
import { twoFactorPolicy } from "@/lib/auth/two-factor-policy";
import { loadActor, loadSessionActor, type Actor } from "@/lib/authz/actor";
import { startDeviceSession } from "@/lib/users/devices";
import { db } from "@/lib/db/client";
import { payoutStep } from "@/lib/payouts/payout-step";
import { requestPayout } from "@/lib/payouts/request-payout";
import { RequestPayoutSchema } from "@/lib/payouts/schemas";
import { revealIdentity } from "@/lib/reviews/reveal-identity";
import { reviewCase } from "@/lib/reviews/review-case";
import { ReviewActionSchema } from "@/lib/reviews/schemas";
import { actorFor } from "@/lib/testing/actors";
import { makeOrganisation, makeUser } from "@/lib/testing/factories";
import { approvedCase, key, moneyWorld, receive } from "@/lib/testing/money";

afterEach(() => {
  twoFactorPolicy.required = undefined;
});

const now = () => Math.floor(Date.now() / 1000);
/** A code for a later 30-second step than the last one accepted (still within the ±30 s window). */
const codeAt = (secret: string, offsetSeconds: number) => generate({ secret, epoch: now() + offsetSeconds });

async function enrolled(actor: Actor): Promise<{ secret: string; recoveryCodes: string[] }> {
  const { secret } = await beginEnrolment(actor);
  const { recoveryCodes } = await confirmEnrolment(actor, await codeAt(secret, -30));
  return { secret, recoveryCodes };
}

describe("two-factor sign-in", () => {
  it("enrols with a first code, stores the secret encrypted, and gives ten recovery codes once", async () => {
    const actor = await actorFor(
      (await makeUser(db(), { roles: [{ role: "REVIEWER", organisationId: (await makeOrganisation(db())).id }] })).id,
    );
    const { secret } = await beginEnrolment(actor);
    await expect(confirmEnrolment(actor, "000000")).rejects.toMatchObject({ fieldErrors: { otp: ["otp_invalid"] } });
    const { recoveryCodes } = await confirmEnrolment(actor, await codeAt(secret, 0));
    expect(recoveryCodes).toHaveLength(10);
    const row = await db().user.findUniqueOrThrow({ where: { id: actor.userId }, select: { totpSecretEnc: true, totpEnabledAt: true } });
    expect(row.totpEnabledAt).not.toBeNull();
    expect(row.totpSecretEnc).not.toContain(secret);
    await expect(beginEnrolment(actor)).rejects.toMatchObject({ messageKey: "security.alreadyEnabled" });
    expect(await db().auditEvent.count({ where: { entityId: actor.userId, action: "user.two_factor_enabled" } })).toBe(1);
  });

  it("accepts each code once, refuses a wrong one, and takes each recovery code once", async () => {
    const actor = await actorFor(
      (await makeUser(db(), { roles: [{ role: "ADMIN", organisationId: (await makeOrganisation(db())).id }] })).id,
    );
    const { secret, recoveryCodes } = await enrolled(actor);
    const code = await codeAt(secret, 0);
    expect(await verifySecondFactor(actor.userId, code)).toBe(true);
    expect(await verifySecondFactor(actor.userId, code)).toBe(false); // replay
    expect(await verifySecondFactor(actor.userId, await codeAt(secret, -600))).toBe(false); // ten minutes old
    expect(await verifySecondFactor(actor.userId, "")).toBe(false);
    expect(await verifySecondFactor(actor.userId, recoveryCodes[0]!)).toBe(true);
    expect(await verifySecondFactor(actor.userId, recoveryCodes[0]!)).toBe(false);
    // Two requests racing with the same fresh code: exactly one passes.
    const next = await codeAt(secret, 30);
    const raced = await Promise.all([verifySecondFactor(actor.userId, next), verifySecondFactor(actor.userId, next)]);
    expect(raced.filter(Boolean)).toHaveLength(1);
  });

  it("where required, holds back staff roles until it is set up; an admin reset ends the sessions and holds them back again", async () => {
    twoFactorPolicy.required = true;
    const orgId = (await makeOrganisation(db())).id;
    const user = await makeUser(db(), { roles: [{ role: "REVIEWER", organisationId: orgId }] });
    const before = (await loadActor(user.id))!;
    expect(before.twoFactorSetupNeeded).toBe(true);
    expect(before.memberships).toEqual([]);
    await expect(reviewCase(before, ReviewActionSchema.parse({ applicationId: "any", action: "shortlist" }))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await enrolled(before);
    const after = (await loadActor(user.id))!;
    expect(after.twoFactorSetupNeeded).toBeUndefined();
    expect(after.memberships.map((m) => m.role)).toEqual(["REVIEWER"]);
    // The admin, too, acts only with two-factor sign-in set up.
    const adminId = (await makeUser(db(), { roles: [{ role: "ADMIN", organisationId: orgId }] })).id;
    await expect(resetTwoFactor(await actorFor(adminId), user.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await enrolled(await actorFor(adminId));
    const admin = await actorFor(adminId);
    const old = await startDeviceSession(user.id, null);
    await resetTwoFactor(admin, user.id);
    expect(await loadSessionActor(old.token)).toBeNull(); // the old session is over
    expect((await loadActor(user.id))!.twoFactorSetupNeeded).toBe(true);
  });

  it("only an admin resets it, checked in the use case: anyone else is refused and nothing changes", async () => {
    const orgId = (await makeOrganisation(db())).id;
    const target = await actorFor((await makeUser(db(), { roles: [{ role: "REVIEWER", organisationId: orgId }] })).id);
    await enrolled(target);
    for (const role of ["REVIEWER", "FUND_MANAGER", "COURSE_PROVIDER", "DONOR", "APPLICANT"] as const) {
      const other = await actorFor((await makeUser(db(), { roles: [{ role, organisationId: orgId }] })).id);
      await expect(resetTwoFactor(other, target.userId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await db().user.findUniqueOrThrow({ where: { id: target.userId } })).totpEnabledAt).not.toBeNull();
    expect(await db().auditEvent.count({ where: { entityId: target.userId, action: "user.two_factor_reset" } })).toBe(0);
  });

  it("a fresh code is needed to reveal an identity and to approve a payout", async () => {
    const w = await moneyWorld();
    await receive(w, "5000");
    const { applicationId } = await approvedCase(w, "1000");
    const { payoutId } = await requestPayout(
      w.fm1,
      RequestPayoutSchema.parse({
        applicationId,
        amount: "1000",
        method: "BANK_TRANSFER",
        details: "BY00 TEST 0000 0001",
        idempotencyKey: key(),
      }),
    );
    const { secret } = await enrolled(w.fm2);
    const approve = (otp: string) => payoutStep(w.fm2, { payoutId, action: "approve", method: "", reason: "", otp, idempotencyKey: key() });
    await expect(approve("")).rejects.toMatchObject({ fieldErrors: { otp: ["otp_invalid"] } });
    expect((await db().payout.findUniqueOrThrow({ where: { id: payoutId } })).status).toBe("REQUESTED");
    await expect(approve(await codeAt(secret, 0))).resolves.toMatchObject({ status: "APPROVED" });

    const r = await enrolled(w.r1);
    await expect(revealIdentity(w.r1, applicationId, "To check the bank account holder's name")).rejects.toMatchObject({
      fieldErrors: { otp: ["otp_invalid"] },
    });
    await expect(
      revealIdentity(w.r1, applicationId, "To check the bank account holder's name", await codeAt(r.secret, 0)),
    ).resolves.toHaveProperty("recordedAt");
    // Where the policy requires two-factor, staff without it cannot use the fresh-factor actions at all.
    twoFactorPolicy.required = true;
    await expect(assertFreshFactor({ ...w.r2, memberships: w.r2.memberships }, "")).rejects.toMatchObject({
      messageKey: "security.setUpFirst",
    });
  });
});
