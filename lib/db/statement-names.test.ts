import { describe, expect, it } from "vitest";
import { statementNamer } from "@/lib/db/statement-names";

describe("prepared statement names", () => {
  it("gives the same text the same name and different texts different names", () => {
    const name = statementNamer();
    const a = name({ sql: `SELECT 1 WHERE $1 = 'a'` });
    expect(a).toMatch(/^padtrymka_[\w-]{24}$/);
    expect(name({ sql: `SELECT 1 WHERE $1 = 'a'` })).toBe(a);
    expect(name({ sql: `SELECT 1 WHERE $1 = 'b'` })).not.toBe(a);
    // Another process (another app node) names the same text the same way.
    expect(statementNamer()({ sql: `SELECT 1 WHERE $1 = 'a'` })).toBe(a);
  });

  it("names at most `max` texts; the rest run unnamed (an empty name), the named ones keep their names", () => {
    const name = statementNamer(3);
    const first = [0, 1, 2].map((i) => name({ sql: `SELECT ${i}` }));
    expect(first.every((n) => n.length > 0)).toBe(true);
    expect(name({ sql: "SELECT 3" })).toBe("");
    expect(name({ sql: "SELECT 4" })).toBe("");
    expect(name({ sql: "SELECT 1" })).toBe(first[1]);
  });
});
