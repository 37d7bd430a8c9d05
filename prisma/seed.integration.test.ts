import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { bucketFigures } from "@/lib/money/ledger";
import { transparencyReport } from "@/lib/transparency/queries";
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

  it("has a published history: the transparency page shows each demo fund's figures after the 7-day delay", async () => {
    await seedDemo(db());
    const reports = await transparencyReport();
    const rehab = reports.find((r) => r.id === "demo-fund-rehab")!;
    expect(rehab.delayDays).toBe(7);
    expect(rehab.received).toBe(12_450_000);
    expect(rehab.peoplePaid).toMatchObject({ hidden: false, count: 12 });
    expect(rehab.paid).toBeGreaterThan(0);
    expect(rehab.roots.length).toBeGreaterThan(0);
    // The seeded ledger is consistent with the database's balance projection.
    for (const fundId of ["demo-fund-academy", "demo-fund-rehab", "demo-fund-solidarity"]) {
      const derived = bucketFigures(
        await db().ledgerEntry.findMany({ where: { fundId }, select: { kind: true, amountMinor: true, purpose: true } }),
      );
      for (const b of await db().fundBalance.findMany({ where: { fundId } })) {
        expect(Number(b.paidMinor)).toBe(derived.get(b.bucket)!.paid);
        expect(Number(b.committedMinor)).toBe(derived.get(b.bucket)!.committed);
      }
    }
  });
});
