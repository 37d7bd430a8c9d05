import crypto from "node:crypto";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { AccessDenied } from "@/components/layout/access-denied";
import { pageActor } from "@/lib/authz/page-actor";
import { donorOverview, openFundsForPledges } from "@/lib/funds/donor";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money/money";
import type { Cell } from "@/lib/transparency/rules";
import { DonorPledgeForm } from "./donor-pledge-form";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | undefined>> };

export default async function PledgesPage({ params, searchParams }: Props) {
  const { locale } = await params;
  const sp = await searchParams;
  setRequestLocale(locale);
  const actor = await pageActor(locale, "/pledges", "pledge:read:own");
  if (!actor) return <AccessDenied />;
  const [t, tm, te, format, overview, funds] = await Promise.all([
    getTranslations("donor"),
    getTranslations("money"),
    getTranslations("enums"),
    getFormatter(),
    donorOverview(actor),
    openFundsForPledges(),
  ]);
  const pct = (x: number) => format.number(x, { style: "percent", maximumFractionDigits: 1 });
  return (
    <div className="space-y-8">
      <h1>{t("title")}</h1>
      <p>{t("lead")}</p>
      {sp.pledged && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3">
          {tm("pledgeRecorded")}
        </p>
      )}

      <section aria-labelledby="mine-h" className="space-y-2">
        <h2 id="mine-h">{t("yourPledges")}</h2>
        {overview.pledges.length === 0 ? (
          <p>{t("noPledges")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("fund")}</th>
                  <th scope="col">{t("pledged")}</th>
                  <th scope="col">{t("received")}</th>
                  <th scope="col">{t("status")}</th>
                </tr>
              </thead>
              <tbody>
                {overview.pledges.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      {p.fund.name}
                      {p.purposeRestriction ? ` · ${tm("restrictedTo", { purpose: te(`AidPurpose.${p.purposeRestriction}`) })}` : ""}
                    </th>
                    <td>{formatMoney(p.amountMinor, p.fund.currency, locale)}</td>
                    <td>{formatMoney(p.receivedMinor, p.fund.currency, locale)}</td>
                    <td>{te(`PledgeStatus.${p.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {overview.funds.map(({ report: r, receivedFromYou, notYetPublished, share }) => {
        const money = (v: number) => formatMoney(v, r.currency, locale);
        const paid = (cells: Cell[]) => cells[4]!;
        const count = (c: Cell) => (c.hidden ? t("fewerThan5") : c.count);
        const fundPaid = (c: Cell) => (c.hidden ? "—" : money(c.amountMinor));
        const yours = (c: Cell) => (c.hidden ? "—" : money(Math.round(c.amountMinor * share)));
        const table = (caption: string, group: string, rows: { key: string; label: string; cell: Cell }[]) => (
          <div className="overflow-x-auto">
            <table>
              <caption className="text-left font-semibold">{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{group}</th>
                  <th scope="col">{t("peoplePaid")}</th>
                  <th scope="col">{t("fundPaid")}</th>
                  <th scope="col">{t("yourShare")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((x) => (
                  <tr key={x.key}>
                    <th scope="row">{x.label}</th>
                    <td>{count(x.cell)}</td>
                    <td>{fundPaid(x.cell)}</td>
                    <td>{yours(x.cell)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
        return (
          <section key={r.id} aria-labelledby={`d-${r.id}`} className="space-y-3">
            <h2 id={`d-${r.id}`}>{t("whatItPaid", { fund: r.name })}</h2>
            {/* The table above counts every receipt; these figures only what is published (the fund's delay). */}
            <p>
              {r.delayDays === 0
                ? t("shareLine", { yours: money(receivedFromYou), total: money(r.received), share: pct(share) })
                : t("shareLinePublished", {
                    days: r.delayDays,
                    date: format.dateTime(r.cutoff, { dateStyle: "medium", timeZone: "UTC" }),
                    yours: money(receivedFromYou),
                    total: money(r.received),
                    share: pct(share),
                  })}
              {notYetPublished > 0 && <> {t("notYetPublished", { amount: money(notYetPublished), days: r.delayDays })}</>}
            </p>
            <p className="text-sm text-neutral-700">
              {r.delayDays === 0 ? `${t("upToNow")} ` : ""}
              {t("privacy")}
            </p>
            {table(
              t("byPurpose"),
              t("purpose"),
              r.byPurpose.map((row) => ({ key: row.key, label: te(`AidPurpose.${row.key}` as never), cell: paid(row.cells) })),
            )}
            {table(
              t("byWeek"),
              t("weekOf"),
              r.weeks.map((w) => ({ key: w.key, label: w.key, cell: paid(w.cells) })).filter((x) => x.cell.hidden || x.cell.count > 0),
            )}
          </section>
        );
      })}

      <section aria-labelledby="new-h" className="space-y-2">
        <h2 id="new-h">{t("newPledge")}</h2>
        {funds.length === 0 ? <p>{t("noOpenFunds")}</p> : <DonorPledgeForm funds={funds} idempotencyKey={crypto.randomUUID()} />}
      </section>
      <p>
        <Link href="/transparency">{t("toTransparency")}</Link>
      </p>
    </div>
  );
}
