import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { publicFundTotals } from "@/lib/funds/queries";
import { formatMoney } from "@/lib/money/money";

export default async function TransparencyPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await connection();
  const [t, funds] = await Promise.all([getTranslations("transparency"), publicFundTotals()]);
  return (
    <div className="space-y-6">
      <h1>{t("title")}</h1>
      <p>{t("lead")}</p>
      {funds.length === 0 ? <p>{t("none")}</p> : (
        <div className="overflow-x-auto">
          <table>
            <thead><tr><th scope="col">{t("fund")}</th><th scope="col">{t("pledged")}</th><th scope="col">{t("received")}</th><th scope="col">{t("paid")}</th></tr></thead>
            <tbody>
              {funds.map((f) => (
                <tr key={f.id}>
                  <th scope="row">{f.name}<br /><span className="font-normal text-neutral-700">{f.organisation.name}</span></th>
                  <td>{formatMoney(f.pledged, f.currency, locale)}</td>
                  <td>{formatMoney(f.received, f.currency, locale)}</td>
                  <td>{formatMoney(f.paid, f.currency, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
