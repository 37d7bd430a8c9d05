import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AccessLogTable } from "@/components/cases/access-log-table";
import { AccessDenied } from "@/components/layout/access-denied";
import { pageActor } from "@/lib/authz/page-actor";
import { getManagedFund } from "@/lib/funds/queries";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money/money";
import { accessLog } from "@/lib/reviews/access";

export default async function FundPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await pageActor(locale, `/funds/${id}`, "fund:read:org");
  if (!actor) return <AccessDenied />;
  const fund = await getManagedFund(actor, id);
  if (!fund) notFound();
  const [t, te, access] = await Promise.all([getTranslations("funds"), getTranslations("enums"), accessLog(actor, { fundId: fund.id })]);
  const money = (m: number) => formatMoney(m, fund.currency, locale);
  return (
    <article className="space-y-4">
      <p><Link href="/funds">{t("back")}</Link></p>
      <h1>{fund.name}</h1>
      <p>{fund.purpose}</p>
      <p>{t("pledged")}: {money(fund.pledged)} · {t("received")}: {money(fund.received)}</p>
      <h2>{t("pledges")}</h2>
      <table>
        <thead><tr><th scope="col">{t("donor")}</th><th scope="col">{t("amount")}</th><th scope="col">{t("status")}</th></tr></thead>
        <tbody>
          {fund.pledges.map((p) => (
            <tr key={p.id}>
              <td>{p.isAnonymous ? t("anonymous") : p.donorDisplayName}</td>
              <td>{money(p.amountMinor)}{p.purposeRestriction ? ` (${te(`AidPurpose.${p.purposeRestriction}`)})` : ""}</td>
              <td>{p.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t("accessLog")}</h2>
      {access.length === 0 ? <p>{t("accessEmpty")}</p> : <AccessLogTable rows={access} />}
    </article>
  );
}
