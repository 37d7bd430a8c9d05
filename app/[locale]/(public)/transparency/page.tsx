// Public, server-rendered, no client JavaScript needed (the receipt check is a plain form post).
// Aggregates only, after each fund's delay; any group of fewer than 5 people is "fewer than 5".
import { connection } from "next/server";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { BarChart } from "@/components/charts/bar-chart";
import { WeekChart } from "@/components/charts/week-chart";
import { formatMoney } from "@/lib/money/money";
import { transparencyReport, type FundReport } from "@/lib/transparency/queries";
import { STAGES, type Cell } from "@/lib/transparency/rules";
import { ReceiptCheckForm } from "./receipt-check";

export default async function TransparencyPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await connection();
  const [t, te, format, funds] = await Promise.all([getTranslations("transparency"), getTranslations("enums"), getFormatter(), transparencyReport()]);
  const currencies = [...new Set(funds.map((f) => f.currency))];
  return (
    <div className="space-y-8">
      <h1>{t("title")}</h1>
      <p>{t("lead")}</p>
      <p className="text-sm text-neutral-700">{t("privacyRules")}</p>
      {funds.length === 0 ? <p>{t("none")}</p> : (
        <section aria-labelledby="totals-h" className="space-y-2">
          <h2 id="totals-h">{t("totalsTitle")}</h2>
          <div className="overflow-x-auto">
            <table>
              <thead><tr><th scope="col">{t("fund")}</th><th scope="col">{t("pledged")}</th><th scope="col">{t("received")}</th><th scope="col">{t("paid")}</th><th scope="col">{t("available")}</th></tr></thead>
              <tbody>
                {funds.map((f) => {
                  const m = (v: number | null) => (v === null ? t("fewerThan5People") : formatMoney(v, f.currency, locale));
                  return (
                    <tr key={f.id}>
                      <th scope="row"><a href={`#fund-${f.id}`}>{f.name}</a><br /><span className="font-normal text-neutral-700">{f.organisation}</span></th>
                      <td>{m(f.pledged)}</td><td>{m(f.received)}</td><td>{m(f.paid)}</td><td>{m(f.available)}</td>
                    </tr>
                  );
                })}
                {currencies.map((c) => {
                  const of = funds.filter((f) => f.currency === c);
                  const sum = (pick: (f: FundReport) => number | null) => (of.some((f) => pick(f) === null) ? t("fewerThan5People") : formatMoney(of.reduce((s, f) => s + (pick(f) ?? 0), 0), c, locale));
                  return (
                    <tr key={c} className="font-semibold">
                      <th scope="row">{t("totalIn", { currency: c })}</th>
                      <td>{sum((f) => f.pledged)}</td><td>{sum((f) => f.received)}</td><td>{sum((f) => f.paid)}</td><td>{sum((f) => f.available)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {funds.map((f) => <FundSection key={f.id} f={f} locale={locale} t={t} te={te} dateOf={(d) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" })} />)}

      <section id="check" aria-labelledby="check-h" className="space-y-3">
        <h2 id="check-h">{t("checkTitle")}</h2>
        <p>{t("merkleExplained")}</p>
        <ReceiptCheckForm />
      </section>
    </div>
  );
}

type T = Awaited<ReturnType<typeof getTranslations<"transparency">>>;
type TE = Awaited<ReturnType<typeof getTranslations<"enums">>>;

function FundSection({ f, locale, t, te, dateOf }: { f: FundReport; locale: string; t: T; te: TE; dateOf: (d: Date) => string }) {
  const money = (v: number) => formatMoney(v, f.currency, locale);
  const people = (c: Cell) => (c.hidden ? t("fewerThan5") : String(c.count));
  const amount = (c: Cell) => (c.hidden ? "—" : money(c.amountMinor));
  const stageName = (i: number) => te(`ApplicationStatus.${STAGES[i]!}`);
  const received = f.weeks.map((w) => ({ week: w.key, cell: w.cells[0]! }));
  const table = (rows: { key: string; label: string; cells: Cell[] }[], caption: string) => (
    <div className="overflow-x-auto">
      <table>
        <caption className="text-left font-semibold">{caption}</caption>
        <thead><tr><th scope="col">{t("group")}</th>{STAGES.map((_, i) => <th key={i} scope="col">{stageName(i)}</th>)}</tr></thead>
        <tbody>{rows.map((r) => <tr key={r.key}><th scope="row">{r.label}</th>{r.cells.map((c, i) => <td key={i}>{people(c)}</td>)}</tr>)}</tbody>
      </table>
    </div>
  );
  return (
    <section id={`fund-${f.id}`} aria-labelledby={`fund-${f.id}-h`} className="space-y-4 border-t border-neutral-200 pt-6">
      <h2 id={`fund-${f.id}-h`}>{f.name}</h2>
      <p>{f.purpose}</p>
      <p className="text-sm text-neutral-700">{f.delayDays === 0 ? t("upToNow") : t("upTo", { date: dateOf(f.cutoff), days: f.delayDays })}</p>

      <h3>{t("funnelTitle")}</h3>
      <BarChart id={`funnel-${f.id}`} title={t("funnelChartTitle", { fund: f.name })} description={f.funnel.map((c, i) => `${stageName(i)}: ${people(c)}`).join("; ")}
        bars={f.funnel.map((c, i) => ({ label: stageName(i), value: c.hidden ? null : c.count, display: people(c) }))} />
      <div className="overflow-x-auto">
        <table>
          <caption className="text-left font-semibold">{t("funnelTableCaption")}</caption>
          <thead><tr><th scope="col">{t("stage")}</th><th scope="col">{t("people")}</th><th scope="col">{t("amount")}</th></tr></thead>
          <tbody>{f.funnel.map((c, i) => <tr key={i}><th scope="row">{stageName(i)}</th><td>{people(c)}</td><td>{amount(c)}</td></tr>)}</tbody>
        </table>
      </div>

      {received.length > 0 && (
        <>
          <h3>{t("weeksTitle")}</h3>
          <WeekChart id={`weeks-${f.id}`} title={t("weeksChartTitle", { fund: f.name })} format={(v) => String(v)}
            description={received.map((w) => `${w.week}: ${people(w.cell)}`).join("; ")}
            points={received.map((w) => ({ week: w.week, value: w.cell.hidden ? null : w.cell.count }))} />
          <details>
            <summary className="cursor-pointer">{t("weeksTable")}</summary>
            <div className="overflow-x-auto">
              <table>
                <thead><tr><th scope="col">{t("weekOf")}</th>{STAGES.map((_, i) => <th key={i} scope="col">{stageName(i)}</th>)}<th scope="col">{t("paidAmount")}</th></tr></thead>
                <tbody>{f.weeks.map((w) => <tr key={w.key}><th scope="row">{w.key}</th>{w.cells.map((c, i) => <td key={i}>{people(c)}</td>)}<td>{amount(w.cells[4]!)}</td></tr>)}</tbody>
              </table>
            </div>
          </details>
        </>
      )}

      {f.byCategory.length > 0 && table(f.byCategory.map((r) => ({ ...r, label: te(`SituationCategory.${r.key}` as never) })), t("byCategory"))}
      {f.byPurpose.length > 0 && table(f.byPurpose.map((r) => ({ ...r, label: te(`AidPurpose.${r.key}` as never) })), t("byPurpose"))}

      {f.roots.length > 0 && (
        <div className="overflow-x-auto">
          <table>
            <caption className="text-left font-semibold">{t("rootsCaption")}</caption>
            <thead><tr><th scope="col">{t("weekOf")}</th><th scope="col">{t("payouts")}</th><th scope="col">{t("root")}</th></tr></thead>
            <tbody>
              {f.roots.map((r) => (
                <tr key={r.weekStart}>
                  <th scope="row">{r.weekStart}{r.final ? "" : ` (${t("provisional")})`}</th>
                  <td>{r.leaves.hidden ? t("fewerThan5") : r.leaves.count}</td>
                  <td className="break-all font-mono text-xs">{r.root}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
