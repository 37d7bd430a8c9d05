// hotQuery: hand-written statements on the client's own pool, without Prisma's query machinery (ADR 0023).
// It must read and write what Prisma reads and writes: timestamps in UTC whatever the process's time zone,
// the same prepared statements, errors the callers can recognise.
import crypto from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db, hotQuery } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { statementNamer } from "@/lib/db/statement-names";
import { makeUser } from "@/lib/testing/factories";

// The process's time zone is what this test is about (Node applies TZ when it is assigned).
// eslint-disable-next-line no-restricted-properties
const zone = process.env.TZ;
afterAll(() => {
  // eslint-disable-next-line no-restricted-properties
  process.env.TZ = zone;
});

describe("hotQuery", () => {
  it("reads and writes timestamps as UTC, as Prisma does, also in a process that is not on UTC", async () => {
    // eslint-disable-next-line no-restricted-properties
    process.env.TZ = "Europe/Minsk"; // UTC+3
    expect(new Date("2026-03-01T10:20:30.456Z").getHours()).toBe(13);
    const user = await makeUser(db());
    const at = new Date("2026-03-01T10:20:30.456Z");
    await hotQuery(Prisma.sql`UPDATE "User" SET "suspendedAt" = ${at}::timestamp(3) WHERE id = ${user.id}`);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).suspendedAt?.toISOString()).toBe(at.toISOString());
    const [row] = await hotQuery<{ suspendedAt: Date }>(Prisma.sql`SELECT "suspendedAt" FROM "User" WHERE id = ${user.id}`);
    expect(row!.suspendedAt.toISOString()).toBe(at.toISOString());
  });

  it("returns int4 as numbers, json parsed, text[] as arrays, booleans", async () => {
    const [row] = await hotQuery<{ n: number; j: { a: number }; t: string[]; b: boolean }>(
      Prisma.sql`SELECT ${41}::int + 1 AS n, json_build_object('a', 1) AS j, ARRAY['x', 'y']::text[] AS t, EXISTS (SELECT 1) AS b`,
    );
    expect(row).toEqual({ n: 42, j: { a: 1 }, t: ["x", "y"], b: true });
  });

  it("prepares the statement under the same name Prisma gives the same text", async () => {
    // The statement reads its own entry in pg_prepared_statements: whichever pooled connection answers, it
    // has just prepared (or reused) this very statement, so every run must see exactly one row, its own.
    const marker = `hot-query test ${crypto.randomUUID()}`;
    const q = Prisma.sql`SELECT name FROM pg_prepared_statements WHERE statement LIKE ${Prisma.raw(`'%${marker}%'`)} AND ${"x"}::text IS NOT NULL`;
    const expected = statementNamer()({ sql: q.text });
    expect(expected).toMatch(/^padtrymka_/);
    for (let i = 0; i < 3; i++) expect(await hotQuery<{ name: string }>(q)).toEqual([{ name: expected }]);
    // Through Prisma the same text is prepared under the same name: a connection that ran it both ways
    // still holds one statement, and Prisma's own run always sees itself.
    const viaPrisma = await db().$queryRaw<{ name: string }[]>(q);
    expect(viaPrisma).toEqual([{ name: expected }]);
  });

  it("reports a unique violation with its SQLSTATE and constraint, and the connection stays usable", async () => {
    const user = await makeUser(db());
    const other = await makeUser(db());
    await expect(hotQuery(Prisma.sql`UPDATE "User" SET email = ${user.email} WHERE id = ${other.id}`)).rejects.toMatchObject({
      code: "23505",
      constraint: expect.stringContaining("email"),
    });
    expect(await hotQuery<{ x: number }>(Prisma.sql`SELECT ${2}::int AS x`)).toEqual([{ x: 2 }]);
  });
});
