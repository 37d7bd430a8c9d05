import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, STAFF_ROLES, type Permission } from "@/lib/authz/permissions";
import type { Role } from "@/lib/db/generated/enums";

// Who may do what. Each row: permission, the roles that have it. Everyone else must not.
const TABLE: [Permission, Role[]][] = [
  ["application:create:own", ["APPLICANT"]],
  ["application:read:own", ["APPLICANT"]],
  ["review:queue:org", ["REVIEWER"]],
  ["application:review:org", ["REVIEWER"]],
  ["application:reveal-identity:org", ["REVIEWER"]],
  ["application:read:org", ["REVIEWER", "FUND_MANAGER"]],
  ["fund:manage:org", ["FUND_MANAGER"]],
  ["payout:approve:org", ["FUND_MANAGER"]],
  ["payout:release:org", ["FUND_MANAGER"]],
  ["course:manage:org", ["COURSE_PROVIDER"]],
  ["enrollment:decide:org", ["COURSE_PROVIDER"]],
  ["pledge:create:own", ["DONOR"]],
  ["role:grant:any", ["ADMIN"]],
  ["role:revoke:any", ["ADMIN"]],
  ["audit:read:any", ["ADMIN"]],
  ["user:read:any", ["ADMIN"]],
  ["user:reset-two-factor:any", ["ADMIN"]],
];
const ALL: Role[] = ["APPLICANT", "REVIEWER", "FUND_MANAGER", "COURSE_PROVIDER", "DONOR", "ADMIN"];

describe("permission table", () => {
  for (const [permission, allowed] of TABLE) {
    for (const role of ALL) {
      const expected = allowed.includes(role);
      it(`${role} ${expected ? "can" : "cannot"} ${permission}`, () => {
        expect(can([role], permission)).toBe(expected);
      });
    }
  }

  it("grants the union of several roles", () => {
    expect(can(["APPLICANT", "REVIEWER"], "review:queue:org")).toBe(true);
    expect(can(["APPLICANT", "REVIEWER"], "application:create:own")).toBe(true);
  });

  it("grants nothing without a role", () => {
    expect(can([], "application:read:own")).toBe(false);
  });

  it("never lets sign-up's role (APPLICANT) be granted as a staff role", () => {
    expect(STAFF_ROLES).not.toContain("APPLICANT");
  });

  it("admins manage roles but hold no money or review powers by default", () => {
    const admin = PERMISSIONS.ADMIN as readonly string[];
    expect(admin.some((p) => p.startsWith("payout:") || p.startsWith("application:review"))).toBe(false);
  });
});
