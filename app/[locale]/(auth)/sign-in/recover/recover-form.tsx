"use client";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/form/form-message";
import { TextField } from "@/components/form/text-field";
import { useActionForm } from "@/components/form/use-action-form";
import { SubmitButton } from "@/components/ui/button";
import { recoverAccountAction } from "@/lib/users/actions";
import { RecoverAccountSchema } from "@/lib/users/schemas";

export function RecoverForm() {
  const t = useTranslations("auth");
  const f = useActionForm(RecoverAccountSchema, recoverAccountAction);
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} noValidate className="flex flex-col gap-4">
      <FormMessage state={f.state} />
      <TextField
        id="r-username"
        label={t("username")}
        autoComplete="username"
        required
        errorKey={f.errorKey("username")}
        defaultValue={f.state?.values?.username}
        registration={f.form.register("username")}
      />
      <TextField
        id="r-code"
        label={t("recoveryCode")}
        autoComplete="off"
        required
        errorKey={f.errorKey("code")}
        registration={f.form.register("code")}
      />
      <TextField
        id="r-password"
        type="password"
        label={t("newPassword")}
        hint={t("passwordHint")}
        autoComplete="new-password"
        required
        errorKey={f.errorKey("password")}
        registration={f.form.register("password")}
      />
      <TextField
        id="r-passwordConfirm"
        type="password"
        label={t("passphraseConfirm")}
        autoComplete="new-password"
        required
        errorKey={f.errorKey("passwordConfirm")}
        registration={f.form.register("passwordConfirm")}
      />
      <SubmitButton pending={f.pending}>{t("recoverButton")}</SubmitButton>
    </form>
  );
}
