"use client";
// The emergency lock on the admin page: lock (confirm, fresh code) and see the unlock code once; or, while
// locked, unlock with that code.
import { useTranslations } from "next-intl";
import { ActionForm, Field } from "@/components/form/action-form";
import { lockDeploymentAction, unlockDeploymentAction } from "@/lib/auth/two-factor-actions";

export function LockForm({ needsCode }: { needsCode: boolean }) {
  const t = useTranslations("security");
  return (
    <ActionForm action={lockDeploymentAction} hidden={{}} submitLabel={t("lockButton")} tone="danger"
      result={(d) => (
        <div role="status" className="space-y-2 rounded border border-red-700 bg-red-50 p-3">
          <p className="font-semibold">{t("lockedNow", { keys: d.keys })}</p>
          <p>{t("unlockCodeOnce")}</p>
          <p><code aria-label={t("unlockCodeLabel")} className="break-all font-mono text-lg">{d.unlockCode}</code></p>
        </div>
      )}>
      {() => (
        <>
          <label className="flex items-start gap-2"><input type="checkbox" name="confirm" value="yes" className="mt-1 h-5 w-5" />{t("lockConfirm")}</label>
          {needsCode && <Field id="lock-otp" name="otp" label={t("freshCode")} />}
        </>
      )}
    </ActionForm>
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
