import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

export default async function LandingPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("landing");
  const cards = [
    { key: "apply", href: "/apply" },
    { key: "courses", href: "/courses" },
    { key: "status", href: "/status" },
    { key: "transparency", href: "/transparency" },
  ] as const;
  return (
    <div className="space-y-8">
      <section className="space-y-3">
        <h1>{t("title")}</h1>
        <p className="text-lg">{t("lead")}</p>
      </section>
      <div className="grid gap-4 sm:grid-cols-2">
        {cards.map((c) => (
          <section key={c.key} className="space-y-2 rounded border border-neutral-200 p-4">
            <h2>{t(`${c.key}Title`)}</h2>
            <p>{t(`${c.key}Body`)}</p>
            <p>
              <Link href={c.href} className="font-semibold">
                {t(`${c.key}Cta`)}
              </Link>
            </p>
          </section>
        ))}
      </div>
    </div>
  );
}
