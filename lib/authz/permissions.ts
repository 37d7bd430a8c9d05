// The permission table is data: role -> permissions. `can()` is pure; scoping (which organisation's
// funds, which applicant's case) is done by the use case / query with the actor's memberships.
// Format: "<resource>:<verb>:<scope>", scope one of own | org | any | public.
import type { Role } from "@/lib/db/generated/enums";

export const PERMISSIONS = {
  APPLICANT: [
    "application:create:own",
    "application:read:own",
    "application:withdraw:own",
    "enrollment:request:own",
    "profile:update:own",
    "payout:confirm:own",
  ],
  REVIEWER: ["review:queue:org", "application:read:org", "application:review:org", "application:reveal-identity:org"],
  FUND_MANAGER: [
    "fund:read:org",
    "fund:manage:org",
    "pledge:record:org",
    "payout:request:org",
    "payout:approve:org",
    "payout:release:org",
    "application:read:org",
    "access-log:read:org",
    // Rule on a case blocked by a rejection (overrule or uphold); never on a case they voted on.
    "application:overrule:org",
    // Export cases with personal fields (a reason is required; every case lands in the access log).
    "application:export-personal:org",
  ],
  COURSE_PROVIDER: ["course:manage:org", "enrollment:decide:org"],
  DONOR: ["pledge:create:own", "pledge:read:own"],
  // Turn off a staff member's two-factor sign-in (a lost phone): they set it up again before acting.
  ADMIN: ["user:read:any", "role:grant:any", "role:revoke:any", "user:reset-two-factor:any", "audit:read:any", "deployment:lock:any"],
} as const satisfies Record<Role, readonly string[]>;

export type Permission = (typeof PERMISSIONS)[Role][number];

export function can(roles: Iterable<Role>, permission: Permission): boolean {
  for (const role of roles) if ((PERMISSIONS[role] as readonly string[]).includes(permission)) return true;
  return false;
}

/** Roles that only an admin may grant (sign-up only ever creates APPLICANT). */
export const STAFF_ROLES = ["REVIEWER", "FUND_MANAGER", "COURSE_PROVIDER", "DONOR", "ADMIN"] as const satisfies readonly Role[];
