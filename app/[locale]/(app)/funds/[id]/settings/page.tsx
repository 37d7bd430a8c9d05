import { parseRubric, rubricToText } from "@/lib/reviews/rubric";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AccessDenied } from "@/components/layout/access-denied";
import { pageActor } from "@/lib/authz/page-actor";
import { getManagedFund, managerOrganisations } from "@/lib/funds/queries";
import { Link } from "@/lib/i18n/navigation";
import { minorToInput } from "@/lib/money/money";
import { FundForm } from "../../fund-form";

export default async function FundSettingsPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await pageActor(locale, `/funds/${id}/settings`, "fund:manage:org");
  if (!actor) return <AccessDenied />;
  const [fund, organisations, t] = await Promise.all([getManagedFund(actor, id), managerOrganisations(actor), getTranslations("funds")]);
  if (!fund) notFound();
  const defaults = {
    fundId: fund.id,
    organisationId: fund.organisationId,
    name: fund.name,
    purpose: fund.purpose,
    currency: fund.currency,
    eligibleCategories: fund.eligibleCategories.join("\n"),
    eligiblePurposes: fund.eligiblePurposes.join("\n"),
    cap: minorToInput(fund.perApplicantCapMinor, fund.currency),
    requiredApprovals: String(fund.requiredApprovals),
    receiptThreshold: minorToInput(fund.receiptConfirmationAboveMinor, fund.currency),
    publicationDelayDays: String(fund.publicationDelayDays),
    retentionMonths: String(fund.retentionMonths),
    open: fund.status === "OPEN" ? "on" : "",
    evidenceHint: fund.evidenceHint ?? "",
    checklist: fund.verificationChecklist.join("\n"),
    rubric: rubricToText(parseRubric(fund.rubric)),
    revealNeedsSecondReviewer: fund.revealNeedsSecondReviewer ? "on" : "",
    legalNameRequirement: fund.legalNameRequirement,
    phoneRequirement: fund.phoneRequirement,
    cityRequirement: fund.cityRequirement,
    birthDateRequirement: fund.birthDateRequirement,
  };
  return (
    <div className="space-y-6">
      <p>
        <Link href={`/funds/${fund.id}`}>{t("backToFund", { name: fund.name })}</Link>
      </p>
      <h1>{t("settingsTitle", { name: fund.name })}</h1>
      <FundForm defaults={defaults} organisations={organisations} currencyLocked={fund.currencyLocked} />
    </div>
  );
}
