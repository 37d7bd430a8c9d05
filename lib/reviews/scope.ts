// The one definition of a staff member's case scope: the cases a reviewer or fund manager may see and act
// on are the submitted cases (not drafts) of the funds of the organisations where they hold that role, never
// their own. Reviewers' reads also leave out the cases they declared a conflict on. The rule is written once
// below, in the two forms the domain queries with: a Prisma filter (`caseScopeWhere`, `reviewerCaseWhere`)
// and a SQL condition for hand-written statements that lock rows (`caseScopeSql`: lockCaseInScope here, the
// payouts' locks). lib/reviews/scope.integration.test.ts runs every use against cases in and out of scope
// and checks they select the same ones. Every reviewer read and write uses it, and so do evidence downloads
// (lib/evidence/evidence.ts): a file goes to staff exactly when its case page would open for them.
import "server-only";
import { orgsWithRole, type Actor } from "@/lib/authz/actor";
import { Prisma } from "@/lib/db/generated/client";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export type StaffRole = "REVIEWER" | "FUND_MANAGER";

/** The rule's parts, shared by both forms. */
const scopeOf = (actor: Actor, role: StaffRole) => ({ organisations: orgsWithRole(actor, role), notApplicant: actor.userId });

/** The case scope of `actor` as `role`, as a Prisma filter on Application. */
export function caseScopeWhere(actor: Actor, role: StaffRole): Prisma.ApplicationWhereInput {
  const s = scopeOf(actor, role);
  return { status: { not: "DRAFT" }, fund: { organisationId: { in: s.organisations } }, applicantId: { not: s.notApplicant } };
}

/** The same scope as a SQL condition on the "Application" row aliased `a`. */
export function caseScopeSql(actor: Actor, role: StaffRole): Prisma.Sql {
  const s = scopeOf(actor, role);
  return Prisma.sql`(a.status <> 'DRAFT' AND (SELECT "organisationId" FROM "Fund" WHERE id = a."fundId") = ANY(${s.organisations}::text[]) AND a."applicantId" <> ${s.notApplicant})`;
}

/** What a reviewer may read: their case scope, without the cases they declared a conflict on. */
export function reviewerCaseWhere(actor: Actor): Prisma.ApplicationWhereInput {
  return { ...caseScopeWhere(actor, "REVIEWER"), reviews: { none: { reviewerId: actor.userId, conflictDeclared: true } } };
}

/**
 * Locks a case (`FOR UPDATE`) only if it is in the actor's scope for `role`. Out of scope is "not found".
 * Every staff action on a case takes this lock first, so concurrent actions on one case serialise; a
 * reviewer's action then refuses a case they declared a conflict on, with its own message.
 */
export async function lockCaseInScope(tx: Tx, actor: Actor, applicationId: string, role: StaffRole = "REVIEWER"): Promise<void> {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT a.id FROM "Application" a WHERE a.id = ${applicationId} AND ${caseScopeSql(actor, role)} FOR UPDATE OF a`;
  if (locked.length === 0) throw new AppError("NOT_FOUND", "case not found");
}
