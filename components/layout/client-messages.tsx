// Client components get only the message namespaces their part of the site uses, not the whole
// catalogue: every page carries its client messages in its payload, and applicants are often on
// slow, throttled connections. The root layout provides BASE; each route group adds its own.
import { getLocale, getMessages, getTimeZone } from "next-intl/server";
import { IntlClientProvider } from "@/components/layout/intl-client-provider";

// "fallback" and "validation" hold the generic sentences shown instead of a missing message.
export const BASE_NAMESPACES = ["nav", "validation", "fallback"] as const;

export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: React.ReactNode }) {
  const [all, locale, timeZone] = await Promise.all([getMessages() as Promise<Record<string, unknown>>, getLocale(), getTimeZone()]);
  const picked = Object.fromEntries([...BASE_NAMESPACES, ...namespaces].filter((n) => n in all).map((n) => [n, all[n]]));
  return (
    <IntlClientProvider locale={locale} timeZone={timeZone} messages={picked as never}>
      {children}
    </IntlClientProvider>
  );
}
