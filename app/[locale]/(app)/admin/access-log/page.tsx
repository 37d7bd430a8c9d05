// The whole access log for admins: filter by who, case and days; page through everything (cursor).
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AccessLogTable } from "@/components/cases/access-log-table";
import { LogFilterForm, LogPager } from "@/components/cases/log-filter";
import { AccessDenied } from "@/components/layout/access-denied";
import { parseLogFilter } from "@/lib/audit/schemas";
import { pageActor } from "@/lib/authz/page-actor";
import { Link } from "@/lib/i18n/navigation";
import { accessLogPage } from "@/lib/reviews/access-log";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminAccessLogPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await pageActor(locale, "/admin/access-log", "audit:read:any");
  if (!actor) return <AccessDenied />;
  const filter = parseLogFilter(await searchParams);
  const [t, page] = await Promise.all([getTranslations("admin"), accessLogPage(actor, filter)]);
  return (
    <div className="space-y-6">
      <p>
        <Link href="/admin">{t("backToAdmin")}</Link>
      </p>
      <h1>{t("accessLogTitle")}</h1>
      <p>{t("accessLogLead")}</p>
      <LogFilterForm path="/admin/access-log" filter={filter} label={t("accessFilterLabel")} />
      {page.rows.length === 0 ? <p role="status">{t("noEntries")}</p> : <AccessLogTable rows={page.rows} caption={t("accessLogTitle")} />}
      <LogPager path="/admin/access-log" filter={filter} next={page.next} label={t("pagerLabel")} />
    </div>
  );
}
