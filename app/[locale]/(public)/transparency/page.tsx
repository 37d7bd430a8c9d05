// Public, server-rendered, no client JavaScript needed (the receipt check is a plain form post).
// Aggregates only, after each fund's delay; any group of fewer than 5 people is "fewer than 5".
import { connection } from "next/server";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { formatMoney } from "@/lib/money/money";
import { latestAuditAnchors } from "@/lib/audit/publish-anchor";
import { publicCourseOutcomes } from "@/lib/courses/queries";
import { transparencyReport, type FundReport } from "@/lib/transparency/queries";
import { FundSection } from "./fund-section";
import { ReceiptCheckForm } from "./receipt-check";

// Reflow classes of the money table below 640 px: a card per row, each figure beside its column's name.
const ROW = "max-sm:block max-sm:rounded max-sm:border max-sm:border-neutral-300 max-sm:p-2";
const HEAD = "max-sm:block max-sm:border-0 max-sm:px-0";
const CELL =
  "max-sm:flex max-sm:justify-between max-sm:gap-4 max-sm:border-0 max-sm:px-0 max-sm:py-1 max-sm:text-right max-sm:before:text-left max-sm:before:font-medium max-sm:before:content-[attr(data-label)]";

export default async function TransparencyPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await connection();
  const [t, te, format, funds, courses, anchors] = await Promise.all([
    getTranslations("transparency"),
    getTranslations("enums"),
    getFormatter(),
    transparencyReport(),
    publicCourseOutcomes(),
    latestAuditAnchors(),
  ]);
  const people = (c: { hidden: boolean; count?: number }) => (c.hidden ? t("fewerThan5") : String(c.count ?? 0));
  const currencies = [...new Set(funds.map((f) => f.currency))];
  return (
    <div className="space-y-8">
      <h1>{t("title")}</h1>
      <p>{t("lead")}</p>
      <p className="text-sm text-neutral-700">{t("privacyRules")}</p>
      {funds.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <section aria-labelledby="totals-h" className="space-y-2">
          <h2 id="totals-h">{t("totalsTitle")}</h2>
          {/* On a phone each fund is a card of labelled figures (the table reflows; explicit roles keep it a
              table for screen readers whatever its display); from 640 px it is an ordinary table. */}
          <table role="table" className="max-sm:block">
            <thead role="rowgroup" className="max-sm:sr-only">
              <tr role="row">
                <th role="columnheader" scope="col">
                  {t("fund")}
                </th>
                <th role="columnheader" scope="col">
                  {t("pledged")}
                </th>
                <th role="columnheader" scope="col">
                  {t("received")}
                </th>
                <th role="columnheader" scope="col">
                  {t("paid")}
                </th>
                <th role="columnheader" scope="col">
                  {t("available")}
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup" className="max-sm:block max-sm:space-y-3">
              {funds.map((f) => {
                const m = (v: number | null) => (v === null ? t("fewerThan5People") : formatMoney(v, f.currency, locale));
                return (
                  <tr key={f.id} role="row" className={ROW}>
                    <th role="rowheader" scope="row" className={HEAD}>
                      <a href={`#fund-${f.id}`}>{f.name}</a>
                      <br />
                      <span className="font-normal text-neutral-700">{f.organisation}</span>
                    </th>
                    <td role="cell" data-label={t("pledged")} className={CELL}>
                      {m(f.pledged)}
                    </td>
                    <td role="cell" data-label={t("received")} className={CELL}>
                      {m(f.received)}
                    </td>
                    <td role="cell" data-label={t("paid")} className={CELL}>
                      {m(f.paid)}
                    </td>
                    <td role="cell" data-label={t("available")} className={CELL}>
                      {m(f.available)}
                    </td>
                  </tr>
                );
              })}
              {currencies.map((c) => {
                const of = funds.filter((f) => f.currency === c);
                const sum = (pick: (f: FundReport) => number | null) =>
                  of.some((f) => pick(f) === null)
                    ? t("fewerThan5People")
                    : formatMoney(
                        of.reduce((s, f) => s + (pick(f) ?? 0), 0),
                        c,
                        locale,
                      );
                return (
                  <tr key={c} role="row" className={`font-semibold ${ROW}`}>
                    <th role="rowheader" scope="row" className={HEAD}>
                      {t("totalIn", { currency: c })}
                    </th>
                    <td role="cell" data-label={t("pledged")} className={CELL}>
                      {sum((f) => f.pledged)}
                    </td>
                    <td role="cell" data-label={t("received")} className={CELL}>
                      {sum((f) => f.received)}
                    </td>
                    <td role="cell" data-label={t("paid")} className={CELL}>
                      {sum((f) => f.paid)}
                    </td>
                    <td role="cell" data-label={t("available")} className={CELL}>
                      {sum((f) => f.available)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}

      {funds.map((f) => (
        <FundSection
          key={f.id}
          f={f}
          locale={locale}
          t={t}
          te={te}
          dateOf={(d) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" })}
          detail={false}
        />
      ))}

      <section aria-labelledby="courses-h" className="space-y-2 border-t border-neutral-200 pt-6">
        <h2 id="courses-h">{t("coursesTitle")}</h2>
        <p>
          {t("coursesLine", { enrolled: people(courses.enrolled), completed: people(courses.completed), hired: people(courses.hired) })}
        </p>
      </section>

      {/* The audit anchor: one hash over the whole history of recorded actions, published daily. Whoever keeps
          a copy can later check that nothing before it was changed (npm run audit:verify --anchor). */}
      <section id="anchor" aria-labelledby="anchor-h" className="space-y-3 border-t border-neutral-200 pt-6">
        <h2 id="anchor-h">{t("anchorTitle")}</h2>
        <p>{t("anchorExplained")}</p>
        {anchors.length === 0 ? (
          <p>{t("anchorNone")}</p>
        ) : (
          <>
            <p>
              {t("anchorLatest", {
                when: format.dateTime(anchors[0]!.publishedAt, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }),
              })}
            </p>
            <p className="break-all font-mono text-xs" aria-label={t("anchorToKeep")}>
              {anchors[0]!.reference}
            </p>
            {anchors[0]!.signedText ? (
              <pre
                className="overflow-x-auto whitespace-pre-wrap break-all rounded border border-neutral-300 p-2 text-xs"
                aria-label={t("anchorSigned")}
              >
                {anchors[0]!.signedText}
              </pre>
            ) : (
              <p className="text-sm text-neutral-700">{t("anchorUnsigned")}</p>
            )}
            {anchors.length > 1 && (
              <>
                <h3>{t("anchorEarlier")}</h3>
                <ul className="space-y-1">
                  {anchors.slice(1).map((a) => (
                    <li key={a.id} className="break-all font-mono text-xs">
                      {a.reference}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </section>

      <section id="check" aria-labelledby="check-h" className="space-y-3">
        <h2 id="check-h">{t("checkTitle")}</h2>
        <p>{t("merkleExplained")}</p>
        <ReceiptCheckForm />
      </section>
    </div>
  );
}
