import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { recoverAccount } from "@/lib/users/recover-account";
import { registerPseudonymousApplicant } from "@/lib/users/register-pseudonymous-applicant";

const signUp = (contact: { contactChannel: "NONE" | "TELEGRAM"; contactHandle: string } = { contactChannel: "NONE", contactHandle: "" }) =>
  registerPseudonymousApplicant({ password: "first passphrase", passwordConfirm: "first passphrase", ...contact });

describe("pseudonymous sign-up", () => {
  it("creates an account with no email and no name, ten hashed recovery codes and an audit event", async () => {
    const r = await signUp({ contactChannel: "TELEGRAM", contactHandle: "@quiet_person" });
    const user = await db().user.findUniqueOrThrow({ where: { id: r.userId }, include: { recoveryCodes: true, applicantProfile: true, memberships: true } });
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
    const out = await recoverAccount({ username: r.username, code: code.toLowerCase(), password: "second passphrase", passwordConfirm: "second passphrase" });
    expect(out.remainingCodes).toBe(9);
    const user = await db().user.findUniqueOrThrow({ where: { id: r.userId } });
    expect(await verifyPassword(user.passwordHash, "second passphrase")).toBe(true);
    await expect(recoverAccount({ username: r.username, code, password: "third passphrase", passwordConfirm: "third passphrase" })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await db().auditEvent.count({ where: { entityId: r.userId, action: "user.recovered" } })).toBe(1);
  });

  it("refuses another user's code, and an unknown username, with the same error", async () => {
    const a = await signUp();
    const b = await signUp();
    const errors = await Promise.all([
      recoverAccount({ username: b.username, code: a.recoveryCodes[0]!, password: "x passphrase", passwordConfirm: "x passphrase" }).catch((e) => e),
      recoverAccount({ username: "no-such-user-1234", code: a.recoveryCodes[0]!, password: "x passphrase", passwordConfirm: "x passphrase" }).catch((e) => e),
    ]);
    for (const e of errors) expect(e).toMatchObject({ code: "UNAUTHENTICATED", messageKey: "auth.recoveryFailed" });
    expect(await db().recoveryCode.count({ where: { userId: a.userId, usedAt: null } })).toBe(10);
  });

  it("lets only one of two simultaneous uses of the same code succeed", async () => {
    const r = await signUp();
    const code = r.recoveryCodes[0]!;
    const results = await Promise.allSettled([
      recoverAccount({ username: r.username, code, password: "race passphrase 1", passwordConfirm: "race passphrase 1" }),
      recoverAccount({ username: r.username, code, password: "race passphrase 2", passwordConfirm: "race passphrase 2" }),
    ]);
    expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
  });
});
