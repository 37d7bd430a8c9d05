import { describe, expect, it } from "vitest";
import { loadActor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { setSuspended, signOutEverywhere } from "@/lib/users/sessions";
import { actorFor } from "@/lib/testing/actors";
import { deviceLabel, listDevices, signOutDevice, startDeviceSession } from "@/lib/users/devices";
import { makeUser, platformOrganisation } from "@/lib/testing/factories";

describe("ending sessions", () => {
  it("'sign out everywhere' invalidates every token issued before it", async () => {
    const user = await makeUser(db());
    expect(await loadActor(user.id, 0)).not.toBeNull();
    await signOutEverywhere(await actorFor(user.id));
    expect(await loadActor(user.id, 0)).toBeNull();
    expect(await loadActor(user.id, 1)).not.toBeNull();
    expect(await db().auditEvent.count({ where: { entityId: user.id, action: "sessions.ended_everywhere" } })).toBe(1);
  });

  it("an admin suspends an account at once and can reactivate it; not their own, and only admins", async () => {
    const platform = await platformOrganisation(db());
    const admin = await actorFor((await makeUser(db(), { roles: [{ role: "ADMIN", organisationId: platform.id }] })).id);
    const staff = await makeUser(db(), { roles: [{ role: "REVIEWER", organisationId: platform.id }] });
    await setSuspended(admin, staff.id, true);
    expect(await loadActor(staff.id, 0)).toBeNull();
    expect(await loadActor(staff.id, 1)).toBeNull();
    await setSuspended(admin, staff.id, false);
    expect(await loadActor(staff.id, 1)).not.toBeNull();
    expect(await loadActor(staff.id, 0)).toBeNull();
    await expect(setSuspended(admin, admin.userId, true)).rejects.toMatchObject({ messageKey: "admin.cannotSuspendSelf" });
    await expect(setSuspended(await actorFor(staff.id), admin.userId, true)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("signed-in devices", () => {
  it("lists each sign-in, and a device signed out on its own cannot act any more while the others still can", async () => {
    const user = await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: (await platformOrganisation(db())).id }] });
    const phone = await startDeviceSession(
      user.id,
      "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 Chrome/130.0 Mobile Safari/537.36",
    );
    const laptop = await startDeviceSession(user.id, "Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0");
    const actor = (await loadActor(user.id, 0, laptop))!;
    expect((await listDevices(actor, laptop)).map((d) => [d.device, d.current])).toEqual([
      ["Firefox on Linux", true],
      ["Chrome on Android", false],
    ]);
    await signOutDevice(actor, phone);
    expect(await loadActor(user.id, 0, phone)).toBeNull();
    expect(await loadActor(user.id, 0, laptop)).not.toBeNull();
    const stranger = (await loadActor(
      (await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: (await platformOrganisation(db())).id }] })).id,
    ))!;
    await expect(signOutDevice(stranger, laptop)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(deviceLabel(undefined)).toBe("Browser on unknown system");
  });
});
