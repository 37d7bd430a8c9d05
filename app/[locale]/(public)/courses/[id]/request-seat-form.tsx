"use client";
import { useTranslations } from "next-intl";
import { ActionForm, Field } from "@/components/form/action-form";
import { requestSeatAction } from "@/lib/courses/actions";

export function RequestSeatForm({ courseId }: { courseId: string }) {
  const t = useTranslations("courses");
  return (
    <ActionForm action={requestSeatAction} hidden={{ courseId }} submitLabel={t("requestSeat")}>
      {(v) => (
        <Field id="motivation" name="motivation" label={t("motivation")} hint={t("motivationHint")} defaultValue={v.motivation} multiline />
      )}
    </ActionForm>
  );
}
