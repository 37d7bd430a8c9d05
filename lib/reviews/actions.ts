"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { formAction } from "@/lib/actions/form-action";
import { requireActor } from "@/lib/authz/current-actor";
import { reviewCase } from "@/lib/reviews/review-case";
import { revealIdentity } from "@/lib/reviews/access";
import { addReviewerNote } from "@/lib/reviews/add-note";
import { AssignCaseSchema, ReviewActionSchema, ReviewerNoteSchema, RevealIdentitySchema } from "@/lib/reviews/schemas";
import { assignCase } from "@/lib/reviews/assign";

export const reviewCaseAction = formAction("reviewCase", ReviewActionSchema, async (input) => {
  await reviewCase(await requireActor(), input);
  revalidatePath("/[locale]/review", "layout");
  const locale = await getLocale();
  // After a conflict the case is no longer the reviewer's to see: back to the queue, with a notice.
  if (input.action === "declare_conflict") redirect(`/${locale}/review?conflict=1`);
  // The case page shows the new stage, its new actions and a notice (the acting form may be gone).
  redirect(`/${locale}/review/${input.applicationId}?done=1`);
});

export const revealIdentityAction = formAction("revealIdentity", RevealIdentitySchema, async ({ applicationId, reason }) => revealIdentity(await requireActor(), applicationId, reason));

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
