import { getTranslations, setRequestLocale } from "next-intl/server";
import { StatusForm } from "./status-form";

export default async function StatusPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("status");
  return (
    <div className="space-y-6">
      <h1>{t("title")}</h1>
      <p>{t("lead")}</p>
      <StatusForm />
    </div>
  );
}
