import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { AccessDenied } from "@/components/layout/access-denied";
import { getCaseForReviewer } from "@/lib/applications/queries";
import { pageActor } from "@/lib/authz/page-actor";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money/money";

export default async function ReviewCasePage({ params }: { params: Promise<{ locale: string; applicationId: string }> }) {
  const { locale, applicationId } = await params;
  setRequestLocale(locale);
  const actor = await pageActor(locale, `/review/${applicationId}`, "application:read:org");
  if (!actor) return <AccessDenied />;
  const c = await getCaseForReviewer(actor, applicationId);
  if (!c) notFound();
  const [t, te, format] = await Promise.all([getTranslations("review"), getTranslations("enums"), getFormatter()]);
  return (
    <article className="space-y-4">
      <p><Link href="/review">{t("back")}</Link></p>
      <h1>{t("caseTitle", { reference: c.referenceCode ?? "—" })}</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
        <dt className="font-semibold">{t("fund")}</dt><dd>{c.fund.name}</dd>
        <dt className="font-semibold">{t("stage")}</dt><dd>{te(`ApplicationStatus.${c.status}`)}</dd>
        <dt className="font-semibold">{t("category")}</dt><dd>{c.category ? te(`SituationCategory.${c.category}`) : "—"}</dd>
        <dt className="font-semibold">{t("amount")}</dt><dd>{c.requestedAmountMinor ? formatMoney(c.requestedAmountMinor, c.fund.currency, locale) : "—"}</dd>
        <dt className="font-semibold">{t("submitted")}</dt><dd>{c.submittedAt ? format.dateTime(c.submittedAt, { dateStyle: "medium" }) : "—"}</dd>
      </dl>
    </article>
  );
}
