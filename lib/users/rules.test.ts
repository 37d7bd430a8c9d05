import { describe, expect, it } from "vitest";
import { canRevokeRole, roleFitsOrganisation } from "@/lib/users/rules";

describe("role rules", () => {
  it.each([
    ["REVIEWER", "FUNDER", true],
    ["FUND_MANAGER", "FUNDER", true],
    ["REVIEWER", "COURSE_PROVIDER", false],
    ["COURSE_PROVIDER", "COURSE_PROVIDER", true],
    ["COURSE_PROVIDER", "FUNDER", false],
    ["ADMIN", "PLATFORM", true],
    ["ADMIN", "FUNDER", false],
    ["DONOR", "DONOR", true],
  ] as const)("%s in a %s organisation: %s", (role, kind, ok) => {
    expect(roleFitsOrganisation(role, kind)).toBe(ok);
  });

  it("keeps at least one admin", () => {
    expect(canRevokeRole("ADMIN", 0)).toBe(false);
    expect(canRevokeRole("ADMIN", 1)).toBe(true);
    expect(canRevokeRole("REVIEWER", 0)).toBe(true);
  });
});
