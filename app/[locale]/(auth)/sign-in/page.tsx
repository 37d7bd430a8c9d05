import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { MagicLinkForm, PasswordSignInForm } from "./sign-in-forms";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const t = await getTranslations("auth");
  const next = typeof sp.next === "string" ? sp.next : undefined;
  return (
    <div className="max-w-md space-y-8">
      <h1>{t("signInTitle")}</h1>
      {sp.sent === "1" && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3">
          {t("sent")}
        </p>
      )}
      {sp.ended === "1" && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3">
          {t("endedEverywhere")}
        </p>
      )}
      {typeof sp.error === "string" && (
        <p role="alert" className="rounded border border-red-700 bg-red-50 p-3">
          {t("linkFailed")}
        </p>
      )}
      {next && !sp.sent && <p>{t("sessionExpired")}</p>}
      <section className="space-y-4">
        <h2 id="password-heading">{t("passwordSection")}</h2>
        <PasswordSignInForm next={next} />
        <p>
          <Link href="/sign-in/recover">{t("recoverLink")}</Link>
        </p>
      </section>
      <section className="space-y-4">
        <h2 id="magic-heading">{t("magicSection")}</h2>
        <MagicLinkForm next={next} />
      </section>
      <p>
        {t("noAccount")} <Link href="/sign-up">{t("signUpTitle")}</Link>
      </p>
    </div>
  );
}
