import { describe, expect, it } from "vitest";
import { loadActor, loadSessionActor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { setSuspended, signOutEverywhere } from "@/lib/users/sessions";
import { actorFor } from "@/lib/testing/actors";
import { deviceLabel, listDevices, signOutDevice, startDeviceSession } from "@/lib/users/devices";
import { makeUser, platformOrganisation } from "@/lib/testing/factories";

describe("ending sessions", () => {
  it("'sign out everywhere' ends every session begun before it", async () => {
    const user = await makeUser(db());
    const [a, b] = [await startDeviceSession(user.id, null), await startDeviceSession(user.id, null)];
    expect(await loadSessionActor(a.token)).not.toBeNull();
    await signOutEverywhere(await actorFor(user.id));
    expect(await loadSessionActor(a.token)).toBeNull();
    expect(await loadSessionActor(b.token)).toBeNull();
    expect(await loadSessionActor((await startDeviceSession(user.id, null)).token)).not.toBeNull();
    expect(await db().auditEvent.count({ where: { entityId: user.id, action: "sessions.ended_everywhere" } })).toBe(1);
  });

  it("an admin suspends an account at once and can reactivate it; not their own, and only admins", async () => {
    const platform = await platformOrganisation(db());
    const admin = await actorFor((await makeUser(db(), { roles: [{ role: "ADMIN", organisationId: platform.id }] })).id);
    const staff = await makeUser(db(), { roles: [{ role: "REVIEWER", organisationId: platform.id }] });
    const before = await startDeviceSession(staff.id, null);
    await setSuspended(admin, staff.id, true);
    expect(await loadSessionActor(before.token)).toBeNull();
    expect(await loadActor(staff.id)).toBeNull();
    await setSuspended(admin, staff.id, false);
    expect(await loadActor(staff.id)).not.toBeNull();
    expect(await loadSessionActor(before.token)).toBeNull();
    expect(await loadSessionActor((await startDeviceSession(staff.id, null)).token)).not.toBeNull();
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
    const actor = (await loadSessionActor(laptop.token))!.actor;
    expect((await listDevices(actor, laptop.id)).map((d) => [d.device, d.current])).toEqual([
      ["Firefox on Linux", true],
      ["Chrome on Android", false],
    ]);
    await signOutDevice(actor, phone.id);
    expect(await loadSessionActor(phone.token)).toBeNull();
    expect(await loadSessionActor(laptop.token)).not.toBeNull();
    const stranger = (await loadActor(
      (await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: (await platformOrganisation(db())).id }] })).id,
    ))!;
    await expect(signOutDevice(stranger, laptop.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(deviceLabel(undefined)).toBe("Browser on unknown system");
  });
});
