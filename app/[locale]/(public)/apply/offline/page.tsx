// The sealed application, filled offline (docs/decisions/0046-sealed-applications.md): the one page that
// needs JavaScript (it encrypts in the browser). Once visited it opens with no connection (public/sw.js).
import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { Link } from "@/lib/i18n/navigation";
import { offlineBundle } from "@/lib/sealed/offline-funds";
import { OfflineApply } from "./offline-apply";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "offline" });
  return { title: t("title"), manifest: `/api/offline/manifest/${locale}` };
}

export default async function OfflineApplyPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await connection(); // the funds as they are now, never from the build
  const [t, bundle] = await Promise.all([getTranslations("offline"), offlineBundle(locale)]);
  return (
    <div className="max-w-2xl space-y-5">
      <h1>{t("title")}</h1>
      <p>{t("lead")}</p>
      <p className="rounded border border-amber-700 bg-amber-50 p-3">
        {t("needsJavaScript")} <Link href="/apply">{t("onlineForm")}</Link>
      </p>
      {bundle.recipient ? (
        <ClientMessages namespaces={["offline", "apply", "enums"]}>
          <OfflineApply funds={bundle.funds} recipient={bundle.recipient} />
        </ClientMessages>
      ) : (
        <p role="alert">{t("unavailable")}</p>
      )}
    </div>
  );
}
