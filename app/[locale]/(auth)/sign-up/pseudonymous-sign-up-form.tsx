"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { FormMessage } from "@/components/form/form-message";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { useActionForm } from "@/components/form/use-action-form";
import { SubmitButton } from "@/components/ui/button";
import { Link } from "@/lib/i18n/navigation";
import { pseudonymousSignUpAction } from "@/lib/users/actions";
import { CONTACT_CHANNELS, PseudonymousSignUpSchema } from "@/lib/users/schemas";

export function PseudonymousSignUpForm() {
  const t = useTranslations("auth");
  const te = useTranslations("enums.ContactChannel");
  // "" is the select's "Do not contact me" option (the schema reads it as NONE): a default of "NONE" would
  // match no option, and the select showed blank once JavaScript set it.
  const f = useActionForm(PseudonymousSignUpSchema, pseudonymousSignUpAction, { contactChannel: "" });
  const router = useRouter();
  const signedUp = f.state?.ok === true;
  // The session cookie is new: refresh the server-rendered header (the codes stay on screen).
  useEffect(() => {
    if (signedUp) router.refresh();
  }, [signedUp, router]);
  if (f.state?.ok) {
    const { username, recoveryCodes } = f.state.data;
    return (
      <div role="status" className="space-y-4 rounded border border-green-700 bg-green-50 p-4">
        <p className="text-lg font-semibold">{t("yourUsername", { username })}</p>
        <h3 className="font-semibold">{t("codesTitle")}</h3>
        <p>{t("codesHint")}</p>
        <ul aria-label={t("codesTitle")} className="grid grid-cols-2 gap-2 font-mono text-lg">
          {recoveryCodes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <p>
          <Link href="/apply" className="font-semibold">
            {t("codesContinue")}
          </Link>
        </p>
      </div>
    );
  }
  const v = f.state?.values ?? {};
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} noValidate className="flex flex-col gap-4">
      <FormMessage state={f.state} />
      <TextField
        id="p-password"
        type="password"
        label={t("passphrase")}
        hint={t("passwordHint")}
        autoComplete="new-password"
        required
        errorKey={f.errorKey("password")}
        registration={f.form.register("password")}
      />
      <TextField
        id="p-passwordConfirm"
        type="password"
        label={t("passphraseConfirm")}
        autoComplete="new-password"
        required
        errorKey={f.errorKey("passwordConfirm")}
        registration={f.form.register("passwordConfirm")}
      />
      <SelectField
        id="p-contactChannel"
        label={t("contactChannel")}
        placeholder={te("NONE")}
        options={CONTACT_CHANNELS.filter((c) => c !== "NONE").map((c) => ({ value: c, label: te(c) }))}
        defaultValue={v.contactChannel === "NONE" ? "" : v.contactChannel}
        errorKey={f.errorKey("contactChannel")}
        registration={f.form.register("contactChannel", { setValueAs: (x: string) => x || "NONE" })}
        optional
      />
      <TextField
        id="p-contactHandle"
        label={t("contactHandle")}
        hint={t("contactHandleHint")}
        autoComplete="off"
        errorKey={f.errorKey("contactHandle")}
        defaultValue={v.contactHandle}
        registration={f.form.register("contactHandle")}
      />
      <SubmitButton pending={f.pending}>{t("pseudonymousButton")}</SubmitButton>
    </form>
  );
}
