// The emergency lock's server actions (run alone: they change the whole deployment). Only an admin may
// lock or unlock; 1,000 random and malformed posts to each action, from every kind of actor, while
// locked, never unlock it and never end in an unhandled error; the admin's real code unlocks.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz/actor";
import { formOf, harness, loadActions, mockRequestContext, navigationDigest } from "@/lib/testing/action-harness";

mockRequestContext();
const { db } = await import("@/lib/db/client");
const { actorFor } = await import("@/lib/testing/actors");
const { makeOrganisation, makeUser, platformOrganisation } = await import("@/lib/testing/factories");
const { lockState } = await import("@/lib/crypto/emergency-lock");

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000); // eslint-disable-line no-restricted-properties

describe("emergency lock actions", () => {
  it("only an admin locks and unlocks; fuzzed posts never unlock and never fail unhandled", async () => {
    const actions = await loadActions();
    const lock = actions.get("lockDeploymentAction")!;
    const unlock = actions.get("unlockDeploymentAction")!;
    const platformId = (await platformOrganisation(db())).id;
    const org = (await makeOrganisation(db())).id;
    const as = async (role: "APPLICANT" | "REVIEWER" | "FUND_MANAGER" | "COURSE_PROVIDER" | "DONOR" | "ADMIN", o: string) =>
      actorFor((await makeUser(db(), { roles: [{ role, organisationId: o }] })).id);
    const admin = await as("ADMIN", platformId);
    const others: (Actor | null)[] = [
      null,
      await as("APPLICANT", platformId),
      await as("REVIEWER", org),
      await as("FUND_MANAGER", org),
      await as("COURSE_PROVIDER", (await makeOrganisation(db(), { kind: "COURSE_PROVIDER" })).id),
      await as("DONOR", (await makeOrganisation(db(), { kind: "DONOR" })).id),
    ];

    for (const actor of others) {
      harness.actor = actor;
      const r = await lock(null, formOf({ confirm: "LOCK" }));
      expect(r.ok).toBe(false);
      expect(["FORBIDDEN", "UNAUTHENTICATED"]).toContain(r.code);
    }
    expect((await lockState()).lockedAt).toBeNull();

    harness.actor = admin;
    expect(await lock(null, formOf({}))).toMatchObject({ ok: false, code: "INVALID_INPUT" }); // not confirmed
    const locked = (await lock(null, formOf({ confirm: "LOCK" }))) as { ok: boolean; data?: { unlockCode: string } };
    expect(locked.ok).toBe(true);
    const code = locked.data!.unlockCode;

    const failures: string[] = [];
    const value = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.constantFrom("yes", "", code.slice(0, 20), `${code}x`, "\u0000", "x".repeat(5000)),
      fc.base64String({ maxLength: 60 }),
    );
    for (const [name, action] of [
      ["lock", lock],
      ["unlock", unlock],
    ] as const) {
      await fc.assert(
        fc.asyncProperty(
          fc.nat({ max: others.length }),
          fc.dictionary(fc.constantFrom("code", "confirm", "otp", "junk"), value),
          async (who, fields) => {
            harness.actor = who === others.length ? admin : others[who]!;
            try {
              const r = await action(null, formOf(fields));
              if (r.code === "INTERNAL" || (name === "unlock" && r.ok))
                failures.push(`${name}: ${JSON.stringify(Object.keys(fields))} -> ${r.code}`);
            } catch (e) {
              // A redirect from unlock means it succeeded: a random post must never unlock.
              if (!navigationDigest(e) || name === "unlock") failures.push(`${name}: threw ${e instanceof Error ? e.message : String(e)}`);
            }
          },
        ),
        { numRuns: RUNS },
      );
    }
    expect(failures).toEqual([]);
    expect((await lockState()).lockedAt).not.toBeNull();

    harness.actor = admin;
    await expect(unlock(null, formOf({ code }))).rejects.toMatchObject({ digest: expect.stringContaining("/admin?unlocked=") });
    expect((await lockState()).lockedAt).toBeNull();
  }, 600_000);
});
