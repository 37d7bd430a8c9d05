"use client";
import { useTranslations } from "next-intl";
import { ActionForm, Field } from "@/components/form/action-form";
import { addReviewerNoteAction } from "@/lib/reviews/actions";

export function NoteForm({ applicationId }: { applicationId: string }) {
  const t = useTranslations("review");
  return (
    <ActionForm action={addReviewerNoteAction} hidden={{ applicationId }} submitLabel={t("addNote")} tone="outline">
      {(v, errorOf) => (
        <Field id="note" name="note" label={t("note")} multiline rows={3} defaultValue={v.note} errorKey={errorOf("note")} />
      )}
    </ActionForm>
  );
}
