import { headers } from "next/headers";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { publicOrigins } from "@/lib/env";
import { currentMirrorList } from "@/lib/mirrors/mirrors";
import { originForHost } from "@/lib/security/public-urls.mjs";
import { VerifyMirrorListForm } from "./verify-form";

// The addresses are shown as text, never as links: a visitor on the onion address must not be one click
// from a request to another host, and a link's target is what a forger would change (ADR 0047).
export default async function MirrorsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("mirrors");
  const h = await headers();
  const here = originForHost(h.get("x-forwarded-host") ?? h.get("host"), publicOrigins());
  const { urls, signed } = currentMirrorList();
  return (
    <div className="space-y-6">
      <h1>{t("title")}</h1>
      <p>{t("lead")}</p>
      <ul aria-label={t("listLabel")} className="space-y-1">
        {urls.map((u) => (
          <li key={u}>
            <code className="break-all">{u}</code>
            {u === here && <span> {t("youAreHere")}</span>}
          </li>
        ))}
      </ul>
      <p>{t("signInAgain")}</p>
      <section aria-labelledby="mirrors-signed" className="space-y-3">
        <h2 id="mirrors-signed">{t("signedTitle")}</h2>
        {signed ? (
          <>
            <p>{t("signedLead")}</p>
            <dl className="grid gap-1 sm:grid-cols-[auto_1fr] sm:gap-x-4">
              <dt className="font-semibold">{t("fingerprint")}</dt>
              <dd>
                <code data-testid="mirrors-fingerprint">{signed.fingerprint}</code>
              </dd>
              <dt className="font-semibold">{t("publicKey")}</dt>
              <dd>
                <code className="break-all" data-testid="mirrors-public-key">
                  {signed.publicKey}
                </code>
              </dd>
            </dl>
            <pre
              aria-label={t("signedTextLabel")}
              className="overflow-x-auto rounded border border-neutral-300 bg-neutral-50 p-3 text-sm"
              data-testid="mirrors-signed-text"
            >
              {signed.text}
            </pre>
            <p>
              <a href="/mirrors.txt">{t("plainText")}</a>
            </p>
          </>
        ) : (
          <p>{t("notSigned")}</p>
        )}
      </section>
      {signed && (
        <section aria-labelledby="mirrors-verify" className="space-y-3">
          <h2 id="mirrors-verify">{t("verifyTitle")}</h2>
          <p>{t("verifyLead")}</p>
          <VerifyMirrorListForm />
        </section>
      )}
    </div>
  );
}
