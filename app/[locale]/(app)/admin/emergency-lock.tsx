"use client";
// The emergency lock on the admin page: lock (typed phrase, fresh code) and see the unlock code once; or,
// while locked, unlock with that code.
//
// The lock form stays in the page when the deployment is locked (rendering nothing but its result): without
// JavaScript the post renders the whole page again, now locked, and React gives the action's result to the
// same form in the same place — so the unlock code is shown exactly once with JavaScript off too.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ActionForm, Field } from "@/components/form/action-form";
import { FormMessage } from "@/components/form/form-message";
import { lockDeploymentAction, unlockDeploymentAction } from "@/lib/auth/two-factor-actions";

export function LockForm({ needsCode, locked, phrase }: { needsCode: boolean; locked: boolean; phrase: string }) {
  const t = useTranslations("security");
  const tv = useTranslations("validation");
  const [state, formAction, pending] = useActionState(lockDeploymentAction, null);
  if (state?.ok) {
    return (
      <div role="status" className="space-y-2 rounded border border-red-700 bg-red-50 p-3">
        <p className="font-semibold">{t("lockedNow", { keys: state.data.keys })}</p>
        <p>{t("unlockCodeOnce")}</p>
        <p>
          <code aria-label={t("unlockCodeLabel")} className="break-all font-mono text-lg">
            {state.data.unlockCode}
          </code>
        </p>
      </div>
    );
  }
  if (locked) return null;
  const errors = state && !state.ok ? [...new Set(Object.values(state.fieldErrors ?? {}).flat())] : [];
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <p>{t("lockConfirm")}</p>
      <div className="flex flex-col gap-1">
        <label htmlFor="lock-confirm" className="font-medium">
          {t("lockPhraseLabel", { phrase })}
        </label>
        <input
          id="lock-confirm"
          name="confirm"
          autoComplete="off"
          spellCheck={false}
          className="rounded border border-neutral-400 px-3 py-2 text-base"
        />
      </div>
      {needsCode && <Field id="lock-otp" name="otp" label={t("freshCode")} />}
      {errors.map((k) => (
        <p key={k} className="text-sm text-red-800">
          {tv(k as never)}
        </p>
      ))}
      <FormMessage state={state} />
      <button
        type="submit"
        disabled={pending}
        className="self-start rounded bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900"
      >
        {t("lockButton")}
      </button>
    </form>
  );
}

export function UnlockForm({ needsCode }: { needsCode: boolean }) {
  const t = useTranslations("security");
  return (
    <ActionForm action={unlockDeploymentAction} hidden={{}} submitLabel={t("unlockButton")}>
      {(v) => (
        <>
          <Field id="unlock-code" name="code" label={t("unlockCodeLabel")} defaultValue={v.code} />
          {needsCode && <Field id="unlock-otp" name="otp" label={t("freshCode")} />}
        </>
      )}
    </ActionForm>
  );
}
