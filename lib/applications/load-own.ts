import "server-only";
import type { Actor } from "@/lib/authz/actor";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/**
 * Locks one of the actor's own applications for update (FOR UPDATE serialises concurrent submits,
 * withdrawals and deletions of the same case). Someone else's case is "not found", never "forbidden".
 */
export async function lockOwnApplication(tx: Tx, actor: Actor, applicationId: string) {
  const rows = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM "Application" WHERE id = ${applicationId} AND "applicantId" = ${actor.userId} FOR UPDATE`;
  if (rows.length === 0) throw new AppError("NOT_FOUND", "application not found");
  return tx.application.findUniqueOrThrow({ where: { id: applicationId }, include: { fund: true } });
}

export function formParamsOf(fund: {
  currency: string;
  perApplicantCapMinor: number;
  eligibleCategories: import("@/lib/db/generated/enums").SituationCategory[];
  eligiblePurposes: import("@/lib/db/generated/enums").AidPurpose[];
  legalNameRequirement: import("@/lib/db/generated/enums").FieldRequirement;
  phoneRequirement: import("@/lib/db/generated/enums").FieldRequirement;
  cityRequirement: import("@/lib/db/generated/enums").FieldRequirement;
  birthDateRequirement: import("@/lib/db/generated/enums").FieldRequirement;
}) {
  return {
    currency: fund.currency,
    capMinor: fund.perApplicantCapMinor,
    categories: fund.eligibleCategories,
    purposes: fund.eligiblePurposes,
    legalName: fund.legalNameRequirement,
    phone: fund.phoneRequirement,
    city: fund.cityRequirement,
    birthDate: fund.birthDateRequirement,
  };
}
