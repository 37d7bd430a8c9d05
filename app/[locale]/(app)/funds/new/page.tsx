import { getTranslations, setRequestLocale } from "next-intl/server";
import { AccessDenied } from "@/components/layout/access-denied";
import { pageActor } from "@/lib/authz/page-actor";
import { managerOrganisations } from "@/lib/funds/queries";
import { Link } from "@/lib/i18n/navigation";
import { FundForm } from "../fund-form";

export default async function NewFundPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await pageActor(locale, "/funds/new", "fund:manage:org");
  if (!actor) return <AccessDenied />;
  const [t, organisations] = await Promise.all([getTranslations("funds"), managerOrganisations(actor)]);
  const defaults = {
    organisationId: organisations.length === 1 ? organisations[0]!.id : "",
    currency: "USD",
    requiredApprovals: "2",
    publicationDelayDays: "7",
    retentionMonths: "12",
    open: "on",
    checklist: "",
    rubric: "",
    revealNeedsSecondReviewer: "",
    legalNameRequirement: "OPTIONAL",
    phoneRequirement: "OPTIONAL",
    cityRequirement: "OPTIONAL",
    birthDateRequirement: "HIDDEN",
  };
  return (
    <div className="space-y-6">
      <p>
        <Link href="/funds">{t("back")}</Link>
      </p>
      <h1>{t("newFundTitle")}</h1>
      <FundForm defaults={defaults} organisations={organisations} currencyLocked={false} />
    </div>
  );
}
