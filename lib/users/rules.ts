// Pure rules about accounts and roles (no database).
import type { Role } from "@/lib/db/generated/enums";
import type { OrganisationKind } from "@/lib/db/generated/enums";

/** Which organisation kinds a role can be held in. */
export const ROLE_ORGANISATION_KINDS: Record<Role, readonly OrganisationKind[]> = {
  APPLICANT: ["PLATFORM"],
  ADMIN: ["PLATFORM"],
  REVIEWER: ["FUNDER"],
  FUND_MANAGER: ["FUNDER"],
  COURSE_PROVIDER: ["COURSE_PROVIDER"],
  DONOR: ["DONOR", "FUNDER"],
};

export const roleFitsOrganisation = (role: Role, kind: OrganisationKind) => ROLE_ORGANISATION_KINDS[role].includes(kind);

/** The last admin cannot be removed: the deployment would have nobody to manage it. */
export function canRevokeRole(role: Role, remainingAdminsAfter: number): boolean {
  return role !== "ADMIN" || remainingAdminsAfter >= 1;
}
