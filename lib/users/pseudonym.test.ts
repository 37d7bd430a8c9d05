import { describe, expect, it } from "vitest";
import { generateRecoveryCodes, generateUsername, hashRecoveryCode, USERNAME_PATTERN } from "@/lib/users/pseudonym";

describe("pseudonymous identities", () => {
  it("generates neutral usernames in one pattern, rarely the same", () => {
    const names = new Set(Array.from({ length: 200 }, generateUsername));
    for (const n of names) expect(n).toMatch(USERNAME_PATTERN);
    expect(names.size).toBeGreaterThan(195);
  });

  it("generates ten distinct unambiguous recovery codes", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[2-9A-HJ-KM-NP-Z]{4}-[2-9A-HJ-KM-NP-Z]{4}-[2-9A-HJ-KM-NP-Z]{4}$/);
  });

  it("hashes a code the same however it is typed", () => {
    expect(hashRecoveryCode("abcd-efgh-jkmn")).toBe(hashRecoveryCode("ABCD EFGH JKMN"));
    expect(hashRecoveryCode("ABCD-EFGH-JKMN")).not.toBe(hashRecoveryCode("ABCD-EFGH-JKMP"));
  });
});
