"use client";
import { useTranslations } from "next-intl";
import { ActionForm, Field } from "@/components/form/action-form";
import { confirmTwoFactorAction, startTwoFactorAction } from "@/lib/auth/two-factor-actions";
import { signOutDeviceAction } from "@/lib/users/actions";

export function StartTwoFactorForm() {
  const t = useTranslations("security");
  return <ActionForm action={startTwoFactorAction} hidden={{}} submitLabel={t("start")} />;
}

export function ConfirmTwoFactorForm() {
  const t = useTranslations("security");
  return (
    <ActionForm action={confirmTwoFactorAction} hidden={{}} submitLabel={t("confirm")}
      result={(d) => (
        <div role="status" className="space-y-2 rounded border border-green-700 bg-green-50 p-3">
          <p className="font-semibold">{t("enabled")}</p>
          <p>{t("codesOnce")}</p>
          <ul aria-label={t("codesLabel")} className="grid grid-cols-2 gap-1 font-mono">{d.recoveryCodes.map((c) => <li key={c}>{c}</li>)}</ul>
        </div>
      )}>
      {() => <Field id="otp" name="otp" label={t("codeLabel")} inputMode="text" />}
    </ActionForm>
  );
}

export function SignOutDeviceForm({ sessionId, label }: { sessionId: string; label: string }) {
  return <ActionForm action={signOutDeviceAction} hidden={{ sessionId }} submitLabel={label} tone="secondary" className="inline-flex flex-col gap-1" />;
}
