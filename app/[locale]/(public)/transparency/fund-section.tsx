// One fund's published figures. On the overview the week-by-week table and older Merkle roots are left
// to the fund's own page (/transparency/{fundId}), which keeps the overview light on slow connections.
import { BarChart } from "@/components/charts/bar-chart";
import { WeekChart } from "@/components/charts/week-chart";
import type { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money/money";
import type { FundReport } from "@/lib/transparency/queries";
import { STAGES, type Cell } from "@/lib/transparency/rules";

const RECENT_ROOTS = 4;

type T = Awaited<ReturnType<typeof getTranslations<"transparency">>>;
type TE = Awaited<ReturnType<typeof getTranslations<"enums">>>;

export function FundSection({
  f,
  locale,
  t,
  te,
  dateOf,
  detail,
}: {
  f: FundReport;
  locale: string;
  t: T;
  te: TE;
  dateOf: (d: Date) => string;
  detail: boolean;
}) {
  const money = (v: number) => formatMoney(v, f.currency, locale);
  const people = (c: Cell) => (c.hidden ? t("fewerThan5") : String(c.count));
  const amount = (c: Cell) => (c.hidden ? "—" : money(c.amountMinor));
  const stageName = (i: number) => te(`ApplicationStatus.${STAGES[i]!}`);
  const received = f.weeks.map((w) => ({ week: w.key, cell: w.cells[0]! }));
  const table = (rows: { key: string; label: string; cells: Cell[] }[], caption: string) => (
    <div className="overflow-x-auto">
      <table>
        <caption className="text-left font-semibold">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("group")}</th>
            {STAGES.map((_, i) => (
              <th key={i} scope="col">
                {stageName(i)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {r.cells.map((c, i) => (
                <td key={i}>
                  {people(c)}
                  {!c.hidden && c.count > 0 && (
                    <>
                      <br />
                      <span className="text-sm text-neutral-700">{money(c.amountMinor)}</span>
                    </>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <section id={`fund-${f.id}`} aria-labelledby={`fund-${f.id}-h`} className="space-y-4 border-t border-neutral-200 pt-6">
      {detail ? <h1 id={`fund-${f.id}-h`}>{f.name}</h1> : <h2 id={`fund-${f.id}-h`}>{f.name}</h2>}
      <p>{f.purpose}</p>
      <p className="text-sm text-neutral-700">
        {f.delayDays === 0 ? t("upToNow") : t("upTo", { date: dateOf(f.cutoff), days: f.delayDays })}
      </p>

      <h3>{t("funnelTitle")}</h3>
      <BarChart
        id={`funnel-${f.id}`}
        title={t("funnelChartTitle", { fund: f.name })}
        description={f.funnel.map((c, i) => `${stageName(i)}: ${people(c)}`).join("; ")}
        bars={f.funnel.map((c, i) => ({ label: stageName(i), value: c.hidden ? null : c.count, display: people(c) }))}
        hiddenLegend={t("legendHiddenBar")}
      />
      <div className="overflow-x-auto">
        <table>
          <caption className="text-left font-semibold">{t("funnelTableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("stage")}</th>
              <th scope="col">{t("people")}</th>
              <th scope="col">{t("amount")}</th>
            </tr>
          </thead>
          <tbody>
            {f.funnel.map((c, i) => (
              <tr key={i}>
                <th scope="row">{stageName(i)}</th>
                <td>{people(c)}</td>
                <td>{amount(c)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {received.length > 0 && (
        <>
          <h3>{t("weeksTitle")}</h3>
          <WeekChart
            id={`weeks-${f.id}`}
            title={t("weeksChartTitle", { fund: f.name })}
            format={(v) => String(v)}
            description={received.map((w) => `${w.week}: ${people(w.cell)}`).join("; ")}
            points={received.map((w) => ({ week: w.week, value: w.cell.hidden ? null : w.cell.count }))}
            hiddenLegend={t("legendHiddenWeek")}
          />
          {detail && (
            <div className="overflow-x-auto">
              <table>
                <caption className="text-left font-semibold">{t("weeksTable")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("weekOf")}</th>
                    {STAGES.map((_, i) => (
                      <th key={i} scope="col">
                        {stageName(i)}
                      </th>
                    ))}
                    <th scope="col">{t("paidAmount")}</th>
                  </tr>
                </thead>
                <tbody>
                  {f.weeks.map((w) => (
                    <tr key={w.key}>
                      <th scope="row">{w.key}</th>
                      {w.cells.map((c, i) => (
                        <td key={i}>
                          {people(c)}
                          {!c.hidden && c.count > 0 && (
                            <>
                              <br />
                              <span className="text-sm text-neutral-700">{money(c.amountMinor)}</span>
                            </>
                          )}
                        </td>
                      ))}
                      <td>{amount(w.cells[4]!)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}

      {detail &&
        f.byCategory.length > 0 &&
        table(
          f.byCategory.map((r) => ({ ...r, label: te(`SituationCategory.${r.key}` as never) })),
          t("byCategory"),
        )}
      {detail &&
        f.byPurpose.length > 0 &&
        table(
          f.byPurpose.map((r) => ({ ...r, label: te(`AidPurpose.${r.key}` as never) })),
          t("byPurpose"),
        )}

      {f.roots.length > 0 && (
        <div className="overflow-x-auto">
          <table>
            <caption className="text-left font-semibold">{t("rootsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("weekOf")}</th>
                <th scope="col">{t("payouts")}</th>
                <th scope="col">{t("root")}</th>
              </tr>
            </thead>
            <tbody>
              {(detail ? f.roots : f.roots.slice(0, RECENT_ROOTS)).map((r) => (
                <tr key={r.weekStart}>
                  <th scope="row">
                    {r.weekStart}
                    {r.final ? "" : ` (${t("provisional")})`}
                  </th>
                  <td>{r.leaves.hidden ? t("fewerThan5") : r.leaves.count}</td>
                  <td className="break-all font-mono text-xs">{r.root}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!detail && (
        <p>
          <Link href={`/transparency/${f.id}`}>{t("fundDetail", { fund: f.name })}</Link>
        </p>
      )}
    </section>
  );
}
