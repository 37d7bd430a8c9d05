import crypto from "node:crypto";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getOwnDraft } from "@/lib/applications/queries";
import { pageActor } from "@/lib/authz/page-actor";
import { formatMoney, minorDigits } from "@/lib/money/money";
import { ApplicationForm } from "./application-form";

export default async function ApplicationDraftPage({ params }: { params: Promise<{ locale: string; applicationId: string }> }) {
  const { locale, applicationId } = await params;
  setRequestLocale(locale);
  const actor = (await pageActor(locale, `/apply/${applicationId}`))!;
  const draft = await getOwnDraft(actor, applicationId);
  if (!draft) notFound();
  if (draft.status !== "DRAFT") redirect(`/${locale}/me/${applicationId}`);
  const t = await getTranslations("apply");
  const digits = minorDigits(draft.params.currency);
  const { amountMinor, ...rest } = draft.values;
  const values: Record<string, string> = { ...rest, amount: amountMinor ? (amountMinor / 10 ** digits).toFixed(digits) : "" };
  return (
    <div className="max-w-2xl space-y-6">
      <h1>{t("formTitle", { fund: draft.fund.name })}</h1>
      <p>{t("formLead")}</p>
      {draft.fund.evidenceHint && (
        <p>
          <strong>{t("evidence")}:</strong> {draft.fund.evidenceHint}
        </p>
      )}
      {/* A fresh key per page view: a retried submit of this view is recognised and not done twice. */}
      <ApplicationForm
        applicationId={draft.id}
        submissionKey={crypto.randomUUID()}
        params={draft.params}
        capLabel={formatMoney(draft.params.capMinor, draft.params.currency, locale)}
        values={values}
        files={draft.files}
      />
    </div>
  );
}
