// A fund's access log for its fund managers: who opened, revealed, downloaded or exported which of the
// fund's cases; filter by who, case and days; page through everything (cursor).
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AccessLogTable } from "@/components/cases/access-log-table";
import { LogFilterForm, LogPager } from "@/components/cases/log-filter";
import { AccessDenied } from "@/components/layout/access-denied";
import { parseLogFilter } from "@/lib/audit/schemas";
import { pageActor } from "@/lib/authz/page-actor";
import { getManagedFund } from "@/lib/funds/queries";
import { Link } from "@/lib/i18n/navigation";
import { accessLogPage } from "@/lib/reviews/access-log";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function FundAccessLogPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await pageActor(locale, `/funds/${id}/access-log`, "access-log:read:org");
  if (!actor) return <AccessDenied />;
  const fund = await getManagedFund(actor, id);
  if (!fund) notFound();
  const filter = parseLogFilter(await searchParams);
  const [t, page] = await Promise.all([getTranslations("admin"), accessLogPage(actor, { ...filter, fundId: fund.id })]);
  const path = `/funds/${fund.id}/access-log`;
  return (
    <div className="space-y-6">
      <p>
        <Link href={`/funds/${fund.id}`}>{fund.name}</Link>
      </p>
      <h1>{t("fundAccessLogTitle", { fund: fund.name })}</h1>
      <p>{t("accessLogLead")}</p>
      <LogFilterForm path={path} filter={filter} label={t("accessFilterLabel")} />
      {page.rows.length === 0 ? (
        <p role="status">{t("noEntries")}</p>
      ) : (
        <AccessLogTable rows={page.rows} caption={t("fundAccessLogTitle", { fund: fund.name })} />
      )}
      <LogPager path={path} filter={filter} next={page.next} label={t("pagerLabel")} />
    </div>
  );
}
