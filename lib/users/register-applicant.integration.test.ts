import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { uniq } from "@/lib/testing/factories";
import { registerApplicant } from "@/lib/users/register-applicant";

describe("applicant sign-up", () => {
  it("creates an unverified applicant with a hashed password, an APPLICANT membership and an audit event", async () => {
    const email = `${uniq("new")}@test.padtrymka.test`;
    expect(await registerApplicant({ email, password: "correct horse battery", passwordConfirm: "correct horse battery" }, "ru")).toEqual({
      created: true,
    });
    const user = await db().user.findUniqueOrThrow({ where: { email }, include: { memberships: { include: { organisation: true } } } });
    expect(user.emailVerified).toBeNull();
    expect(user.locale).toBe("ru");
    expect(user.passwordHash).not.toContain("correct horse");
    expect(await verifyPassword(user.passwordHash, "correct horse battery")).toBe(true);
    expect(user.memberships.map((m) => [m.role, m.organisation.kind])).toEqual([["APPLICANT", "PLATFORM"]]);
    const events = await db().auditEvent.findMany({ where: { entityId: user.id } });
    expect(events.map((e) => e.action)).toEqual(["user.registered"]);
    expect(JSON.stringify(events[0]!.data)).not.toContain(email);
  });

  it("answers an existing email the same way and changes nothing", async () => {
    const email = `${uniq("dup")}@test.padtrymka.test`;
    await registerApplicant({ email, password: "first password 1", passwordConfirm: "first password 1" });
    const before = await db().user.findUniqueOrThrow({ where: { email } });
    expect(await registerApplicant({ email, password: "second password 2", passwordConfirm: "second password 2" })).toEqual({
      created: false,
    });
    const after = await db().user.findUniqueOrThrow({ where: { email } });
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(await db().user.count({ where: { email } })).toBe(1);
  });
});
