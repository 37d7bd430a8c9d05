// The web manifest of the offline page (installable: it opens from the home screen with no connection).
import { getTranslations } from "next-intl/server";
import { routing } from "@/lib/i18n/routing";

export async function GET(_req: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale: raw } = await params;
  const locale = (routing.locales as readonly string[]).includes(raw) ? raw : routing.defaultLocale;
  const t = await getTranslations({ locale, namespace: "offline" });
  const start = `/${locale}/apply/offline`;
  const body = {
    name: t("appName"),
    short_name: t("appShortName"),
    lang: locale,
    start_url: start,
    scope: start,
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#7a1f1f",
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
    ],
  };
  return new Response(JSON.stringify(body), {
    headers: { "Content-Type": "application/manifest+json; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
