// The actor's one statement (loadActor): who is signed in, read from the database on every request, so a
// signed-out device, an outdated session version or a suspension takes effect at once.
import { describe, expect, it } from "vitest";
import { loadActor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { actorFor } from "@/lib/testing/actors";
import { makeOrganisation, makeUser, platformOrganisation } from "@/lib/testing/factories";
import { signOutDevice, startDeviceSession } from "@/lib/users/devices";
import { setSuspended, signOutEverywhere } from "@/lib/users/sessions";

describe("the actor", () => {
  it("is the user with their memberships, for a valid session and device", async () => {
    const platform = (await platformOrganisation(db())).id;
    const org = await makeOrganisation(db());
    const user = await makeUser(db(), {
      roles: [
        { role: "APPLICANT", organisationId: platform },
        { role: "APPLICANT", organisationId: org.id },
      ],
    });
    const device = await startDeviceSession(user.id, "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0");
    const actor = await loadActor(user.id, 0, device);
    expect(actor).toMatchObject({
      userId: user.id,
      memberships: [
        { organisationId: platform, role: "APPLICANT" },
        { organisationId: org.id, role: "APPLICANT" },
      ],
    });
    expect(await loadActor("no-such-user", 0)).toBeNull();
  });

  it("is nobody for a session that is signed out, outdated or suspended", async () => {
    const user = await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: (await platformOrganisation(db())).id }] });
    const actor = await actorFor(user.id);
    const device = await startDeviceSession(user.id, null);
    expect(await loadActor(user.id, 0, device)).not.toBeNull();
    await signOutDevice(actor, device);
    expect(await loadActor(user.id, 0, device)).toBeNull();
    expect(await loadActor(user.id, 0, "no-such-device")).toBeNull();
    await signOutEverywhere(actor);
    expect(await loadActor(user.id, 0)).toBeNull();
    expect(await loadActor(user.id, 1)).not.toBeNull();
    const admin = await actorFor(
      (await makeUser(db(), { roles: [{ role: "ADMIN", organisationId: (await platformOrganisation(db())).id }] })).id,
    );
    expect(await loadActor(user.id)).not.toBeNull();
    await setSuspended(admin, user.id, true);
    expect(await loadActor(user.id, 1)).toBeNull();
    // Suspended, whatever the session says.
    expect(await loadActor(user.id)).toBeNull();
  });
});
