import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { AccessDenied } from "@/components/layout/access-denied";
import { listReviewQueue } from "@/lib/applications/queries";
import { pageActor } from "@/lib/authz/page-actor";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money/money";

export default async function ReviewQueuePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await pageActor(locale, "/review", "review:queue:org");
  if (!actor) return <AccessDenied />;
  const [t, te, format, rows] = await Promise.all([getTranslations("review"), getTranslations("enums"), getFormatter(), listReviewQueue(actor)]);
  return (
    <div className="space-y-6">
      <h1>{t("title")}</h1>
      <p>{t("lead")}</p>
      {rows.length === 0 ? <p>{t("none")}</p> : (
        <div className="overflow-x-auto">
          <table>
            <thead><tr><th scope="col">{t("reference")}</th><th scope="col">{t("fund")}</th><th scope="col">{t("category")}</th><th scope="col">{t("amount")}</th><th scope="col">{t("stage")}</th><th scope="col">{t("submitted")}</th></tr></thead>
            <tbody>
              {rows.map((a) => (
                <tr key={a.id}>
                  <td><Link href={`/review/${a.id}`}>{a.referenceCode}</Link>{a.isDuplicateFlagged && <span className="ml-2 rounded bg-amber-100 px-1 text-xs">{t("flag")}</span>}</td>
                  <td>{a.fund.name}</td>
                  <td>{a.category ? te(`SituationCategory.${a.category}`) : "—"}</td>
                  <td>{a.requestedAmountMinor ? formatMoney(a.requestedAmountMinor, a.fund.currency, locale) : "—"}</td>
                  <td>{te(`ApplicationStatus.${a.status}`)}</td>
                  <td>{a.submittedAt ? format.dateTime(a.submittedAt, { dateStyle: "medium" }) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
