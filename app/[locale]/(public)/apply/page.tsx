import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { listOpenFunds } from "@/lib/funds/queries";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money/money";

export default async function ApplyPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await connection();
  const [t, te, funds] = await Promise.all([getTranslations("apply"), getTranslations("enums"), listOpenFunds()]);
  return (
    <div className="space-y-6">
      <h1>{t("title")}</h1>
      <p>{t("lead")}</p>
      {funds.length === 0 && <p>{t("none")}</p>}
      <ul className="space-y-4">
        {funds.map((f) => (
          <li key={f.id} className="space-y-2 rounded border border-neutral-200 p-4">
            <h2>{f.name}</h2>
            <p className="text-sm text-neutral-700">{f.organisation.name}</p>
            <p>{f.purpose}</p>
            <p>{t("cap", { amount: formatMoney(f.perApplicantCapMinor, f.currency, locale) })}</p>
            <p><strong>{t("eligible")}:</strong> {f.eligibleCategories.map((c) => te(`SituationCategory.${c}`)).join(", ")}</p>
            <p><strong>{t("purposes")}:</strong> {f.eligiblePurposes.map((p) => te(`AidPurpose.${p}`)).join(", ")}</p>
          </li>
        ))}
      </ul>
      <p><Link href="/sign-in">{t("signInToApply")}</Link></p>
    </div>
  );
}
