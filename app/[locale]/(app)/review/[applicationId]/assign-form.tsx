"use client";
import { useTranslations } from "next-intl";
import { ActionForm, Select } from "@/components/form/action-form";
import { assignCaseAction } from "@/lib/reviews/actions";

export function AssignForms({
  applicationId,
  mine,
  assigned,
  reviewers,
}: {
  applicationId: string;
  mine: boolean;
  assigned: boolean;
  reviewers: { id: string; label: string }[];
}) {
  const t = useTranslations("review");
  return (
    <div className="flex flex-wrap items-end gap-4">
      {mine ? (
        <ActionForm action={assignCaseAction} hidden={{ applicationId, assignee: "" }} submitLabel={t("release")} tone="secondary" />
      ) : (
        <ActionForm
          action={assignCaseAction}
          hidden={{ applicationId, assignee: "me" }}
          submitLabel={assigned ? t("takeOver") : t("claim")}
        />
      )}
      {reviewers.length > 0 && (
        <ActionForm
          action={assignCaseAction}
          hidden={{ applicationId }}
          submitLabel={t("assign")}
          tone="secondary"
          className="flex flex-wrap items-end gap-2"
        >
          {(v) => (
            <Select
              id="assignee"
              name="assignee"
              label={t("assignTo")}
              defaultValue={v.assignee ?? reviewers[0]!.id}
              options={reviewers.map((r) => ({ value: r.id, label: r.label }))}
            />
          )}
        </ActionForm>
      )}
    </div>
  );
}
