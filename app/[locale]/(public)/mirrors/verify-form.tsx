"use client";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/form/form-message";
import { TextArea } from "@/components/form/text-area";
import { useActionForm } from "@/components/form/use-action-form";
import { SubmitButton } from "@/components/ui/button";
import { verifyMirrorListAction } from "@/lib/mirrors/actions";
import { VerifyMirrorListSchema } from "@/lib/mirrors/schemas";

export function VerifyMirrorListForm() {
  const t = useTranslations("mirrors");
  const f = useActionForm(VerifyMirrorListSchema, verifyMirrorListAction);
  const ok = f.state?.ok ? f.state.data : null;
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} noValidate className="flex flex-col gap-4">
      <TextArea
        id="list"
        label={t("verifyLabel")}
        hint={t("verifyHint")}
        rows={10}
        required
        errorKey={f.errorKey("list")}
        defaultValue={f.state?.values?.list}
        registration={f.form.register("list")}
      />
      <SubmitButton pending={f.pending}>{t("verifyButton")}</SubmitButton>
      <FormMessage state={f.state} />
      {ok && (
        <div role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
          <p>{t("verifyOk", { date: ok.date })}</p>
          <ul>
            {ok.urls.map((u) => (
              <li key={u}>
                <code className="break-all">{u}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
