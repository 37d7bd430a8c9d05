// Every audit event for admins, translated, with who did it: filter by who, case and days; cursor paging.
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AuditTable } from "@/components/cases/audit-table";
import { LogFilterForm, LogPager } from "@/components/cases/log-filter";
import { AccessDenied } from "@/components/layout/access-denied";
import { auditEventsPage } from "@/lib/audit/queries";
import { parseLogFilter } from "@/lib/audit/schemas";
import { pageActor } from "@/lib/authz/page-actor";
import { Link } from "@/lib/i18n/navigation";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminAuditPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await pageActor(locale, "/admin/audit", "audit:read:any");
  if (!actor) return <AccessDenied />;
  const filter = parseLogFilter(await searchParams);
  const [t, page] = await Promise.all([getTranslations("admin"), auditEventsPage(actor, filter)]);
  return (
    <div className="space-y-6">
      <p>
        <Link href="/admin">{t("backToAdmin")}</Link>
      </p>
      <h1>{t("auditTitle")}</h1>
      <p>{t("auditLead")}</p>
      <LogFilterForm path="/admin/audit" filter={filter} label={t("auditFilterLabel")} />
      {page.rows.length === 0 ? <p role="status">{t("noEntries")}</p> : <AuditTable rows={page.rows} />}
      <LogPager path="/admin/audit" filter={filter} next={page.next} label={t("pagerLabel")} />
    </div>
  );
}
