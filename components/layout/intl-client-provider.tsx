"use client";
// next-intl's provider for client components, with the same "never a raw key" fallback as the server
// (lib/i18n/fallback.ts). Functions cannot be passed from a server component, so they live here.
import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import { describeIntlError, messageFallback } from "@/lib/i18n/fallback";

type Props = { locale: string; timeZone?: string; messages: AbstractIntlMessages; children: React.ReactNode };

export function IntlClientProvider({ locale, timeZone, messages, children }: Props) {
  return (
    <NextIntlClientProvider
      locale={locale}
      timeZone={timeZone}
      messages={messages}
      onError={(error) => console.warn("padtrymka i18n", describeIntlError(error))}
      getMessageFallback={({ namespace, key }) => messageFallback(messages as Record<string, unknown>, { namespace, key })}
    >
      {children}
    </NextIntlClientProvider>
  );
}
