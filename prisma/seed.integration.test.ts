import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { DEMO_PASSWORD, seedDemo } from "@/prisma/seed";

const counts = async () => ({
  users: await db().user.count(),
  memberships: await db().membership.count(),
  funds: await db().fund.count(),
  pledges: await db().pledge.count(),
  ledger: await db().ledgerEntry.count(),
  applications: await db().application.count(),
  courses: await db().course.count(),
});

describe("demo seed", () => {
  it("creates one account per role, funds, pledges, courses, and is idempotent", async () => {
    await seedDemo(db());
    const first = await counts();
    await seedDemo(db());
    expect(await counts()).toEqual(first);

    for (const local of ["applicant", "reviewer", "reviewer2", "fund", "fund2", "provider", "donor", "admin"]) {
      const u = await db().user.findUniqueOrThrow({ where: { email: `${local}@demo.padtrymka.test` }, include: { memberships: true } });
      expect(await verifyPassword(u.passwordHash, DEMO_PASSWORD)).toBe(true);
      expect(u.memberships.length).toBeGreaterThan(0);
    }
    expect(await db().course.count({ where: { status: "PUBLISHED", id: { startsWith: "demo-" } } })).toBeGreaterThanOrEqual(5);
    const statement = (await db().application.findFirstOrThrow({ where: { id: "demo-application-1" } })).statementEnc;
    expect(statement).toMatch(/^pv1\./);
  });
});
