// The unique violation in each shape it reaches the domain in (a model query, a raw Prisma query, a
// statement on the driver), produced for real, and read by the one helper.
import { describe, expect, it } from "vitest";
import { db, hotQuery } from "@/lib/db/client";
import { isUniqueViolation, uniqueViolation } from "@/lib/db/errors";
import { Prisma } from "@/lib/db/generated/client";
import { makeUser } from "@/lib/testing/factories";

const caught = (p: Promise<unknown>) =>
  p.then(
    () => expect.fail("no error"),
    (e: unknown) => e,
  );

describe("unique violations, one helper for every shape", () => {
  it("reads a model query's P2002, a raw query's P2010 and the driver's 23505, with the constraint", async () => {
    const [a, b] = [await makeUser(db()), await makeUser(db())];
    const shapes = {
      model: await caught(db().user.update({ where: { id: b.id }, data: { email: a.email } })),
      raw: await caught(db().$executeRaw`UPDATE "User" SET email = ${a.email} WHERE id = ${b.id}`),
      rawInTransaction: await caught(
        db().$transaction((tx) => tx.$queryRaw`UPDATE "User" SET email = ${a.email} WHERE id = ${b.id} RETURNING id`),
      ),
      driver: await caught(hotQuery(Prisma.sql`UPDATE "User" SET email = ${a.email} WHERE id = ${b.id}`)),
    };
    expect(shapes.model).toMatchObject({ code: "P2002" });
    expect(shapes.raw).toMatchObject({ code: "P2010" });
    expect(shapes.driver).toMatchObject({ code: "23505" });
    for (const [shape, e] of Object.entries(shapes)) {
      expect({ shape, constraint: uniqueViolation(e) }).toEqual({ shape, constraint: expect.stringContaining("email") });
      expect({ shape, on: isUniqueViolation(e, "email"), any: isUniqueViolation(e), other: isUniqueViolation(e, "username") }).toEqual({
        shape,
        on: true,
        any: true,
        other: false,
      });
    }
  });

  it("reads the driver adapter's own error, and nothing else as a unique violation", async () => {
    const adapter = Object.assign(new Error("unique"), {
      name: "DriverAdapterError",
      cause: { kind: "UniqueConstraintViolation", constraint: { index: "Application_referenceCode_key" } },
    });
    expect(isUniqueViolation(adapter, "referenceCode")).toBe(true);
    expect(
      isUniqueViolation(Object.assign(new Error("fk"), { name: "DriverAdapterError", cause: { kind: "ForeignKeyConstraintViolation" } })),
    ).toBe(false);
    // A foreign-key violation in each shape is not a unique violation.
    const fk = [
      await caught(db().membership.create({ data: { userId: "no-such-user", organisationId: "no-such-org", role: "APPLICANT" } })),
      await caught(
        db()
          .$executeRaw`INSERT INTO "Membership" (id, "userId", "organisationId", role, "createdAt", "updatedAt") VALUES ('m-x', 'no-such-user', 'no-such-org', 'APPLICANT', now(), now())`,
      ),
      await caught(
        hotQuery(
          Prisma.sql`INSERT INTO "Membership" (id, "userId", "organisationId", role, "createdAt", "updatedAt") VALUES ('m-y', 'no-such-user', 'no-such-org', 'APPLICANT', now(), now())`,
        ),
      ),
    ];
    for (const e of fk) expect(uniqueViolation(e)).toBeNull();
    expect(uniqueViolation(new Error("23505"))).toBeNull();
    expect(uniqueViolation("23505")).toBeNull();
  });
});
