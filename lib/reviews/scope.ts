// The one definition of "cases this reviewer may see": submitted cases of their organisations' funds,
// never their own, never one they declared a conflict on. Every reviewer read and write uses it
// (review-case.ts locks the same rows with raw SQL and checks the conflict right after).
import "server-only";
import { orgsWithRole, type Actor } from "@/lib/authz/actor";
import type { Prisma } from "@/lib/db/generated/client";

export function reviewerCaseWhere(actor: Actor): Prisma.ApplicationWhereInput {
  return {
    status: { not: "DRAFT" },
    fund: { organisationId: { in: orgsWithRole(actor, "REVIEWER") } },
    applicantId: { not: actor.userId },
    reviews: { none: { reviewerId: actor.userId, conflictDeclared: true } },
  };
}
