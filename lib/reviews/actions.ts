"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { formAction } from "@/lib/actions/form-action";
import { isAppError } from "@/lib/errors";
import { requireActor } from "@/lib/authz/current-actor";
import { reviewCase } from "@/lib/reviews/review-case";
import { decideRevealRequest, requestReveal } from "@/lib/reviews/reveal-requests";
import { revealIdentity } from "@/lib/reviews/reveal-identity";
import { addReviewerNote, sendApplicantMessage } from "@/lib/reviews/add-note";
import {
  ApplicantMessageSchema,
  AssignCaseSchema,
  BulkScreenSchema,
  RevealDecisionSchema,
  ReviewActionSchema,
  ReviewerNoteSchema,
  RevealIdentitySchema,
  RulingSchema,
  ScoreCaseSchema,
  UndoBulkSchema,
} from "@/lib/reviews/schemas";
import { assignCase } from "@/lib/reviews/assign";
import { bulkScreen, undoBulk } from "@/lib/reviews/bulk";
import { ruleOnRejection } from "@/lib/reviews/rule-on-rejection";
import { scoreCase } from "@/lib/reviews/score-case";

export const reviewCaseAction = formAction("reviewCase", ReviewActionSchema, async (input) => {
  const locale0 = await getLocale();
  try {
    await reviewCase(await requireActor(), input);
  } catch (e) {
    // The case moved, or this reviewer already voted (a stale tab): the acting form may no longer be on the
    // page, so without JavaScript its result would be lost. The page itself says why, with or without it.
    if (isAppError(e) && (e.messageKey === "review.notAtThisStage" || e.messageKey?.startsWith("review.alreadyVoted"))) {
      redirect(`/${locale0}/review/${input.applicationId}?refused=${e.messageKey === "review.notAtThisStage" ? "moved" : "voted"}`);
    }
    throw e;
  }
  revalidatePath("/[locale]/review", "layout");
  const locale = await getLocale();
  // After a conflict the case is no longer the reviewer's to see: back to the queue, with a notice.
  if (input.action === "declare_conflict") redirect(`/${locale}/review?conflict=1`);
  // The case page shows the new stage, its new actions and a notice (the acting form may be gone).
  redirect(`/${locale}/review/${input.applicationId}?done=${input.action}`);
});

export const revealIdentityAction = formAction("revealIdentity", RevealIdentitySchema, async ({ applicationId, reason, otp }) =>
  revealIdentity(await requireActor(), applicationId, reason, otp),
);

export const addReviewerNoteAction = formAction("addReviewerNote", ReviewerNoteSchema, async ({ applicationId, note }) => {
  await addReviewerNote(await requireActor(), applicationId, note);
  revalidatePath("/[locale]/review", "layout");
  redirect(`/${await getLocale()}/review/${applicationId}#notes`);
});

export const assignCaseAction = formAction("assignCase", AssignCaseSchema, async ({ applicationId, assignee }) => {
  const actor = await requireActor();
  await assignCase(actor, applicationId, assignee === "me" ? actor.userId : assignee || null);
  revalidatePath("/[locale]/review", "layout");
  redirect(`/${await getLocale()}/review/${applicationId}?assigned=1`);
});

export const scoreCaseAction = formAction("scoreCase", ScoreCaseSchema, async ({ applicationId, scores }) => {
  const result = await scoreCase(await requireActor(), applicationId, scores);
  revalidatePath("/[locale]/review", "layout");
  return result;
});

export const sendApplicantMessageAction = formAction(
  "sendApplicantMessage",
  ApplicantMessageSchema,
  async ({ applicationId, template, message }) => {
    await sendApplicantMessage(await requireActor(), applicationId, { template, message });
    redirect(`/${await getLocale()}/review/${applicationId}?sent=1#messages`);
  },
);

export const requestRevealAction = formAction("requestReveal", RevealIdentitySchema, async ({ applicationId, reason }) => {
  await requestReveal(await requireActor(), applicationId, reason);
  redirect(`/${await getLocale()}/review/${applicationId}?revealRequested=1#reveal`);
});

export const decideRevealAction = formAction(
  "decideReveal",
  RevealDecisionSchema.extend({ applicationId: ReviewerNoteSchema.shape.applicationId }),
  async ({ requestId, decision, applicationId }) => {
    await decideRevealRequest(await requireActor(), requestId, decision);
    redirect(`/${await getLocale()}/review/${applicationId}?revealDecided=${decision}#reveal`);
  },
);

export const ruleOnRejectionAction = formAction("ruleOnRejection", RulingSchema, async ({ applicationId, ruling, reason }) => {
  const { status, fundId } = await ruleOnRejection(await requireActor(), applicationId, ruling, reason);
  revalidatePath("/[locale]/funds", "layout");
  // The case leaves the held list (and its form with it): the fund page says what happened.
  redirect(`/${await getLocale()}/funds/${fundId}?ruled=${status}#blocked`);
});

export const bulkScreenAction = formAction("bulkScreen", BulkScreenSchema, async ({ action, ids, reason }) => {
  const result = await bulkScreen(await requireActor(), action, ids, reason);
  revalidatePath("/[locale]/review", "layout");
  return { ...result, undoUntil: result.undoUntil.toISOString() };
});

export const undoBulkAction = formAction("undoBulk", UndoBulkSchema, async ({ bulkId }) => {
  const result = await undoBulk(await requireActor(), bulkId);
  revalidatePath("/[locale]/review", "layout");
  return result;
});
