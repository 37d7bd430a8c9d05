import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, STAFF_ROLES, type Permission } from "@/lib/authz/permissions";
import type { Role } from "@/lib/db/generated/enums";

// Who may do what: every permission of the table, with exactly the roles that hold it. A permission added
// to lib/authz/permissions.ts without a row here fails both the typecheck and the first test below.
const EXPECTED: Record<Permission, readonly Role[]> = {
  "application:create:own": ["APPLICANT"],
  "application:read:own": ["APPLICANT"],
  "application:withdraw:own": ["APPLICANT"],
  "enrollment:request:own": ["APPLICANT"],
  "profile:update:own": ["APPLICANT"],
  "payout:confirm:own": ["APPLICANT"],
  "review:queue:org": ["REVIEWER"],
  "application:review:org": ["REVIEWER"],
  "application:reveal-identity:org": ["REVIEWER"],
  "application:read:org": ["REVIEWER", "FUND_MANAGER"],
  "fund:read:org": ["FUND_MANAGER"],
  "fund:manage:org": ["FUND_MANAGER"],
  "pledge:record:org": ["FUND_MANAGER"],
  "payout:request:org": ["FUND_MANAGER"],
  "payout:approve:org": ["FUND_MANAGER"],
  "payout:release:org": ["FUND_MANAGER"],
  "access-log:read:org": ["FUND_MANAGER"],
  "application:overrule:org": ["FUND_MANAGER"],
  "application:export-personal:org": ["FUND_MANAGER"],
  "course:manage:org": ["COURSE_PROVIDER"],
  "enrollment:decide:org": ["COURSE_PROVIDER"],
  "pledge:create:own": ["DONOR"],
  "pledge:read:own": ["DONOR"],
  "user:read:any": ["ADMIN"],
  "role:grant:any": ["ADMIN"],
  "role:revoke:any": ["ADMIN"],
  "user:reset-two-factor:any": ["ADMIN"],
  "audit:read:any": ["ADMIN"],
  "deployment:lock:any": ["ADMIN"],
};
const ALL = Object.keys(PERMISSIONS) as Role[];
const GRANTED = [...new Set(Object.values(PERMISSIONS).flat())] as Permission[];

describe("permission table", () => {
  it("has an expectation for every permission it grants, and none for a permission it does not", () => {
    expect([...GRANTED].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const permission of GRANTED) {
    const allowed = EXPECTED[permission] ?? [];
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
