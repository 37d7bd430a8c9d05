// Reads about applications. Reviewers see cases of their organisations' funds, pseudonymously: no
// legal name, phone or contact in any of these selects.
import "server-only";
import { assertCan, orgsWithRole, type Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";

export async function listOwnApplications(actor: Actor) {
  return db().application.findMany({
    where: { applicantId: actor.userId },
    orderBy: { updatedAt: "desc" },
    select: { id: true, referenceCode: true, status: true, updatedAt: true, fund: { select: { name: true } } },
  });
}

const reviewScope = (actor: Actor) => ({
  status: { not: "DRAFT" as const },
  fund: { organisationId: { in: orgsWithRole(actor, "REVIEWER") } },
  // A reviewer never sees their own case in the queue.
  applicantId: { not: actor.userId },
});

export async function listReviewQueue(actor: Actor) {
  assertCan(actor, "review:queue:org");
  return db().application.findMany({
    where: reviewScope(actor),
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: 50,
    select: { id: true, referenceCode: true, status: true, category: true, requestedAmountMinor: true, submittedAt: true, fund: { select: { name: true, currency: true } } },
  });
}

export async function getCaseForReviewer(actor: Actor, applicationId: string) {
  assertCan(actor, "application:read:org");
  return db().application.findFirst({
    where: { id: applicationId, ...reviewScope(actor) },
    select: {
      id: true,
      referenceCode: true,
      status: true,
      category: true,
      purpose: true,
      region: true,
      requestedAmountMinor: true,
      submittedAt: true,
      fund: { select: { name: true, currency: true } },
      statusChanges: { orderBy: { createdAt: "asc" }, select: { toStatus: true, createdAt: true } },
    },
  });
}

/** Public status lookup: stage and date only. */
export async function lookupStatusByReference(referenceCode: string) {
  return db().application.findUnique({ where: { referenceCode }, select: { status: true, updatedAt: true } });
}
