import { getTranslations, setRequestLocale } from "next-intl/server";
import { AccessDenied } from "@/components/layout/access-denied";
import { pageActor } from "@/lib/authz/page-actor";
import { listManagedFunds } from "@/lib/funds/queries";
import { Link } from "@/lib/i18n/navigation";
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
      {funds.length === 0 ? <p>{t("none")}</p> : (
        <table>
          <thead><tr><th scope="col">{t("name")}</th><th scope="col">{t("status")}</th><th scope="col">{t("pledged")}</th><th scope="col">{t("received")}</th></tr></thead>
          <tbody>
            {funds.map((f) => (
              <tr key={f.id}>
                <td><Link href={`/funds/${f.id}`}>{f.name}</Link></td>
                <td>{te(`FundStatus.${f.status}`)}</td>
                <td>{formatMoney(f.pledged, f.currency, locale)}</td>
                <td>{formatMoney(f.received, f.currency, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
