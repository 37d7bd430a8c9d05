// The actor's one statement (loadSessionActor): who is signed in, found by the hash of the session cookie
// and read from the database on every request, so a signed-out device, an ended session, an outdated session
// version or a suspension takes effect at once (docs/decisions/0051-opaque-session-ids.md).
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadActor, loadSessionActor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { actorFor } from "@/lib/testing/actors";
import { makeOrganisation, makeUser, platformOrganisation } from "@/lib/testing/factories";
import { signOutDevice, startDeviceSession } from "@/lib/users/devices";
import { setSuspended, signOutEverywhere } from "@/lib/users/sessions";

const applicant = async () => makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: (await platformOrganisation(db())).id }] });

describe("the actor of a session cookie", () => {
  it("is the user with their memberships, for a live session, with its device session", async () => {
    const platform = (await platformOrganisation(db())).id;
    const org = await makeOrganisation(db());
    const user = await makeUser(db(), {
      roles: [
        { role: "APPLICANT", organisationId: platform },
        { role: "APPLICANT", organisationId: org.id },
      ],
    });
    const device = await startDeviceSession(user.id, "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0");
    const s = await loadSessionActor(device.token);
    expect(s?.deviceSessionId).toBe(device.id);
    expect(s?.actor).toMatchObject({
      userId: user.id,
      memberships: [
        { organisationId: platform, role: "APPLICANT" },
        { organisationId: org.id, role: "APPLICANT" },
      ],
    });
    expect(await loadActor("no-such-user")).toBeNull();
  });

  it("keeps only the cookie's hash: the database holds nothing that opens the session", async () => {
    const user = await applicant();
    const device = await startDeviceSession(user.id, null);
    const row = await db().userSession.findUniqueOrThrow({ where: { id: device.id } });
    expect(row.tokenHash).toBe(crypto.createHash("sha256").update(device.token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(device.token);
    // Neither the row's id nor its hash is a cookie.
    expect(await loadSessionActor(row.id)).toBeNull();
    expect(await loadSessionActor(row.tokenHash)).toBeNull();
  });

  it("is nobody for a forged, malformed, altered or expired cookie", async () => {
    const user = await applicant();
    const device = await startDeviceSession(user.id, null);
    expect(await loadSessionActor(crypto.randomBytes(32).toString("base64url"))).toBeNull();
    expect(await loadSessionActor("")).toBeNull();
    expect(await loadSessionActor(`${device.token}x`)).toBeNull();
    expect(await loadSessionActor(device.token.slice(0, -1) + (device.token.endsWith("A") ? "B" : "A"))).toBeNull();
    expect(await loadSessionActor("' OR 1=1 --")).toBeNull();
    const short = await startDeviceSession(user.id, null, 60);
    expect(await loadSessionActor(short.token)).not.toBeNull();
    await db().userSession.update({ where: { id: short.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await loadSessionActor(short.token)).toBeNull();
    expect(await loadSessionActor(device.token)).not.toBeNull();
  });

  it("is nobody for a session that is signed out, ended everywhere or suspended", async () => {
    const user = await applicant();
    const actor = await actorFor(user.id);
    const device = await startDeviceSession(user.id, null);
    const other = await startDeviceSession(user.id, null);
    expect(await loadSessionActor(device.token)).not.toBeNull();
    await signOutDevice(actor, device.id);
    expect(await loadSessionActor(device.token)).toBeNull();
    expect(await loadSessionActor(other.token)).not.toBeNull();
    await signOutEverywhere(actor);
    expect(await loadSessionActor(other.token)).toBeNull();
    // A raised session version alone ends the sessions begun before it, even a row nobody revoked.
    const before = await startDeviceSession(user.id, null);
    await db().user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await loadSessionActor(before.token)).toBeNull();
    const after = await startDeviceSession(user.id, null);
    expect(await loadSessionActor(after.token)).not.toBeNull();
    const admin = await actorFor(
      (await makeUser(db(), { roles: [{ role: "ADMIN", organisationId: (await platformOrganisation(db())).id }] })).id,
    );
    expect(await loadActor(user.id)).not.toBeNull();
    await setSuspended(admin, user.id, true);
    expect(await loadSessionActor(after.token)).toBeNull();
    // Suspended, whatever the session says, and a reactivation does not bring the old session back.
    expect(await loadActor(user.id)).toBeNull();
    await setSuspended(admin, user.id, false);
    expect(await loadSessionActor(after.token)).toBeNull();
  });
});
