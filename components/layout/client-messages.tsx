// Client components get only the message namespaces their part of the site uses, not the whole
// catalogue: every page carries its client messages in its payload, and applicants are often on
// slow, throttled connections. The root layout provides BASE; each route group adds its own.
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

export const BASE_NAMESPACES = ["nav", "validation"] as const;

export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: React.ReactNode }) {
  const all = (await getMessages()) as Record<string, unknown>;
  const picked = Object.fromEntries([...BASE_NAMESPACES, ...namespaces].filter((n) => n in all).map((n) => [n, all[n]]));
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
