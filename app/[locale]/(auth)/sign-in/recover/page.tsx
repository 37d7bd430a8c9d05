import { getTranslations, setRequestLocale } from "next-intl/server";
import { RecoverForm } from "./recover-form";

export default async function RecoverPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("auth");
  return (
    <div className="max-w-md space-y-6">
      <h1>{t("recoverTitle")}</h1>
      <RecoverForm />
    </div>
  );
}
