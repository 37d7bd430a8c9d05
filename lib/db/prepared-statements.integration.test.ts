// The app's database client prepares each distinct statement once per connection (ADR 0021).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";

describe("prepared statements", () => {
  it("prepares a statement once per connection under its name, and reuses it", async () => {
    const seen = await db().$transaction(async (tx) => {
      const id = "no-such-user";
      for (let i = 0; i < 3; i++) await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${id} /* prepared-statements test */`;
      return tx.$queryRaw<
        { name: string; statement: string }[]
      >`SELECT name, statement FROM pg_prepared_statements WHERE statement LIKE '%prepared-statements test%' AND statement NOT LIKE '%pg_prepared_statements%'`;
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.name).toMatch(/^padtrymka_/);
  });

  it("still reports errors per statement, and the connection stays usable", async () => {
    await expect(db().$queryRaw`SELECT 1 / ${0}::int AS x`).rejects.toThrow();
    await expect(db().$queryRaw`SELECT 1 / ${0}::int AS x`).rejects.toThrow();
    expect(await db().$queryRaw<{ x: number }[]>`SELECT 2 / ${1}::int AS x`).toEqual([{ x: 2 }]);
  });
});
