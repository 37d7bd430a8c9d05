"use client";
// Plain links (work without JavaScript) to the same page in the other languages.
import { useLocale, useTranslations } from "next-intl";
import { Link, usePathname } from "@/lib/i18n/navigation";
import { LOCALES } from "@/lib/i18n/routing";

const NAMES = { be: "Беларуская", ru: "Русский", en: "English" } as const;

export function LanguageSwitcher() {
  const t = useTranslations("nav");
  const locale = useLocale();
  const pathname = usePathname();
  return (
    <nav aria-label={t("language")}>
      <ul className="flex gap-3 text-sm">
        {LOCALES.map((l) => (
          <li key={l}>
            {l === locale ? (
              <span aria-current="true" lang={l} className="font-semibold">
                {NAMES[l]}
              </span>
            ) : (
              <Link href={pathname} locale={l} lang={l} hrefLang={l}>
                {NAMES[l]}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
