// Account pre-hijacking (issue 16, item 1): whoever registers an address first must not be able to sign in
// with the password they chose once the real owner starts using the account.
import fs from "node:fs";
import path from "node:path";
import { CredentialsSignin } from "@auth/core/errors";
import { describe, expect, it } from "vitest";
import { checkPasswordSignIn, PasswordPending } from "@/lib/auth/password-sign-in";
import { db } from "@/lib/db/client";
import { actorFor } from "@/lib/testing/actors";
import { makeUser, uniq } from "@/lib/testing/factories";
import { registerApplicant } from "@/lib/users/register-applicant";
import { setPassword } from "@/lib/users/set-password";
import { startDeviceSession } from "@/lib/users/devices";

const ATTACKER_PW = "attacker chose this 1";
const OWNER_PW = "the owner's own words 2";
const client = () => uniq("client");
const signIn = (identifier: string, password: string) => checkPasswordSignIn({ identifier, password }, client());
/** What Auth.js does when the owner opens a sign-in link sent to the address. */
const openLink = (email: string) => db().user.update({ where: { email }, data: { emailVerified: new Date() } });

async function registered(password: string) {
  const email = `${uniq("victim")}@test.padtrymka.test`;
  await registerApplicant({ email, password, passwordConfirm: password });
  return email;
}

describe("a password chosen before the email was confirmed", () => {
  it("does not work before the address is confirmed, nor after the owner signs in by link", async () => {
    const email = await registered(ATTACKER_PW);
    await expect(signIn(email, ATTACKER_PW)).rejects.toBeInstanceOf(PasswordPending);
    await openLink(email);
    await expect(signIn(email, ATTACKER_PW)).rejects.toBeInstanceOf(PasswordPending);
    // A wrong password is the plain refusal, so the pending state is told only to whoever knows the password.
    const wrong = await signIn(email, "not the password at all").catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(CredentialsSignin);
    expect(wrong).not.toBeInstanceOf(PasswordPending);
  });

  it("stops working for good when the owner, signed in by link, chooses a new password; other devices are signed out", async () => {
    const email = await registered(ATTACKER_PW);
    await openLink(email);
    const owner = await db().user.findUniqueOrThrow({ where: { email } });
    const attackerDevice = await startDeviceSession(owner.id, "Firefox on Linux");
    const ownerDevice = await startDeviceSession(owner.id, "Chrome on Android");
    expect(
      await setPassword(
        await actorFor(owner.id),
        { mode: "change", current: "", password: OWNER_PW, passwordConfirm: OWNER_PW },
        ownerDevice.id,
      ),
    ).toEqual({ outcome: "changed" });
    await expect(signIn(email, ATTACKER_PW)).rejects.toBeInstanceOf(CredentialsSignin);
    await expect(signIn(email, ATTACKER_PW)).rejects.not.toBeInstanceOf(PasswordPending);
    expect(await signIn(email, OWNER_PW)).toEqual({ id: owner.id });
    const sessions = await db().userSession.findMany({ where: { userId: owner.id }, select: { id: true, revokedAt: true } });
    expect(sessions.find((s) => s.id === attackerDevice.id)?.revokedAt).not.toBeNull();
    expect(sessions.find((s) => s.id === ownerDevice.id)?.revokedAt).toBeNull();
    const events = await db().auditEvent.findMany({ where: { entityId: owner.id }, orderBy: { seq: "asc" }, select: { action: true } });
    expect(events.map((e) => e.action)).toEqual(["user.registered", "user.password_changed"]);
  });

  it("works once the owner types it again after signing in by link; a wrong one is refused and changes nothing", async () => {
    const email = await registered(OWNER_PW);
    await openLink(email);
    const owner = await db().user.findUniqueOrThrow({ where: { email } });
    const actor = await actorFor(owner.id);
    await expect(setPassword(actor, { mode: "confirm", password: ATTACKER_PW })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { password: ["password_not_signup"] },
    });
    await expect(signIn(email, OWNER_PW)).rejects.toBeInstanceOf(PasswordPending);
    expect(await setPassword(actor, { mode: "confirm", password: OWNER_PW })).toEqual({ outcome: "confirmed" });
    expect(await signIn(email, OWNER_PW)).toEqual({ id: owner.id });
    await expect(setPassword(actor, { mode: "confirm", password: OWNER_PW })).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("cannot be settled by a session of an account whose address was never confirmed", async () => {
    const email = await registered(ATTACKER_PW);
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    const actor = await actorFor(user.id);
    await expect(setPassword(actor, { mode: "confirm", password: ATTACKER_PW })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setPassword(actor, { mode: "change", current: "", password: OWNER_PW, passwordConfirm: OWNER_PW })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(signIn(email, ATTACKER_PW)).rejects.toBeInstanceOf(PasswordPending);
  });

  it("a working password is changed only with the current one", async () => {
    const u = await makeUser(db(), { password: OWNER_PW });
    const actor = await actorFor(u.id);
    await expect(
      setPassword(actor, { mode: "change", current: "a guess at it", password: ATTACKER_PW, passwordConfirm: ATTACKER_PW }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { current: ["password_current_wrong"] } });
    expect(await signIn(u.email!, OWNER_PW)).toEqual({ id: u.id });
    await setPassword(actor, { mode: "change", current: OWNER_PW, password: ATTACKER_PW, passwordConfirm: ATTACKER_PW });
    expect(await signIn(u.email!, ATTACKER_PW)).toEqual({ id: u.id });
  });
});

describe("the owner of an address someone keeps guessing at", () => {
  it("still chooses a new password while the address's sign-in is paused", async () => {
    const email = await registered(ATTACKER_PW);
    await openLink(email);
    for (let i = 0; i < 6; i++) await signIn(email, `guess ${i}`).catch(() => undefined); // anyone can do this
    const owner = await db().user.findUniqueOrThrow({ where: { email } });
    expect(
      await setPassword(await actorFor(owner.id), { mode: "change", current: "", password: OWNER_PW, passwordConfirm: OWNER_PW }),
    ).toEqual({ outcome: "changed" });
  });
});

describe("the migration that flags accounts created before the fix", () => {
  it("makes the sign-up password of an existing email account pending and ends its sessions, and leaves other accounts alone", async () => {
    const sql = fs.readFileSync(
      path.join(import.meta.dirname, "../../prisma/migrations/20261201201948_password_pending/migration.sql"),
      "utf8",
    );
    const backfill = sql.slice(sql.indexOf("UPDATE"));
    const email = await registered(ATTACKER_PW);
    const old = await db().user.update({ where: { email }, data: { passwordPending: false, emailVerified: new Date() } }); // as before the fix
    expect(await signIn(email, ATTACKER_PW)).toEqual({ id: old.id });
    const device = await startDeviceSession(old.id, "Firefox on Linux");
    const staff = await makeUser(db(), { password: OWNER_PW }); // created by an admin or the seed, not by sign-up
    await db().$executeRawUnsafe(backfill.split(";")[0]!);
    await db().$executeRawUnsafe(backfill.split(";")[1]!);
    await expect(signIn(email, ATTACKER_PW)).rejects.toBeInstanceOf(PasswordPending);
    const after = await db().user.findUniqueOrThrow({ where: { id: old.id } });
    expect(after.sessionVersion).toBe(old.sessionVersion + 1);
    expect((await db().userSession.findUniqueOrThrow({ where: { id: device.id } })).revokedAt).not.toBeNull();
    expect(await signIn(staff.email!, OWNER_PW)).toEqual({ id: staff.id });
  });
});
