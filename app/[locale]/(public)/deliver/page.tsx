// Delivery of a sealed application (docs/decisions/0046-sealed-applications.md): signed out, by the
// applicant later or by anyone they gave it to. Works without JavaScript.
import { getTranslations, setRequestLocale } from "next-intl/server";
import { DeliverForm } from "./deliver-form";

export default async function DeliverPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("deliver");
  return (
    <div className="max-w-2xl space-y-6">
      <h1>{t("title")}</h1>
      <p>{t("lead")}</p>
      <p>{t("privacy")}</p>
      <DeliverForm />
    </div>
  );
}
