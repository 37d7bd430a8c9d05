import { defineRouting } from "next-intl/routing";

export const LOCALES = ["be", "ru", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export const routing = defineRouting({
  locales: LOCALES,
  // Belarusian first: `/` negotiates from Accept-Language and falls back to it.
  defaultLocale: "be",
  localePrefix: "always",
  localeCookie: { sameSite: "lax", maxAge: 60 * 60 * 24 * 365 },
});
