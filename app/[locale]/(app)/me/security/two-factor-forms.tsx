"use client";
import { useTranslations } from "next-intl";
import { ActionForm, Field } from "@/components/form/action-form";
import { confirmTwoFactorAction, startTwoFactorAction } from "@/lib/auth/two-factor-actions";
import { setPasswordAction, setQuickExitSignOutAction, signOutDeviceAction } from "@/lib/users/actions";

export function StartTwoFactorForm() {
  const t = useTranslations("security");
  return <ActionForm action={startTwoFactorAction} hidden={{}} submitLabel={t("start")} />;
}

export function ConfirmTwoFactorForm() {
  const t = useTranslations("security");
  return (
    <ActionForm
      action={confirmTwoFactorAction}
      hidden={{}}
      submitLabel={t("confirm")}
      result={(d) => (
        <div role="status" className="space-y-2 rounded border border-green-700 bg-green-50 p-3">
          <p className="font-semibold">{t("enabled")}</p>
          <p>{t("codesOnce")}</p>
          <ul aria-label={t("codesLabel")} className="grid grid-cols-2 gap-1 font-mono">
            {d.recoveryCodes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </div>
      )}
    >
      {() => <Field id="otp" name="otp" label={t("codeLabel")} inputMode="text" />}
    </ActionForm>
  );
}

export function SignOutDeviceForm({ sessionId, label }: { sessionId: string; label: string }) {
  return (
    <ActionForm
      action={signOutDeviceAction}
      hidden={{ sessionId }}
      submitLabel={label}
      tone="secondary"
      className="inline-flex flex-col gap-1"
    />
  );
}

/** Keep the password chosen at email sign-up (type it again), or choose another. */
export function ConfirmPasswordForm() {
  const t = useTranslations("security");
  return (
    <ActionForm action={setPasswordAction} hidden={{ mode: "confirm" }} submitLabel={t("passwordKeep")}>
      {() => <PasswordField id="confirm-password" name="password" label={t("passwordSignUpLabel")} autoComplete="current-password" />}
    </ActionForm>
  );
}

export function ChangePasswordForm({ needsCurrent, submitLabel }: { needsCurrent: boolean; submitLabel: string }) {
  const t = useTranslations("security");
  return (
    <ActionForm action={setPasswordAction} hidden={{ mode: "change" }} submitLabel={submitLabel}>
      {() => (
        <>
          {needsCurrent && (
            <PasswordField id="current-password" name="current" label={t("passwordCurrentLabel")} autoComplete="current-password" />
          )}
          <PasswordField
            id="new-password"
            name="password"
            label={t("passwordNewLabel")}
            autoComplete="new-password"
            hint={t("passwordNewHint")}
          />
          <PasswordField id="new-password-confirm" name="passwordConfirm" label={t("passwordRepeatLabel")} autoComplete="new-password" />
        </>
      )}
    </ActionForm>
  );
}

/**
 * "Sign me out on quick exit": a plain form (works without JavaScript); unticked and saved turns it off.
 * `on` is read again after saving (the page is revalidated), so the box always shows what is stored.
 */
export function QuickExitSettingForm({ on }: { on: boolean }) {
  const t = useTranslations("security");
  return (
    <ActionForm
      action={setQuickExitSignOutAction}
      hidden={{}}
      submitLabel={t("quickExitSave")}
      tone="secondary"
      result={(d) => (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3">
          {d.signOut ? t("quickExitSavedOn") : t("quickExitSavedOff")}
        </p>
      )}
    >
      {() => (
        <div className="flex items-center gap-2">
          <input
            id="quick-exit-sign-out"
            name="signOut"
            type="checkbox"
            value="on"
            defaultChecked={on}
            className="h-5 w-5"
            aria-describedby="quick-exit-sign-out-hint"
          />
          <label htmlFor="quick-exit-sign-out">{t("quickExitLabel")}</label>
        </div>
      )}
    </ActionForm>
  );
}

function PasswordField({
  id,
  name,
  label,
  autoComplete,
  hint,
}: {
  id: string;
  name: string;
  label: string;
  autoComplete: string;
  hint?: string;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-neutral-600">
          {hint}
        </p>
      )}
      <input
        id={id}
        name={name}
        type="password"
        autoComplete={autoComplete}
        className="rounded border border-neutral-400 px-3 py-2 text-base"
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
    </div>
  );
}
