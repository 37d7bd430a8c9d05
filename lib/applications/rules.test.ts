import { describe, expect, it } from "vitest";
import {
  canMove,
  fundAccepts,
  generateReferenceCode,
  isWithdrawable,
  normaliseIdentity,
  normalisePhone,
  returnAfterInfo,
} from "@/lib/applications/rules";
import { normaliseReferenceCode } from "@/lib/applications/schemas";

describe("application lifecycle", () => {
  it.each([
    ["DRAFT", "SUBMITTED", true],
    ["SUBMITTED", "SHORTLISTED", true],
    ["SHORTLISTED", "VERIFIED", true],
    ["VERIFIED", "APPROVED", true],
    ["APPROVED", "PAID", true],
    ["SUBMITTED", "APPROVED", false],
    ["DRAFT", "SHORTLISTED", false],
    ["PAID", "WITHDRAWN", false],
    ["REJECTED", "SUBMITTED", false],
    ["NEEDS_INFO", "VERIFIED", true],
    ["APPROVED", "WITHDRAWN", false],
  ] as const)("%s -> %s: %s", (from, to, ok) => {
    expect(canMove(from, to)).toBe(ok);
  });

  it("lets the applicant withdraw until the money is approved", () => {
    expect(["DRAFT", "SUBMITTED", "SHORTLISTED", "VERIFIED", "NEEDS_INFO"].every((s) => isWithdrawable(s as never))).toBe(true);
    expect(["APPROVED", "PAID", "REJECTED", "WITHDRAWN"].some((s) => isWithdrawable(s as never))).toBe(false);
  });

  it("returns an answered case to the stage that asked", () => {
    expect(returnAfterInfo("VERIFIED")).toBe("VERIFIED");
    expect(returnAfterInfo(null)).toBe("SUBMITTED");
    expect(returnAfterInfo("PAID")).toBe("SUBMITTED");
  });
});

describe("reference codes", () => {
  it("are PAD-XXXX-XXXX without ambiguous symbols, and survive normalisation", () => {
    const codes = new Set(Array.from({ length: 500 }, generateReferenceCode));
    expect(codes.size).toBe(500);
    for (const c of codes) {
      expect(c).toMatch(/^PAD-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
      expect(normaliseReferenceCode(c.toLowerCase().replaceAll("-", " "))).toBe(c);
    }
  });
});

describe("blind-index normalisation", () => {
  it("treats the usual ways of writing a Belarusian number as one", () => {
    const n = "+375291234567";
    for (const raw of ["+375 (29) 123-45-67", "80291234567", "00375291234567", "375 29 123 45 67"]) expect(normalisePhone(raw)).toBe(n);
  });

  it("ignores case, spacing, word order and ё/е, but not the birth date", () => {
    const a = normaliseIdentity("Алёна  Іванова", "1990-05-01");
    expect(normaliseIdentity("іванова алена", "1990-05-01")).toBe(a);
    expect(normaliseIdentity("Алёна Іванова", "1990-05-02")).not.toBe(a);
  });
});

describe("fund eligibility", () => {
  const fund = {
    id: "f",
    status: "OPEN" as const,
    eligibleCategories: ["RESIGNING_OFFICER" as const],
    eligiblePurposes: ["ACADEMY_DEBT" as const],
  };
  it("accepts matching category and purpose of an open fund", () => {
    expect(fundAccepts(fund, "RESIGNING_OFFICER", "ACADEMY_DEBT")).toBe(true);
    expect(fundAccepts(fund, "DISMISSED_WORKER", "ACADEMY_DEBT")).toBe(false);
    expect(fundAccepts(fund, "RESIGNING_OFFICER", "LIVING_COSTS")).toBe(false);
    expect(fundAccepts({ ...fund, status: "CLOSED" }, "RESIGNING_OFFICER", "ACADEMY_DEBT")).toBe(false);
  });
});
