import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
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
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3">{t("signUpSent")}</p>
      ) : (
        <>
          <p>{t("signUpLead")}</p>
          <SignUpForm />
        </>
      )}
      <p>{t("haveAccount")} <Link href="/sign-in">{t("signInTitle")}</Link></p>
    </div>
  );
}
