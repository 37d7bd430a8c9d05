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
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "long" });
  // A claim code whose sealed application the fund refused (closed, or its questions changed) says why.
  const resultOf = (d: { status: string | null; refused: string | null; since: string }) =>
    d.status
      ? t("result", { status: te(d.status as never), date: date(d.since) })
      : t(d.refused === "fund_changed" ? "refusedFundChanged" : "refusedFundClosed", { date: date(d.since) });
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} noValidate className="flex max-w-md flex-col gap-4">
      <TextField
        id="code"
        label={t("code")}
        autoComplete="off"
        required
        errorKey={f.errorKey("code")}
        defaultValue={f.state?.values?.code}
        registration={f.form.register("code")}
      />
      <SubmitButton pending={f.pending}>{t("check")}</SubmitButton>
      <FormMessage state={f.state} success={f.state?.ok ? resultOf(f.state.data) : undefined} />
    </form>
  );
}
