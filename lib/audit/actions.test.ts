// Every action the use cases record has a name in every language (the audit list and the access log show
// names, not codes), found by reading the source: a new action without a translation fails here.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import be from "@/messages/be.json";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";

const LIB = path.join(import.meta.dirname, "..");
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return ["generated", "testing"].includes(e.name) ? [] : sources(p);
    return e.name.endsWith(".ts") && !e.name.includes(".test.") ? [p] : [];
  });
}

/** Codes passed to recordAuditEvent (or auditEventInsert, a write statement's own event): literals (also both sides of a ternary) and `prefix.${…}` templates. */
function recordedCodes() {
  const literals = new Set<string>();
  const templates = new Set<string>();
  for (const f of sources(LIB)) {
    const s = fs.readFileSync(f, "utf8");
    if (!s.includes("recordAuditEvent(") && !s.includes("auditEventInsert(")) continue;
    for (const m of s.matchAll(/action:\s*([\s\S]{1,200}?),\s*entityType/g)) {
      for (const c of m[1]!.matchAll(/"([a-z_]+\.[a-z_]+)"/g)) literals.add(c[1]!);
      for (const t of m[1]!.matchAll(/`([a-z_]+\.[a-z_]*)\$\{/g)) templates.add(t[1]!);
    }
  }
  return { literals, templates };
}

const has = (m: unknown, code: string) => {
  let v: unknown = (m as { auditActions: unknown }).auditActions;
  for (const p of code.split(".")) v = v && typeof v === "object" ? (v as Record<string, unknown>)[p] : undefined;
  return typeof v === "string" && v.trim().length > 0;
};

describe("audit action names", () => {
  const { literals, templates } = recordedCodes();
  it("finds the recorded actions in the source", () => {
    expect(literals.size).toBeGreaterThan(40);
    expect([...literals].filter((c) => !AUDIT_ACTIONS.includes(c))).toEqual([]);
  });
  it("knows every family of generated codes", () => {
    // Each template's expansions are listed from the constants the use case takes its verb from.
    expect([...templates].filter((t) => !AUDIT_ACTIONS.some((c) => c.startsWith(t) && c.length > t.length))).toEqual([]);
  });
  for (const [locale, m] of Object.entries({ be, ru, en })) {
    it(`names every action in ${locale}`, () => {
      expect(AUDIT_ACTIONS.filter((c) => !has(m, c))).toEqual([]);
      expect(has(m, "other")).toBe(true);
    });
  }
});
