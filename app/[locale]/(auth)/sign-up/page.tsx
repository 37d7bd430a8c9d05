import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { PseudonymousSignUpForm } from "./pseudonymous-sign-up-form";
import { SignUpForm } from "./sign-up-form";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignUpPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const t = await getTranslations("auth");
  return (
    <div className="max-w-md space-y-6">
      <h1>{t("signUpTitle")}</h1>
      {sp.sent === "1" ? (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3">
          {t("signUpSent")}
        </p>
      ) : (
        <>
          <p>{t("signUpLead")}</p>
          <section className="space-y-3">
            <h2>{t("pseudonymousSection")}</h2>
            <p>{t("pseudonymousHint")}</p>
            <PseudonymousSignUpForm />
          </section>
          <section className="space-y-3">
            <h2>{t("emailSection")}</h2>
            <p>{t("emailHint")}</p>
            <SignUpForm />
          </section>
        </>
      )}
      <p>
        {t("haveAccount")} <Link href="/sign-in">{t("signInTitle")}</Link>
      </p>
    </div>
  );
}
