import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { AccessDenied } from "@/components/layout/access-denied";
import { pageActor } from "@/lib/authz/page-actor";
import { AidPurpose, ApplicationStatus, Region, SituationCategory } from "@/lib/db/generated/enums";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money/money";
import { FUNNEL, funnel, listQueue, QueueFilterSchema } from "@/lib/reviews/queue";
import { ThrottleBanner } from "@/components/cases/throttle-banner";
import { BulkScreen } from "./bulk-screen";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReviewQueuePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await pageActor(locale, "/review", "review:queue:org");
  if (!actor) return <AccessDenied />;
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = QueueFilterSchema.safeParse(raw);
  const filter = parsed.success ? parsed.data : {}; // a tampered filter shows the whole queue, never an error page
  const [t, te, format, queue, funnels] = await Promise.all([
    getTranslations("review"),
    getTranslations("enums"),
    getFormatter(),
    listQueue(actor, filter),
    funnel(actor),
  ]);
  const select = (name: keyof typeof filter, label: string, values: string[], labelOf: (v: string) => string, anyLabel = t("any")) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`q-${name}`} className="text-sm font-medium">
        {label}
      </label>
      <select
        id={`q-${name}`}
        name={name}
        defaultValue={(filter[name] as string | undefined) ?? ""}
        className="rounded border border-neutral-400 px-2 py-1"
      >
        <option value="">{anyLabel}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {labelOf(v)}
          </option>
        ))}
      </select>
    </div>
  );
  const nextHref = queue.next
    ? `/review?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filter).filter(([k, v]) => v && k !== "after")), after: queue.next } as Record<string, string>).toString()}`
    : null;
  return (
    <div className="space-y-6">
      <h1>{t("title")}</h1>
      <ThrottleBanner actor={actor} />
      {raw.conflict === "1" && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3">
          {t("conflictRecorded")}
        </p>
      )}
      <p>{t("lead")}</p>

      <section className="space-y-2 overflow-x-auto">
        <h2>{t("funnel")}</h2>
        <table>
          <caption className="sr-only">{t("funnelCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("fund")}</th>
              {FUNNEL.map((s) => (
                <th key={s} scope="col">
                  {te(`ApplicationStatus.${s}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {funnels.map((f) => (
              <tr key={f.id}>
                <th scope="row">{f.name}</th>
                {f.stages.map((s) => (
                  <td key={s.stage}>{s.count}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <form method="get" className="space-y-3 rounded border border-neutral-200 p-3" aria-label={t("filters")}>
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          {select(
            "fund",
            t("fund"),
            funnels.map((f) => f.id),
            (id) => funnels.find((f) => f.id === id)?.name ?? id,
          )}
          {select(
            "stage",
            t("stage"),
            Object.values(ApplicationStatus).filter((s) => s !== "DRAFT"),
            (s) => te(`ApplicationStatus.${s}`),
            t("openStages"),
          )}
          {select("category", t("category"), Object.values(SituationCategory), (c) => te(`SituationCategory.${c}`))}
          {select("purpose", t("purpose"), Object.values(AidPurpose), (p) => te(`AidPurpose.${p}`))}
          {select("region", t("regionLabel"), Object.values(Region), (r) => te(`Region.${r}`))}
          {select("olderThan", t("olderThan"), ["3", "7", "14", "30"], (d) => t("olderThanDays", { days: Number(d) }))}
          {select("sort", t("sortBy"), ["score"], () => t("sortScore"), t("sortAge"))}
        </div>
        <div className="flex flex-wrap gap-4">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="duplicates" value="1" defaultChecked={filter.duplicates === "1"} className="h-5 w-5" />
            {t("onlyDuplicates")}
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="needsMyVote" value="1" defaultChecked={filter.needsMyVote === "1"} className="h-5 w-5" />
            {t("needsMyVote")}
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="assignedToMe" value="1" defaultChecked={filter.assignedToMe === "1"} className="h-5 w-5" />
            {t("assignedToMe")}
          </label>
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {t("apply")}
          </button>
          <Link href="/review">{t("reset")}</Link>
        </div>
      </form>

      {queue.rows.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table>
            <thead>
              <tr>
                <th scope="col">
                  <span className="sr-only">{t("bulkSelect")}</span>
                </th>
                <th scope="col">{t("reference")}</th>
                <th scope="col">{t("fund")}</th>
                <th scope="col">{t("category")}</th>
                <th scope="col">{t("amountAsked")}</th>
                <th scope="col">{t("stage")}</th>
                <th scope="col">{t("submitted")}</th>
                <th scope="col">{t("score")}</th>
              </tr>
            </thead>
            <tbody>
              {queue.rows.map((a) => (
                <tr key={a.id}>
                  <td>
                    {a.status === "SUBMITTED" && (
                      <input
                        type="checkbox"
                        form="bulk-form"
                        name="ids"
                        value={a.id}
                        aria-label={t("bulkSelectCase", { reference: a.referenceCode ?? "" })}
                        className="h-5 w-5"
                      />
                    )}
                  </td>
                  <td>
                    <Link href={`/review/${a.id}`}>{a.referenceCode}</Link>
                    {a.isDuplicateFlagged && <span className="ml-2 rounded bg-amber-100 px-1 text-xs">{t("flag")}</span>}
                  </td>
                  <td>{a.fund.name}</td>
                  <td>{a.category ? te(`SituationCategory.${a.category}`) : "—"}</td>
                  <td>{a.requestedAmountMinor ? formatMoney(a.requestedAmountMinor, a.fund.currency, locale) : "—"}</td>
                  <td>{te(`ApplicationStatus.${a.status}`)}</td>
                  <td>{a.submittedAt ? format.dateTime(a.submittedAt, { dateStyle: "medium" }) : "—"}</td>
                  <td>{a.score >= 0 ? a.score : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextHref && (
        <p>
          <Link href={nextHref}>{t("nextPage")}</Link>
        </p>
      )}
      {/* Always rendered: the result and its undo button must survive the moved rows leaving the table. */}
      <BulkScreen />
      <p>
        <a
          href={`/api/review/export?${new URLSearchParams(Object.fromEntries(Object.entries(filter).filter(([k, v]) => v && k !== "after")) as Record<string, string>).toString()}`}
          download
        >
          {t("export")}
        </a>
      </p>
    </div>
  );
}
