import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { pageActor } from "@/lib/authz/page-actor";
import { ownTwoFactorState, pendingEnrolment } from "@/lib/auth/two-factor";
import { staffTwoFactorRequired } from "@/lib/auth/two-factor-policy";
import {
  ChangePasswordForm,
  ConfirmPasswordForm,
  ConfirmTwoFactorForm,
  QuickExitSettingForm,
  SignOutDeviceForm,
  StartTwoFactorForm,
} from "./two-factor-forms";
import { ownPasswordState } from "@/lib/users/queries";
import { quickExitSignsOut } from "@/lib/users/quick-exit";
import { currentSession } from "@/lib/authz/current-actor";
import { listDevices } from "@/lib/users/devices";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | undefined>> };

export default async function SecurityPage({ params, searchParams }: Props) {
  const { locale } = await params;
  const sp = await searchParams;
  setRequestLocale(locale);
  const actor = (await pageActor(locale, "/me/security"))!;
  const sid = (await currentSession())?.deviceSessionId;
  const [t, format, twoFactor, pending, devices, password, quickExitOn] = await Promise.all([
    getTranslations("security"),
    getFormatter(),
    ownTwoFactorState(actor),
    pendingEnrolment(actor),
    listDevices(actor, sid),
    ownPasswordState(actor),
    quickExitSignsOut(actor),
  ]);
  return (
    <article className="max-w-2xl space-y-6">
      <h1>{t("title")}</h1>
      {(sp.required === "1" || actor.twoFactorSetupNeeded) && (
        <p role="alert" className="rounded border border-amber-700 bg-amber-50 p-3">
          {t("requiredNotice")}
        </p>
      )}
      <p>{t("lead")}</p>
      <section id="password" aria-labelledby="password-h" className="space-y-3">
        <h2 id="password-h">{t(password.hasEmail ? "passwordTitle" : "passphraseTitle")}</h2>
        {sp.password === "confirmed" && (
          <p role="status" className="rounded border border-green-700 bg-green-50 p-3">
            {t("passwordConfirmed")}
          </p>
        )}
        {sp.password === "changed" && (
          <p role="status" className="rounded border border-green-700 bg-green-50 p-3">
            {t("passwordChanged")}
          </p>
        )}
        {password.pending ? (
          <>
            <p role="alert" className="rounded border border-amber-700 bg-amber-50 p-3">
              {t("passwordPendingNotice")}
            </p>
            <h3>{t("passwordKeepTitle")}</h3>
            <ConfirmPasswordForm />
            <h3>{t("passwordOtherTitle")}</h3>
            <ChangePasswordForm needsCurrent={false} submitLabel={t("passwordSet")} />
          </>
        ) : (
          <>
            {!password.hasPassword && <p>{t("passwordNone")}</p>}
            <ChangePasswordForm
              needsCurrent={password.hasPassword}
              submitLabel={t(password.hasEmail ? "passwordChange" : "passphraseChange")}
            />
          </>
        )}
      </section>
      {!staffTwoFactorRequired() && !twoFactor.enabledAt && <p className="text-sm text-neutral-700">{t("optionalHere")}</p>}
      {twoFactor.enabledAt ? (
        <section className="space-y-2">
          <h2>{t("onTitle")}</h2>
          <p>{t("onSince", { date: format.dateTime(twoFactor.enabledAt, { dateStyle: "medium" }) })}</p>
          <p>{t("codesLeft", { count: twoFactor.recoveryCodesLeft })}</p>
          <p className="text-sm text-neutral-700">{t("lostPhone")}</p>
        </section>
      ) : pending ? (
        <section id="setup" className="space-y-3">
          <h2>{t("setupTitle")}</h2>
          <ol className="list-decimal space-y-2 pl-6">
            <li>{t("step1")}</li>
            <li>{t("step2")}</li>
          </ol>
          {/* The QR code is an SVG drawn on the server from the key: nothing is fetched from elsewhere. */}
          <figure className="w-56 space-y-1">
            <div role="img" aria-label={t("qrLabel")} className="w-56" dangerouslySetInnerHTML={{ __html: pending.qrSvg }} />
          </figure>
          <p>
            {t("manualKey")}{" "}
            <code data-testid="totp-secret" className="break-all rounded bg-neutral-100 px-1">
              {pending.secret}
            </code>
          </p>
          <ConfirmTwoFactorForm />
        </section>
      ) : (
        <StartTwoFactorForm />
      )}
      <section id="quick-exit" aria-labelledby="quick-exit-h" className="space-y-2">
        <h2 id="quick-exit-h">{t("quickExitTitle")}</h2>
        <p id="quick-exit-sign-out-hint" className="text-sm text-neutral-700">
          {t("quickExitLead")}
        </p>
        <QuickExitSettingForm on={quickExitOn} />
      </section>
      <section id="devices" aria-labelledby="devices-h" className="space-y-2">
        <h2 id="devices-h">{t("devicesTitle")}</h2>
        {sp.deviceSignedOut === "1" && (
          <p role="status" className="rounded border border-green-700 bg-green-50 p-3">
            {t("deviceSignedOut")}
          </p>
        )}
        <p className="text-sm text-neutral-700">{t("devicesLead")}</p>
        <ul className="space-y-2">
          {devices.map((d) => {
            const since = format.dateTime(d.createdAt, { dateStyle: "medium", timeStyle: "short" });
            return (
              <li
                key={d.id}
                className={`flex flex-wrap items-center gap-3 rounded border p-2 ${d.current ? "border-green-700 bg-green-50" : "border-neutral-200"}`}
              >
                <span>
                  <strong>{t("deviceName", { device: d.device, tag: d.tag })}</strong>
                  {d.current && (
                    <>
                      {" "}
                      · <strong>{t("thisDevice")}</strong>
                    </>
                  )}
                  <br />
                  <span className="text-sm">
                    {t("deviceSince", { since, seen: format.dateTime(d.lastSeenAt, { dateStyle: "medium", timeStyle: "short" }) })}
                  </span>
                </span>
                {!d.current && (
                  <SignOutDeviceForm sessionId={d.id} label={t("signOutDeviceSince", { device: d.device, tag: d.tag, since })} />
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </article>
  );
}
