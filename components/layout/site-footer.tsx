import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

export async function SiteFooter() {
  const t = await getTranslations("footer");
  return (
    <footer className="border-t border-neutral-200 bg-neutral-50">
      <div className="mx-auto max-w-4xl px-4 py-4 text-sm text-neutral-700">
        <p>{t("privacy")}</p>
        <p>
          <Link href="/mirrors">{t("mirrors")}</Link>
        </p>
      </div>
    </footer>
  );
}
