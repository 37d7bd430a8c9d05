import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { listOpenFunds } from "@/lib/funds/queries";
import { formatMoney } from "@/lib/money/money";
import { EligibilityCheck, FundItem, type FundCard } from "./eligibility";

export default async function ApplyPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await connection();
  const [t, te, funds] = await Promise.all([getTranslations("apply"), getTranslations("enums"), listOpenFunds()]);
  const cards: FundCard[] = funds.map((f) => ({
    id: f.id,
    name: f.name,
    organisation: f.organisation.name,
    purpose: f.purpose,
    cap: t("cap", { amount: formatMoney(f.perApplicantCapMinor, f.currency, locale) }),
    categories: f.eligibleCategories.map((c) => te(`SituationCategory.${c}`)).join(", "),
    purposes: f.eligiblePurposes.map((p) => te(`AidPurpose.${p}`)).join(", "),
    evidenceHint: f.evidenceHint,
  }));
  return (
    <div className="space-y-8">
      <h1>{t("title")}</h1>
      <p>{t("lead")}</p>
      <section className="space-y-4">
        <h2>{t("checkTitle")}</h2>
        <EligibilityCheck funds={cards} />
      </section>
      <section className="space-y-4">
        <h2>{t("allFunds")}</h2>
        {cards.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <ul className="space-y-4">
            {cards.map((c) => (
              <FundItem key={c.id} fund={c} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
