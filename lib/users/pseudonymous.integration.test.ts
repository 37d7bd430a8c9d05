import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { recoverAccount } from "@/lib/users/recover-account";
import { registerPseudonymousApplicant } from "@/lib/users/register-pseudonymous-applicant";

// Each test is its own client (the per-client limit would otherwise join the tests together).
const client = () => `198.51.100.${crypto.randomInt(1, 255)}-${crypto.randomUUID()}`;

const signUp = (contact: { contactChannel: "NONE" | "TELEGRAM"; contactHandle: string } = { contactChannel: "NONE", contactHandle: "" }) =>
  registerPseudonymousApplicant({ password: "first passphrase", passwordConfirm: "first passphrase", ...contact });

describe("pseudonymous sign-up", () => {
  it("creates an account with no email and no name, ten hashed recovery codes and an audit event", async () => {
    const r = await signUp({ contactChannel: "TELEGRAM", contactHandle: "@quiet_person" });
    const user = await db().user.findUniqueOrThrow({
      where: { id: r.userId },
      include: { recoveryCodes: true, applicantProfile: true, memberships: true },
    });
    expect(user.email).toBeNull();
    expect(user.name).toBeNull();
    expect(user.username).toBe(r.username);
    expect(user.memberships.map((m) => m.role)).toEqual(["APPLICANT"]);
    expect(r.recoveryCodes).toHaveLength(10);
    expect(user.recoveryCodes).toHaveLength(10);
    const stored = user.recoveryCodes.map((c) => c.codeHash).join(" ");
    for (const code of r.recoveryCodes) expect(stored).not.toContain(code.replaceAll("-", ""));
    expect(user.applicantProfile?.contactChannel).toBe("TELEGRAM");
    expect(user.applicantProfile?.contactHandleEnc).toMatch(/^pv1\./);
    expect(user.applicantProfile?.contactHandleEnc).not.toContain("quiet_person");
    expect(await db().auditEvent.count({ where: { entityId: r.userId, action: "user.registered" } })).toBe(1);
  });

  it("recovers with a code exactly once, sets the new passphrase and audits it", async () => {
    const r = await signUp();
    const code = r.recoveryCodes[3]!;
    const out = await recoverAccount(
      { username: r.username, code: code.toLowerCase(), password: "second passphrase", passwordConfirm: "second passphrase" },
      { client: client() },
    );
    expect(out.remainingCodes).toBe(9);
    const user = await db().user.findUniqueOrThrow({ where: { id: r.userId } });
    expect(await verifyPassword(user.passwordHash, "second passphrase")).toBe(true);
    await expect(
      recoverAccount(
        { username: r.username, code, password: "third passphrase", passwordConfirm: "third passphrase" },
        { client: client() },
      ),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await db().auditEvent.count({ where: { entityId: r.userId, action: "user.recovered" } })).toBe(1);
  });

  it("refuses another user's code, and an unknown username, with the same error", async () => {
    const a = await signUp();
    const b = await signUp();
    const errors = await Promise.all([
      recoverAccount(
        { username: b.username, code: a.recoveryCodes[0]!, password: "x passphrase", passwordConfirm: "x passphrase" },
        { client: client() },
      ).catch((e) => e),
      recoverAccount(
        { username: "no-such-user-1234", code: a.recoveryCodes[0]!, password: "x passphrase", passwordConfirm: "x passphrase" },
        { client: client() },
      ).catch((e) => e),
    ]);
    for (const e of errors) expect(e).toMatchObject({ code: "UNAUTHENTICATED", messageKey: "auth.recoveryFailed" });
    expect(await db().recoveryCode.count({ where: { userId: a.userId, usedAt: null } })).toBe(10);
  });

  it("lets only one of two simultaneous uses of the same code succeed", async () => {
    const r = await signUp();
    const code = r.recoveryCodes[0]!;
    const results = await Promise.allSettled([
      recoverAccount(
        { username: r.username, code, password: "race passphrase 1", passwordConfirm: "race passphrase 1" },
        { client: client() },
      ),
      recoverAccount(
        { username: r.username, code, password: "race passphrase 2", passwordConfirm: "race passphrase 2" },
        { client: client() },
      ),
    ]);
    expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
  });

  it("after five failures for a username, refuses even the right code without checking, and says for how long", async () => {
    const r = await signUp();
    const from = client();
    for (let i = 0; i < 5; i++) {
      await expect(
        recoverAccount(
          { username: r.username, code: `WRONG-CODE-${i}`, password: "x passphrase", passwordConfirm: "x passphrase" },
          { client: from },
        ),
      ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    }
    // Another client, the right code: still paused for this username (a guesser cannot simply move).
    const paused = await recoverAccount(
      { username: r.username.toUpperCase(), code: r.recoveryCodes[0]!, password: "new passphrase", passwordConfirm: "new passphrase" },
      { client: client() },
    ).catch((e) => e);
    expect(paused).toMatchObject({ code: "RATE_LIMITED", messageKey: "errors.rateLimitedMinutes" });
    expect(paused.messageValues.minutes).toBeGreaterThanOrEqual(1);
    expect(paused.messageValues.minutes).toBeLessThanOrEqual(15);
    expect(await db().recoveryCode.count({ where: { userId: r.userId, usedAt: null } })).toBe(10);
    // Another username from the same client is not paused by these five.
    const other = await signUp();
    await expect(
      recoverAccount(
        { username: other.username, code: other.recoveryCodes[0]!, password: "new passphrase", passwordConfirm: "new passphrase" },
        { client: from },
      ),
    ).resolves.toMatchObject({ remainingCodes: 9 });
  });

  it("after thirty failures from one client, refuses that client for any username; other clients go on", async () => {
    const from = client();
    for (let i = 0; i < 30; i++) {
      await expect(
        recoverAccount(
          { username: `nobody-${crypto.randomUUID()}`, code: "WRONG-CODE", password: "x passphrase", passwordConfirm: "x passphrase" },
          { client: from },
        ),
      ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    }
    const r = await signUp();
    const input = { username: r.username, code: r.recoveryCodes[0]!, password: "new passphrase", passwordConfirm: "new passphrase" };
    await expect(recoverAccount(input, { client: from })).rejects.toMatchObject({
      code: "RATE_LIMITED",
      messageKey: "errors.rateLimitedMinutes",
    });
    await expect(recoverAccount(input, { client: client() })).resolves.toMatchObject({ remainingCodes: 9 });
  });

  it("never resets the passphrase with a two-factor backup code, and a recovery ends every session of the account", async () => {
    const r = await signUp();
    const user = await db().user.findUniqueOrThrow({ where: { username: r.username } });
    const twoFactorCode = "TWOF-" + crypto.randomBytes(4).toString("hex").toUpperCase();
    const { hashRecoveryCode } = await import("@/lib/users/pseudonym");
    await db().recoveryCode.create({ data: { userId: user.id, kind: "two_factor", codeHash: hashRecoveryCode(twoFactorCode) } });
    await expect(
      recoverAccount(
        { username: r.username, code: twoFactorCode, password: "taken over 123", passwordConfirm: "taken over 123" },
        { client: client() },
      ),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await verifyPassword((await db().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash, "first passphrase")).toBe(
      true,
    );
    const { startDeviceSession } = await import("@/lib/users/devices");
    const device = (await startDeviceSession(user.id, "Firefox on Linux")).id;
    await recoverAccount(
      { username: r.username, code: r.recoveryCodes[0]!, password: "my new passphrase", passwordConfirm: "my new passphrase" },
      { client: client() },
    );
    const after = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    expect((await db().userSession.findUniqueOrThrow({ where: { id: device } })).revokedAt).not.toBeNull();
  });
});
