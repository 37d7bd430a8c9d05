"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/form/form-message";
import { addReviewerNoteAction } from "@/lib/reviews/actions";

export function NoteForm({ applicationId }: { applicationId: string }) {
  const t = useTranslations("review");
  const tv = useTranslations("validation");
  const [state, action, pending] = useActionState(addReviewerNoteAction, null);
  const err = state && !state.ok ? state.fieldErrors?.note?.[0] : undefined;
  return (
    <form action={action} className="flex flex-col gap-2">
      <FormMessage state={state && !err ? state : null} />
      <input type="hidden" name="applicationId" value={applicationId} />
      <label htmlFor="note" className="font-medium">{t("note")}</label>
      <textarea id="note" name="note" rows={3} defaultValue={state?.values?.note} aria-invalid={err ? true : undefined} aria-describedby={err ? "note-error" : undefined} className="rounded border border-neutral-400 px-3 py-2" />
      {err && <p id="note-error" className="text-sm text-red-800">{tv(err as never)}</p>}
      <button type="submit" disabled={pending} className="self-start rounded border border-brand-700 px-4 py-2 font-semibold text-brand-700">{t("addNote")}</button>
    </form>
  );
}
