import { getTranslations, setRequestLocale } from "next-intl/server";
import { AccessDenied } from "@/components/layout/access-denied";
import { pageActor } from "@/lib/authz/page-actor";
import { listManagedPayouts } from "@/lib/funds/queries";
import { formatMoney } from "@/lib/money/money";

export default async function PayoutsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await pageActor(locale, "/payouts", "fund:read:org");
  if (!actor) return <AccessDenied />;
  const [t, te, payouts] = await Promise.all([getTranslations("payouts"), getTranslations("enums"), listManagedPayouts(actor)]);
  return (
    <div className="space-y-6">
      <h1>{t("title")}</h1>
      <p>{t("lead")}</p>
      {payouts.length === 0 ? <p>{t("none")}</p> : (
        <table>
          <thead><tr><th scope="col">{t("fund")}</th><th scope="col">{t("amount")}</th><th scope="col">{t("status")}</th></tr></thead>
          <tbody>
            {payouts.map((p) => (
              <tr key={p.id}><td>{p.fund.name}</td><td>{formatMoney(p.amountMinor, p.fund.currency, locale)}</td><td>{te(`PayoutStatus.${p.status}`)}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
