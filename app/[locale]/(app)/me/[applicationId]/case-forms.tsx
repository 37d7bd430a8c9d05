"use client";
import { useTranslations } from "next-intl";
import { ActionForm, ConfirmBox } from "@/components/form/action-form";
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
      <TextArea
        id="answer"
        label={t("answer")}
        rows={4}
        defaultValue={f.state?.values?.answer}
        errorKey={f.errorKey("answer")}
        registration={f.form.register("answer")}
      />
      <SubmitButton pending={f.pending}>{t("sendAnswer")}</SubmitButton>
    </form>
  );
}

export function WithdrawForm({ applicationId }: { applicationId: string }) {
  const t = useTranslations("me");
  return (
    <ActionForm
      action={withdrawApplicationAction}
      hidden={{ applicationId }}
      submitLabel={t("withdrawButton")}
      tone="dangerOutline"
      className="flex flex-col gap-3"
    />
  );
}

/** The second of two confirmations: an explicit tick, then the button. */
export function DeleteDataForm({ applicationId }: { applicationId: string }) {
  const t = useTranslations("me");
  return (
    <ActionForm
      action={deleteApplicationDataAction}
      hidden={{ applicationId }}
      submitLabel={t("deleteButton")}
      tone="danger"
      className="flex flex-col gap-3 rounded border border-red-800 p-4"
      after={<Link href={`/me/${applicationId}`}>{t("deleteCancel")}</Link>}
    >
      {(_, errorOf) => <ConfirmBox id="confirm-delete" name="confirmed" label={t("deleteConfirm")} errorKey={errorOf("confirmed")} />}
    </ActionForm>
  );
}
