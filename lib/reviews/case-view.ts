// Everything the reviewer's case page shows, read in one call (a view query): the case as the reviewer
// may see it, and beside it its assignment, the reviewers it can go to, its signals, reveal requests, the
// next case in the queue and whether the reviewer has a second factor. Each part keeps its own scope check;
// nothing here writes (the page records the opening itself: recordCaseView).
import "server-only";
import { getCaseForReviewer } from "@/lib/applications/queries";
import { hasTwoFactor } from "@/lib/auth/two-factor";
import type { Actor } from "@/lib/authz/actor";
import { assignableReviewers, assignmentOf } from "@/lib/reviews/assign";
import { caseSignals } from "@/lib/reviews/case-signals";
import { nextCaseAfter } from "@/lib/reviews/queue";
import { revealRequestsOf } from "@/lib/reviews/reveal-requests";

export async function reviewerCaseView(actor: Actor, applicationId: string) {
  const c = await getCaseForReviewer(actor, applicationId);
  if (!c) return null;
  const [assignment, reviewers, signals, revealRequests, nextId, needsCode] = await Promise.all([
    assignmentOf(actor, c.id),
    assignableReviewers(actor, c.id),
    caseSignals(actor, c.id),
    c.fund.revealNeedsSecondReviewer ? revealRequestsOf(actor, c.id) : Promise.resolve([]),
    nextCaseAfter(actor, c),
    hasTwoFactor(actor.userId),
  ]);
  return { c, assignment, reviewers, signals, revealRequests, nextId, needsCode };
}
