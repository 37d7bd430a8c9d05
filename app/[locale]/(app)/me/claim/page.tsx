// Claiming a delivered sealed application into this account with its claim code, once
// (docs/decisions/0046-sealed-applications.md).
import { getTranslations, setRequestLocale } from "next-intl/server";
import { pageActor } from "@/lib/authz/page-actor";
import { ClaimForm } from "./claim-form";

export default async function ClaimPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await pageActor(locale, "/me/claim");
  const t = await getTranslations("claim");
  return (
    <div className="max-w-2xl space-y-6">
      <h1>{t("title")}</h1>
      <p>{t("lead")}</p>
      <ClaimForm />
    </div>
  );
}
