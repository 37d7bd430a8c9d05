import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { startDeviceSession } from "@/lib/users/devices";
import { quickExit, quickExitSignsOut, setQuickExitSignOut } from "@/lib/users/quick-exit";
import { actorFor } from "@/lib/testing/actors";
import { makeUser, platformOrganisation } from "@/lib/testing/factories";

let platformId: string;
beforeAll(async () => {
  platformId = (await platformOrganisation(db())).id;
});

describe("sign me out on quick exit", () => {
  it("is on by default for an account without email, off with email, and the account's choice wins", async () => {
    const pseudonymous = await actorFor(
      (await makeUser(db(), { email: null, username: `quiet-${Date.now()}`, roles: [{ role: "APPLICANT", organisationId: platformId }] }))
        .id,
    );
    const withEmail = await actorFor((await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: platformId }] })).id);
    expect(await quickExitSignsOut(pseudonymous)).toBe(true);
    expect(await quickExitSignsOut(withEmail)).toBe(false);
    await setQuickExitSignOut(pseudonymous, false);
    await setQuickExitSignOut(withEmail, true);
    expect(await quickExitSignsOut(pseudonymous)).toBe(false);
    expect(await quickExitSignsOut(withEmail)).toBe(true);
    expect(await db().auditEvent.count({ where: { entityId: withEmail.userId, action: "user.quick_exit_setting_changed" } })).toBe(1);
  });

  it("ends this device's session on the server when on, and leaves it when off", async () => {
    const on = await actorFor(
      (await makeUser(db(), { email: null, username: `river-${Date.now()}`, roles: [{ role: "APPLICANT", organisationId: platformId }] }))
        .id,
    );
    const sid = (await startDeviceSession(on.userId, "Mozilla/5.0 (Android 14) Firefox/130.0")).id;
    const other = (await startDeviceSession(on.userId, "Mozilla/5.0 (Windows NT 10.0) Chrome/130.0")).id;
    expect(await quickExit(on, sid)).toBe(true);
    expect((await db().userSession.findUniqueOrThrow({ where: { id: sid } })).revokedAt).not.toBeNull();
    expect((await db().userSession.findUniqueOrThrow({ where: { id: other } })).revokedAt).toBeNull(); // only this device
    const off = await actorFor((await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: platformId }] })).id);
    const offSid = (await startDeviceSession(off.userId, "x")).id;
    expect(await quickExit(off, offSid)).toBe(false);
    expect((await db().userSession.findUniqueOrThrow({ where: { id: offSid } })).revokedAt).toBeNull();
    expect(await quickExit(null, undefined)).toBe(false);
  });
});
