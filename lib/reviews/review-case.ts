// A reviewer acts on a case: shortlist, decline, request information, verify (fund checklist), vote
// (four eyes) once, withdraw their vote before the case is decided, or declare a conflict of interest.
// An action from a stale page (the case moved meanwhile, or the reviewer already voted in another tab) is
// refused with what is true now; nothing is overwritten. The case is loaded within the reviewer's scope (their
// organisations' funds, never their own case), every move is checked by rules.ts, written with its
// history and audit event in one transaction, and the applicant gets a neutral notice afterwards.
import "server-only";
import { lockCaseInScope } from "@/lib/reviews/scope";
import { notifyApplicant } from "@/lib/applications/notify";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, type Actor } from "@/lib/authz/actor";
import { encryptForCase } from "@/lib/crypto";
import { loadCaseKeys } from "@/lib/crypto/case-keys";
import { sealCaseText } from "@/lib/crypto/case-text";
import { db } from "@/lib/db/client";
import type { ApplicationStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { parseMoneyInput } from "@/lib/money/money";
import { ballotRefusal, checklistComplete, decide, isAllowed, moveOf } from "@/lib/reviews/rules";
import type { ReviewActionInput } from "@/lib/reviews/schemas";

const required = (field: string) => new AppError("INVALID_INPUT", `${field} required`, { fieldErrors: { [field]: ["required"] } });

export async function reviewCase(actor: Actor, input: ReviewActionInput): Promise<{ status: ApplicationStatus }> {
  assertCan(actor, "application:review:org");
  const result = await db().$transaction(async (tx) => {
    await lockCaseInScope(tx, actor, input.applicationId);
    const app = await tx.application.findUniqueOrThrow({
      where: { id: input.applicationId },
      include: {
        fund: { select: { currency: true, perApplicantCapMinor: true, requiredApprovals: true, verificationChecklist: true } },
        reviews: true,
      },
    });
    const mine = app.reviews.find((r) => r.reviewerId === actor.userId);
    if (mine?.conflictDeclared) throw new AppError("FORBIDDEN", "conflict declared", { messageKey: "review.conflicted" });
    // A stale page (someone else moved the case meanwhile): say where the case is now, overwrite nothing.
    if (!isAllowed(input.action, app.status) || (input.expectedStatus && input.expectedStatus !== app.status)) {
      throw new AppError("INVALID_STATE", "not at this stage", {
        messageKey: "review.notAtThisStage",
        messageValues: { stage: app.status },
      });
    }
    const refusal = ballotRefusal(input.action, mine);
    if (refusal === "already_voted") {
      throw mine!.vote === "APPROVE"
        ? new AppError("CONFLICT", "already voted", {
            messageKey: "review.alreadyVotedApprove",
            messageValues: { amount: { minor: mine!.approvedAmountMinor ?? 0, currency: app.fund.currency } },
          })
        : new AppError("CONFLICT", "already voted", { messageKey: "review.alreadyVotedReject" });
    }
    if (refusal === "no_vote") throw new AppError("INVALID_STATE", "no vote", { messageKey: "review.noVoteToWithdraw" });
    // Whoever ruled on a rejection of this case (a fund manager who is also a reviewer) does not vote on it too.
    if ((input.action === "vote_approve" || input.action === "vote_reject") && app.reviews.some((r) => r.overruledById === actor.userId)) {
      throw new AppError("FORBIDDEN", "ruled on this case", { messageKey: "review.votedAfterRuling" });
    }

    let to: ApplicationStatus | null = moveOf(input.action);
    const data: Record<string, unknown> = {};
    // The reviewer's own words are sealed under the case's key (lib/crypto/case-text.ts); the app's fixed
    // reasons ("information requested") are not personal and stay as they are.
    let reason: string | null = await sealCaseText(tx, app.id, input.reason);
    switch (input.action) {
      case "decline":
      case "vote_reject":
        if (!input.reason) throw required("reason");
        break;
      case "request_info": {
        if (!input.message && !input.template) throw required("message");
        const m = await tx.applicationMessage.create({
          data: { applicationId: app.id, authorId: actor.userId, kind: "INFO_REQUEST", templateKey: input.template || null, bodyEnc: "" },
          select: { id: true },
        });
        await loadCaseKeys(tx, [app.id], { create: true });
        await tx.applicationMessage.update({
          where: { id: m.id },
          data: { bodyEnc: encryptForCase(app.id, input.message, `ApplicationMessage.body:${m.id}`) },
        });
        data.returnStatus = app.status;
        reason = "information requested";
        break;
      }
      case "verify":
        if (!checklistComplete(app.fund.verificationChecklist, input.items))
          throw new AppError("INVALID_INPUT", "checklist incomplete", { fieldErrors: { items: ["checklist_incomplete"] } });
        data.verifiedItems = app.fund.verificationChecklist;
        break;
    }

    const ballotData: Record<string, string | number | null> = {};
    if (
      input.action === "vote_approve" ||
      input.action === "vote_reject" ||
      input.action === "withdraw_vote" ||
      input.action === "declare_conflict"
    ) {
      let amount: number | null = null;
      if (input.action === "vote_approve") {
        amount = parseMoneyInput(input.amount, app.fund.currency);
        if (!amount) throw new AppError("INVALID_INPUT", "amount", { fieldErrors: { amount: ["amount_format"] } });
        if (amount > app.fund.perApplicantCapMinor)
          throw new AppError("INVALID_INPUT", "over cap", { fieldErrors: { amount: ["amount_over_cap"] } });
      }
      // A new ballot of this reviewer starts clean: a ruling on their earlier rejection does not carry over.
      const fresh = { overruledAt: null, overruledById: null, overruleReason: null };
      const ballot =
        input.action === "declare_conflict"
          ? { conflictDeclared: true, vote: null, approvedAmountMinor: null, reason, ...fresh }
          : input.action === "withdraw_vote"
            ? { vote: null, approvedAmountMinor: null, reason, ...fresh }
            : {
                vote: input.action === "vote_approve" ? ("APPROVE" as const) : ("REJECT" as const),
                approvedAmountMinor: amount,
                reason,
                ...fresh,
              };
      // The history shows each vote and withdrawal with its amount (lib/reviews/case-history.ts).
      if (input.action === "vote_approve") ballotData.amountMinor = amount;
      // Withdrawing, or declaring a conflict over one's own vote, takes the vote back: recorded as such.
      if ((input.action === "withdraw_vote" || input.action === "declare_conflict") && mine?.vote)
        Object.assign(ballotData, { withdrawn: mine.vote, amountMinor: mine.approvedAmountMinor });
      await tx.review.upsert({
        where: { applicationId_reviewerId: { applicationId: app.id, reviewerId: actor.userId } },
        create: { applicationId: app.id, reviewerId: actor.userId, ...ballot },
        update: ballot,
      });
      const ballots = await tx.review.findMany({
        where: { applicationId: app.id },
        select: { reviewerId: true, vote: true, approvedAmountMinor: true, conflictDeclared: true, overruledAt: true },
      });
      const decision = app.status === "VERIFIED" ? decide(ballots, app.fund.requiredApprovals) : null;
      if (decision?.outcome === "APPROVED") {
        to = "APPROVED";
        data.approvedAmountMinor = decision.amountMinor;
        reason = "four-eyes approval";
      }
    }

    if (to) {
      await tx.application.update({ where: { id: app.id }, data: { ...data, status: to } });
      await tx.applicationStatusChange.create({
        data: { applicationId: app.id, fromStatus: app.status, toStatus: to, actorId: actor.userId, reason },
      });
    }
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: `review.${input.action}`,
      entityType: "Application",
      entityId: app.id,
      data: {
        from: app.status,
        to: to ?? app.status,
        ...ballotData,
        ...(data.approvedAmountMinor ? { approvedAmountMinor: data.approvedAmountMinor as number } : {}),
      },
    });
    return { status: to ?? app.status, moved: !!to, applicantId: app.applicantId };
  });
  if (result.moved) await notifyApplicant(result.applicantId);
  return { status: result.status };
}
