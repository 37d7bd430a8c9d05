import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { describeIntlError, messageFallback } from "@/lib/i18n/fallback";
import { routing } from "@/lib/i18n/routing";
import { logger } from "@/lib/log";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  const messages = (await import(`../../messages/${locale}.json`)).default;
  return {
    locale,
    messages,
    timeZone: "Europe/Minsk",
    // A missing or broken message is logged (key and code only) and shown as a generic sentence, never as its key.
    onError: (error) => logger.warn({ ...describeIntlError(error), locale }, "message missing or not formatted"),
    getMessageFallback: ({ namespace, key }) => messageFallback(messages, { namespace, key }),
  };
});
