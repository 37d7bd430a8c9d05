"use client";
import { useFormatter, useTranslations } from "next-intl";
import { FormMessage } from "@/components/form/form-message";
import { TextField } from "@/components/form/text-field";
import { useActionForm } from "@/components/form/use-action-form";
import { SubmitButton } from "@/components/ui/button";
import { lookupStatusAction } from "@/lib/applications/actions";
import { StatusLookupSchema } from "@/lib/applications/schemas";

export function StatusForm() {
  const t = useTranslations("status");
  const te = useTranslations("enums.ApplicationStatus");
  const format = useFormatter();
  const f = useActionForm(StatusLookupSchema, lookupStatusAction);
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} noValidate className="flex max-w-md flex-col gap-4">
      <TextField id="code" label={t("code")} autoComplete="off" required errorKey={f.errorKey("code")} defaultValue={f.state?.values?.code} registration={f.form.register("code")} />
      <SubmitButton pending={f.pending}>{t("check")}</SubmitButton>
      <FormMessage state={f.state} success={f.state?.ok ? t("result", { status: te(f.state.data.status), date: format.dateTime(new Date(f.state.data.since), { dateStyle: "long" }) }) : undefined} />
    </form>
  );
}
