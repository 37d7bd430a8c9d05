// A reviewer scores a case with the fund's rubric (0-5 per criterion). Scoring never moves the stage;
// the case's score (the mean of the reviewers' weighted scores, 0-100) is recomputed in the same
// transaction so the queue can sort best-first (docs/decisions/0015-review-completion.md).
import "server-only";
import { lockCaseInScope } from "@/lib/reviews/scope";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, type Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { caseScore, parseRubric, weightedScore } from "@/lib/reviews/rubric";
import { SCORE_STAGES } from "@/lib/reviews/rules";

export async function scoreCase(actor: Actor, applicationId: string, points: number[]): Promise<{ myScore: number; caseScore: number }> {
  assertCan(actor, "application:review:org");
  return db().$transaction(async (tx) => {
    await lockCaseInScope(tx, actor, applicationId);
    const app = await tx.application.findUniqueOrThrow({
      where: { id: applicationId },
      select: {
        id: true,
        status: true,
        fund: { select: { rubric: true } },
        reviews: { select: { reviewerId: true, conflictDeclared: true, rubricScores: true } },
      },
    });
    if (app.reviews.some((r) => r.reviewerId === actor.userId && r.conflictDeclared))
      throw new AppError("FORBIDDEN", "conflict declared", { messageKey: "review.conflicted" });
    if (!SCORE_STAGES.includes(app.status))
      throw new AppError("INVALID_STATE", "not at this stage", {
        messageKey: "review.notAtThisStage",
        messageValues: { stage: app.status },
      });
    const rubric = parseRubric(app.fund.rubric);
    if (rubric.length === 0) throw new AppError("INVALID_STATE", "fund has no rubric", { messageKey: "review.noRubric" });
    const scores = Object.fromEntries(rubric.map((c, i) => [c.label, points[i] as number]));
    const mine = points.length === rubric.length ? weightedScore(rubric, scores) : null;
    if (mine === null) throw new AppError("INVALID_INPUT", "every criterion needs a score", { fieldErrors: { scores: ["score_range"] } });
    await tx.review.upsert({
      where: { applicationId_reviewerId: { applicationId: app.id, reviewerId: actor.userId } },
      create: { applicationId: app.id, reviewerId: actor.userId, rubricScores: scores, score: mine },
      update: { rubricScores: scores, score: mine },
    });
    const ballots = app.reviews
      .filter((r) => r.reviewerId !== actor.userId)
      .concat({ reviewerId: actor.userId, conflictDeclared: false, rubricScores: scores });
    const score = caseScore(rubric, ballots);
    await tx.application.update({ where: { id: app.id }, data: { score } });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: "review.scored",
      entityType: "Application",
      entityId: app.id,
      data: { score: mine, caseScore: score },
    });
    return { myScore: mine, caseScore: score };
  });
}
