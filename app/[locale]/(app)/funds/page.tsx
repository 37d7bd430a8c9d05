import { getTranslations, setRequestLocale } from "next-intl/server";
import { AccessDenied } from "@/components/layout/access-denied";
import { pageActor } from "@/lib/authz/page-actor";
import { listManagedFunds } from "@/lib/funds/queries";
import { Link } from "@/lib/i18n/navigation";
import { ActivityAlerts } from "@/components/cases/activity-alerts";
import { formatMoney } from "@/lib/money/money";

export default async function FundsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await pageActor(locale, "/funds", "fund:read:org");
  if (!actor) return <AccessDenied />;
  const [t, te, funds] = await Promise.all([getTranslations("funds"), getTranslations("enums"), listManagedFunds(actor)]);
  return (
    <div className="space-y-6">
      <h1>{t("title")}</h1>
      <p>{t("lead")}</p>
      <ActivityAlerts actor={actor} />
      <p>
        <Link href="/funds/new">{t("newFund")}</Link> · <Link href="/payouts">{t("toPayouts")}</Link>
      </p>
      {funds.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("pledged")}</th>
                <th scope="col">{t("received")}</th>
                <th scope="col">{t("committed")}</th>
                <th scope="col">{t("paid")}</th>
                <th scope="col">{t("available")}</th>
              </tr>
            </thead>
            <tbody>
              {funds.map((f) => {
                const m = (v: number) => formatMoney(v, f.currency, locale);
                return (
                  <tr key={f.id}>
                    <th scope="row">
                      <Link href={`/funds/${f.id}`}>{f.name}</Link>
                    </th>
                    <td>{te(`FundStatus.${f.status}`)}</td>
                    <td>{m(f.pledged)}</td>
                    <td>{m(f.received)}</td>
                    <td>{m(f.committed)}</td>
                    <td>{m(f.paid)}</td>
                    <td>{m(f.available)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
