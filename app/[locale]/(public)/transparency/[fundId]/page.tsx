// One fund's published figures in full: every week, every Merkle root. Public, server-rendered.
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { transparencyReport } from "@/lib/transparency/queries";
import { FundSection } from "../fund-section";

export default async function FundTransparencyPage({ params }: { params: Promise<{ locale: string; fundId: string }> }) {
  const { locale, fundId } = await params;
  setRequestLocale(locale);
  await connection();
  const [t, te, format, reports] = await Promise.all([
    getTranslations("transparency"),
    getTranslations("enums"),
    getFormatter(),
    transparencyReport(new Date(), fundId),
  ]);
  const f = reports[0];
  if (!f) notFound();
  return (
    <div className="space-y-6">
      <p>
        <Link href="/transparency">{t("backToAll")}</Link>
      </p>
      <p className="text-sm text-neutral-700">{t("privacyRules")}</p>
      <FundSection
        f={f}
        locale={locale}
        t={t}
        te={te}
        dateOf={(d) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" })}
        detail
      />
      <p>
        <Link href="/transparency#check">{t("checkTitle")}</Link>
      </p>
    </div>
  );
}
