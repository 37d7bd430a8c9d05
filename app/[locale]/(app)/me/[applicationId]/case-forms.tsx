"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/form/form-message";
import { TextArea } from "@/components/form/text-area";
import { useActionForm } from "@/components/form/use-action-form";
import { SubmitButton } from "@/components/ui/button";
import { answerInfoRequestAction, deleteApplicationDataAction, withdrawApplicationAction } from "@/lib/applications/actions";
import { AnswerInfoSchema } from "@/lib/applications/schemas";
import { Link } from "@/lib/i18n/navigation";

export function AnswerForm({ applicationId }: { applicationId: string }) {
  const t = useTranslations("me");
  const f = useActionForm(AnswerInfoSchema, answerInfoRequestAction, { applicationId });
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} noValidate className="flex flex-col gap-3">
      <FormMessage state={f.state} />
      <input type="hidden" {...f.form.register("applicationId")} value={applicationId} />
      <TextArea id="answer" label={t("answer")} rows={4} defaultValue={f.state?.values?.answer} errorKey={f.errorKey("answer")} registration={f.form.register("answer")} />
      <SubmitButton pending={f.pending}>{t("sendAnswer")}</SubmitButton>
    </form>
  );
}

export function WithdrawForm({ applicationId }: { applicationId: string }) {
  const t = useTranslations("me");
  const [state, action, pending] = useActionState(withdrawApplicationAction, null);
  return (
    <form action={action} className="flex flex-col gap-3">
      <FormMessage state={state} />
      <input type="hidden" name="applicationId" value={applicationId} />
      <button type="submit" disabled={pending} className="self-start rounded border border-red-800 px-4 py-2 font-semibold text-red-800">{t("withdrawButton")}</button>
    </form>
  );
}

/** The second of two confirmations: an explicit tick, then the button. */
export function DeleteDataForm({ applicationId }: { applicationId: string }) {
  const t = useTranslations("me");
  const tv = useTranslations("validation");
  const [state, action, pending] = useActionState(deleteApplicationDataAction, null);
  const err = state && !state.ok ? state.fieldErrors?.confirmed?.[0] : undefined;
  return (
    <form action={action} className="flex flex-col gap-3 rounded border border-red-800 p-4">
      <FormMessage state={state} />
      <input type="hidden" name="applicationId" value={applicationId} />
      <div className="flex items-start gap-2">
        <input id="confirm-delete" type="checkbox" name="confirmed" value="yes" className="mt-1 h-5 w-5" aria-invalid={err ? true : undefined} aria-describedby={err ? "confirm-delete-error" : undefined} />
        <label htmlFor="confirm-delete">{t("deleteConfirm")}</label>
      </div>
      {err && <p id="confirm-delete-error" className="text-sm text-red-800">{tv(err as never)}</p>}
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" disabled={pending} className="rounded bg-red-800 px-4 py-2 font-semibold text-white">{t("deleteButton")}</button>
        <Link href={`/me/${applicationId}`}>{t("deleteCancel")}</Link>
      </div>
    </form>
  );
}
