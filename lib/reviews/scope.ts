// The one definition of "cases this reviewer may see": submitted cases of their organisations' funds,
// never their own, never one they declared a conflict on. Every reviewer read and write uses it
// (review-case.ts locks the same rows with raw SQL and checks the conflict right after), and so do evidence
// downloads (lib/evidence/evidence.ts): a file goes to staff exactly when its case page would open for them.
import "server-only";
import { orgsWithRole, type Actor } from "@/lib/authz/actor";
import type { Prisma } from "@/lib/db/generated/client";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export function reviewerCaseWhere(actor: Actor): Prisma.ApplicationWhereInput {
  return {
    status: { not: "DRAFT" },
    fund: { organisationId: { in: orgsWithRole(actor, "REVIEWER") } },
    applicantId: { not: actor.userId },
    reviews: { none: { reviewerId: actor.userId, conflictDeclared: true } },
  };
}

/**
 * Locks a case (`FOR UPDATE`) only if it is in the actor's scope for `role`: submitted, of a fund of an
 * organisation where they hold that role, never their own. Out of scope is "not found". Every staff
 * action on a case takes this lock first, so concurrent actions on one case serialise.
 */
export async function lockCaseInScope(tx: Tx, actor: Actor, applicationId: string, role: "REVIEWER" | "FUND_MANAGER" = "REVIEWER"): Promise<void> {
  const orgs = orgsWithRole(actor, role);
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT a.id FROM "Application" a JOIN "Fund" f ON f.id = a."fundId"
    WHERE a.id = ${applicationId} AND a."applicantId" <> ${actor.userId} AND f."organisationId" = ANY(${orgs}) AND a.status <> 'DRAFT'
    FOR UPDATE OF a`;
  if (locked.length === 0) throw new AppError("NOT_FOUND", "case not found");
}
