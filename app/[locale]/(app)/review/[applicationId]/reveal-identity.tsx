"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/form/form-message";
import { revealIdentityAction } from "@/lib/reviews/actions";

export function RevealIdentity({ applicationId, needsCode }: { applicationId: string; needsCode?: boolean }) {
  const t = useTranslations("review");
  const ta = useTranslations("apply");
  const tv = useTranslations("validation");
  const tc = useTranslations("enums.ContactChannel");
  const ts = useTranslations("security");
  const format = useFormatter();
  const [state, action, pending] = useActionState(revealIdentityAction, null);
  if (state?.ok) {
    const d = state.data;
    const row = (label: string, value?: string) => (
      <>
        <dt className="font-semibold">{label}</dt>
        <dd>{value || t("notGiven")}</dd>
      </>
    );
    return (
      <div className="space-y-2">
        <p role="status" className="rounded border border-amber-700 bg-amber-50 p-3">
          {t("revealed", { time: format.dateTime(new Date(d.recordedAt), { timeStyle: "medium" }) })}
        </p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          {row(ta("legalName"), d.legalName)}
          {row(ta("birthDate"), d.birthDate)}
          {row(ta("phone"), d.phone)}
          {row(ta("city"), d.city)}
          {row(t("contact"), d.contactChannel === "NONE" ? undefined : `${tc(d.contactChannel)}: ${d.contactHandle ?? ""}`)}
        </dl>
      </div>
    );
  }
  const err = state && !state.ok ? state.fieldErrors?.reason?.[0] : undefined;
  const otpErr = state && !state.ok ? state.fieldErrors?.otp?.[0] : undefined;
  return (
    <form action={action} className="flex flex-col gap-2">
      {/* Said here, not above the case: once the identity is shown, this form (and the banner) gives way to it. */}
      <p className="text-sm text-neutral-700">{t("pseudonymous")}</p>
      <p>{t("revealHint")}</p>
      <FormMessage state={state && !err && !otpErr ? state : null} />
      <input type="hidden" name="applicationId" value={applicationId} />
      <label htmlFor="reveal-reason" className="font-medium">
        {t("revealReason")}
      </label>
      <textarea
        id="reveal-reason"
        name="reason"
        rows={2}
        defaultValue={state?.values?.reason}
        aria-invalid={err ? true : undefined}
        aria-describedby={err ? "reveal-reason-error" : undefined}
        className="rounded border border-neutral-400 px-3 py-2"
      />
      {err && (
        <p id="reveal-reason-error" className="text-sm text-red-800">
          {tv(err as never)}
        </p>
      )}
      {needsCode && (
        <>
          <label htmlFor="reveal-otp" className="font-medium">
            {ts("freshCode")}
          </label>
          <input
            id="reveal-otp"
            name="otp"
            autoComplete="one-time-code"
            inputMode="numeric"
            aria-invalid={otpErr ? true : undefined}
            aria-describedby={otpErr ? "reveal-otp-error" : undefined}
            className="rounded border border-neutral-400 px-3 py-2"
          />
          {otpErr && (
            <p id="reveal-otp-error" className="text-sm text-red-800">
              {tv(otpErr as never)}
            </p>
          )}
        </>
      )}
      <button
        type="submit"
        disabled={pending}
        className="self-start rounded border border-amber-800 px-4 py-2 font-semibold text-amber-900"
      >
        {t("revealButton")}
      </button>
    </form>
  );
}
