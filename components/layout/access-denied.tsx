import { getTranslations } from "next-intl/server";

export async function AccessDenied() {
  const t = await getTranslations("access");
  return (
    <div className="space-y-3">
      <h1>{t("deniedTitle")}</h1>
      <p>{t("deniedBody")}</p>
    </div>
  );
}
