import crypto from "node:crypto";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { getOwnCase } from "@/lib/applications/queries";
import { isWithdrawable } from "@/lib/applications/rules";
import { pageActor } from "@/lib/authz/page-actor";
import { Link } from "@/lib/i18n/navigation";
import { MessageList } from "@/components/cases/message-list";
import { EvidenceSection } from "@/components/evidence/evidence-section";
import { formatMoney } from "@/lib/money/money";
import { applicantPayouts } from "@/lib/payouts/queries";
import { AnswerForm, DeleteDataForm, WithdrawForm } from "./case-forms";
import { ApplicantPayoutForms } from "./payout-forms";

type Props = {
  params: Promise<{ locale: string; applicationId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function CasePage({ params, searchParams }: Props) {
  const { locale, applicationId } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const actor = (await pageActor(locale, `/me/${applicationId}`))!;
  const c = await getOwnCase(actor, applicationId);
  if (!c) notFound();
  if (c.status === "DRAFT" && !c.dataDeletedAt) redirect(`/${locale}/apply/${applicationId}`);
  const [t, te, format, payouts] = await Promise.all([
    getTranslations("me"),
    getTranslations("enums"),
    getFormatter(),
    applicantPayouts(actor, c.id),
  ]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <article className="max-w-2xl space-y-6">
      <p>
        <Link href="/me">{t("back")}</Link>
      </p>
      <h1>{t("caseTitle", { reference: c.referenceCode ?? "—" })}</h1>
      {sp.submitted === "1" && c.referenceCode && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3">
          {t("receipt", { reference: c.referenceCode })}
        </p>
      )}
      {sp.deleted === "1" && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3">
          {t("deleted")}
        </p>
      )}
      <p>
        {t("fund")}: {c.fund.name}
      </p>
      <p>
        {t("stage")}: <strong>{te(`ApplicationStatus.${c.status}`)}</strong>
      </p>

      <section className="space-y-2">
        <h2>{t("timeline")}</h2>
        <ol className="space-y-1">
          {c.statusChanges.map((s) => (
            <li key={s.id}>
              {when(s.createdAt)} — {te(`ApplicationStatus.${s.toStatus}`)}
            </li>
          ))}
        </ol>
      </section>

      {payouts.length > 0 && (
        <section id="payouts" aria-labelledby="payouts-h" className="space-y-3">
          <h2 id="payouts-h">{t("payoutsTitle")}</h2>
          {sp.payout === "confirm" && (
            <p role="status" className="rounded border border-green-700 bg-green-50 p-3">
              {t("payoutConfirmed")}
            </p>
          )}
          {sp.payout === "report_not_received" && (
            <p role="status" className="rounded border border-green-700 bg-green-50 p-3">
              {t("payoutReported")}
            </p>
          )}
          <ul className="space-y-3">
            {payouts.map((p) => (
              <li key={p.id} className="space-y-2 rounded border border-neutral-200 p-3">
                <p>
                  <strong>{formatMoney(p.amountMinor, p.fund.currency, locale)}</strong> · {te(`PayoutStatus.${p.status}`)}
                  {p.method ? ` · ${te(`PayoutMethod.${p.method}`)}` : ""}
                  {p.sentAt ? ` · ${t("sentOn", { date: format.dateTime(p.sentAt, { dateStyle: "medium" }) })}` : ""}
                </p>
                <p className="text-sm text-neutral-800">{t(`payoutStatusHelp.${p.status}`)}</p>
                {p.status === "SENT" && (
                  <ApplicantPayoutForms payoutId={p.id} keys={{ confirm: crypto.randomUUID(), report: crypto.randomUUID() }} />
                )}
                {p.receiptToken && (
                  <div className="space-y-1">
                    <label htmlFor={`token-${p.id}`} className="font-medium">
                      {t("receiptToken")}
                    </label>
                    <p id={`token-${p.id}-hint`} className="text-sm text-neutral-700">
                      {t("receiptTokenHint")}
                    </p>
                    <textarea
                      id={`token-${p.id}`}
                      readOnly
                      rows={3}
                      value={p.receiptToken}
                      aria-describedby={`token-${p.id}-hint`}
                      className="w-full rounded border border-neutral-400 p-2 font-mono text-sm"
                    />
                    <p>
                      <Link href="/transparency#check">{t("checkReceipt")}</Link>
                    </p>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <MessageList messages={c.messages} viewer="applicant" />

      {!c.dataDeletedAt && <EvidenceSection applicationId={c.id} files={c.evidenceFiles} editable={c.status === "NEEDS_INFO"} />}

      {c.status === "NEEDS_INFO" && (
        <section className="space-y-2">
          <h2>{t("answerTitle")}</h2>
          <AnswerForm applicationId={c.id} />
        </section>
      )}

      {isWithdrawable(c.status) && (
        <section className="space-y-2">
          <h2>{t("withdrawTitle")}</h2>
          <p>{t("withdrawHint")}</p>
          <WithdrawForm applicationId={c.id} />
        </section>
      )}

      {!c.dataDeletedAt && (
        <section className="space-y-2">
          <h2>{t("deleteTitle")}</h2>
          <p>{t("deleteHint")}</p>
          {sp["confirm-delete"] === "1" ? (
            <DeleteDataForm applicationId={c.id} />
          ) : (
            <p>
              <Link href={`/me/${c.id}?confirm-delete=1`}>{t("deleteStart")}</Link>
            </p>
          )}
        </section>
      )}
    </article>
  );
}
