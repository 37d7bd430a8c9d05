"use client";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/form/form-message";
import { TextField } from "@/components/form/text-field";
import { useActionForm } from "@/components/form/use-action-form";
import { SubmitButton } from "@/components/ui/button";
import { signUpAction } from "@/lib/users/actions";
import { SignUpSchema } from "@/lib/users/schemas";

export function SignUpForm() {
  const t = useTranslations("auth");
  const f = useActionForm(SignUpSchema, signUpAction);
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} noValidate className="flex flex-col gap-4">
      <FormMessage state={f.state} />
      <TextField
        id="email"
        type="email"
        label={t("email")}
        autoComplete="email"
        required
        errorKey={f.errorKey("email")}
        defaultValue={f.state?.values?.email}
        registration={f.form.register("email")}
      />
      <TextField
        id="password"
        type="password"
        label={t("password")}
        hint={t("passwordHint")}
        autoComplete="new-password"
        required
        errorKey={f.errorKey("password")}
        registration={f.form.register("password")}
      />
      <TextField
        id="passwordConfirm"
        type="password"
        label={t("passwordConfirm")}
        autoComplete="new-password"
        required
        errorKey={f.errorKey("passwordConfirm")}
        registration={f.form.register("passwordConfirm")}
      />
      <SubmitButton pending={f.pending}>{t("signUpButton")}</SubmitButton>
    </form>
  );
}
