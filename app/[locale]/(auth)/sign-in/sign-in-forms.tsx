"use client";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/form/form-message";
import { TextField } from "@/components/form/text-field";
import { useActionForm } from "@/components/form/use-action-form";
import { SubmitButton } from "@/components/ui/button";
import { magicLinkAction, signInAction } from "@/lib/users/actions";
import { MagicLinkSchema, SignInSchema } from "@/lib/users/schemas";

export function PasswordSignInForm({ next }: { next?: string }) {
  const t = useTranslations("auth");
  const f = useActionForm(SignInSchema, signInAction);
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} noValidate className="flex flex-col gap-4">
      <FormMessage state={f.state} />
      {next && <input type="hidden" name="next" value={next} />}
      <TextField
        id="identifier"
        label={t("identifier")}
        autoComplete="username"
        required
        errorKey={f.errorKey("identifier")}
        defaultValue={f.state?.values?.identifier}
        registration={f.form.register("identifier")}
      />
      <TextField
        id="password"
        type="password"
        label={t("passwordOrPassphrase")}
        autoComplete="current-password"
        required
        errorKey={f.errorKey("password")}
        registration={f.form.register("password")}
      />
      <TextField
        id="otp"
        label={t("otp")}
        hint={t("otpHint")}
        autoComplete="one-time-code"
        inputMode="numeric"
        errorKey={f.errorKey("otp")}
        registration={f.form.register("otp")}
      />
      <SubmitButton pending={f.pending}>{t("signInButton")}</SubmitButton>
    </form>
  );
}

export function MagicLinkForm({ next }: { next?: string }) {
  const t = useTranslations("auth");
  const f = useActionForm(MagicLinkSchema, magicLinkAction);
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} noValidate className="flex flex-col gap-4">
      <FormMessage state={f.state} />
      {next && <input type="hidden" name="next" value={next} />}
      <TextField
        id="magic-email"
        type="email"
        label={t("email")}
        hint={t("magicHint")}
        autoComplete="email"
        required
        errorKey={f.errorKey("email")}
        defaultValue={f.state?.values?.email}
        registration={f.form.register("email")}
      />
      <SubmitButton pending={f.pending}>{t("magicButton")}</SubmitButton>
    </form>
  );
}
