import crypto from "node:crypto";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { AccessDenied } from "@/components/layout/access-denied";
import { AccessLogTable } from "@/components/cases/access-log-table";
import { pageActor } from "@/lib/authz/page-actor";
import { getManagedFund } from "@/lib/funds/queries";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney, minorToInput } from "@/lib/money/money";
import { casesAwaitingPayout } from "@/lib/payouts/queries";
import { accessLog } from "@/lib/reviews/access-log";
import { fundableCourses } from "@/lib/courses/funding";
import { ConfirmationForms, FundCourseForm, LapseForm, PledgeForm, ReceiptForm, RequestPayoutForm } from "./money-forms";
import { pendingConfirmations } from "@/lib/funds/confirmations";
import { RulingForm } from "./ruling-form";
import { ImportSealedForm } from "./import-sealed-form";
import { blockedCases } from "@/lib/reviews/rule-on-rejection";
import { can } from "@/lib/authz/permissions";
import { rolesOf } from "@/lib/authz/actor";
import { ApplicationStatus } from "@/lib/db/generated/enums";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | undefined>> };

export default async function FundPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  const sp = await searchParams;
  setRequestLocale(locale);
  const actor = await pageActor(locale, `/funds/${id}`, "fund:read:org");
  if (!actor) return <AccessDenied />;
  const fund = await getManagedFund(actor, id);
  if (!fund) notFound();
  const [format, t, tm, te, tv, ta, access, awaiting] = await Promise.all([
    getFormatter(),
    getTranslations("funds"),
    getTranslations("money"),
    getTranslations("enums"),
    getTranslations("validation"),
    getTranslations("admin"),
    accessLog(actor, { fundId: fund.id, take: 10 }),
    casesAwaitingPayout(actor, id),
  ]);
  const [courses, blocked, confirmations] = await Promise.all([
    fundableCourses(actor, fund.id),
    can(rolesOf(actor), "application:overrule:org") ? blockedCases(actor, fund.id) : [],
    pendingConfirmations(actor, fund.id),
  ]);
  const mayExportPersonal = can(rolesOf(actor), "application:export-personal:org");
  const money = (m: number) => formatMoney(m, fund.currency, locale);
  const key = () => crypto.randomUUID();
  const ruled = Object.values(ApplicationStatus).find((s) => s === sp.ruled);
  const notice = ruled
    ? t("ruled", { stage: te(`ApplicationStatus.${ruled}`) })
    : sp.saved
      ? sp.waiting
        ? t("savedWaiting")
        : t("saved")
      : sp.confirmation === "CONFIRMED"
        ? tm("confirmationConfirmed")
        : sp.confirmation === "REFUSED"
          ? tm("confirmationRefused")
          : sp.pledged
            ? tm("pledgeRecorded")
            : sp.received === "waiting"
              ? tm("receiptWaiting")
              : sp.received
                ? tm("receiptRecorded")
                : sp.lapsed
                  ? tm("pledgeLapsed")
                  : sp.funded
                    ? tm("courseFunded")
                    : null;
  const mine = awaiting;
  return (
    <article className="space-y-6">
      <p>
        <Link href="/funds">{t("back")}</Link>
      </p>
      <h1>{fund.name}</h1>
      {notice && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3">
          {notice}
        </p>
      )}
      <p>{fund.purpose}</p>
      <p>
        {te(`FundStatus.${fund.status}`)} · {t("capShort", { amount: money(fund.perApplicantCapMinor) })} ·{" "}
        {t("approvalsShort", { count: fund.requiredApprovals })} · {t("delayShort", { days: fund.publicationDelayDays })} ·{" "}
        <Link href={`/funds/${fund.id}/settings`}>{t("editSettings")}</Link>
      </p>

      <section aria-labelledby="figures" className="space-y-2">
        <h2 id="figures">{tm("figures")}</h2>
        <div className="overflow-x-auto">
          <table>
            <thead>
              <tr>
                <th scope="col">{tm("bucket")}</th>
                <th scope="col">{t("received")}</th>
                <th scope="col">{t("committed")}</th>
                <th scope="col">{t("paid")}</th>
                <th scope="col">{t("available")}</th>
              </tr>
            </thead>
            <tbody>
              {[...fund.buckets.entries()].map(([bucket, f]) => (
                <tr key={bucket}>
                  <th scope="row">
                    {bucket === "ANY" ? tm("unrestricted") : tm("restrictedTo", { purpose: te(`AidPurpose.${bucket}` as never) })}
                  </th>
                  <td>{money(f.received)}</td>
                  <td>{money(f.committed)}</td>
                  <td>{money(f.paid)}</td>
                  <td>{money(f.available)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{tm("total")}</th>
                <td data-testid="fund-received">{money(fund.received)}</td>
                <td>{money(fund.committed)}</td>
                <td data-testid="fund-paid">{money(fund.paid)}</td>
                <td data-testid="fund-available">{money(fund.available)}</td>
              </tr>
            </tbody>
          </table>
        </div>
        <p>
          {t("pledged")}: {money(fund.pledged)}
        </p>
      </section>

      <section id="confirmations" aria-labelledby="confirmations-h" className="space-y-3">
        <h2 id="confirmations-h">{tm("confirmationsTitle")}</h2>
        <p className="text-sm text-neutral-700">{tm("confirmationsLead", { amount: money(fund.receiptConfirmationAboveMinor) })}</p>
        {confirmations.length === 0 ? (
          <p>{tm("noConfirmations")}</p>
        ) : (
          <ul className="space-y-3">
            {confirmations.map((r) => {
              const what =
                r.kind === "RECEIPT"
                  ? tm("confirmReceiptWhat", { amount: money(r.amountMinor ?? 0), donor: r.donor ?? "—" })
                  : tm("confirmSettingsWhat", {
                      changes: [
                        r.settings.requiredApprovals !== undefined ? tm("settingApprovals", { count: r.settings.requiredApprovals }) : null,
                        r.settings.revealNeedsSecondReviewer === false ? tm("settingRevealAlone") : null,
                        r.settings.receiptConfirmationAboveMinor !== undefined
                          ? tm("settingThreshold", { amount: money(r.settings.receiptConfirmationAboveMinor) })
                          : null,
                        r.settings.retentionMonths !== undefined ? tm("settingRetention", { months: r.settings.retentionMonths }) : null,
                      ]
                        .filter(Boolean)
                        .join("; "),
                    });
              return (
                <li key={r.id} className="space-y-2 rounded border border-amber-700 p-3">
                  <p>{what}</p>
                  {r.mine ? (
                    <p className="text-sm text-neutral-700">{tm("confirmationYours")}</p>
                  ) : (
                    <ConfirmationForms requestId={r.id} what={what} />
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section id="pledges" aria-labelledby="pledges-h" className="space-y-3">
        <h2 id="pledges-h">{t("pledges")}</h2>
        {fund.pledges.length === 0 ? (
          <p>{tm("noPledges")}</p>
        ) : (
          <ul className="space-y-3">
            {fund.pledges.map((p) => (
              <li
                key={p.id}
                className="space-y-2 rounded border border-neutral-200 p-3"
                aria-label={tm("pledgeBy", { donor: p.donorDisplayName })}
              >
                <p>
                  <strong>{p.donorDisplayName}</strong>
                  {p.isAnonymous ? ` (${tm("anonymousToPublic")})` : ""} — {money(p.amountMinor)}
                  {p.purposeRestriction ? ` · ${tm("restrictedTo", { purpose: te(`AidPurpose.${p.purposeRestriction}`) })}` : ""} ·{" "}
                  {te(`PledgeStatus.${p.status}`)} · {tm("receivedSoFar", { amount: money(p.receivedMinor) })}
                </p>
                {(p.status === "PLEDGED" || p.status === "PARTLY_RECEIVED") && (
                  <div className="flex flex-wrap items-end gap-4">
                    <ReceiptForm
                      pledgeId={p.id}
                      currency={fund.currency}
                      idempotencyKey={key()}
                      outstanding={minorToInput(p.amountMinor - p.receivedMinor, fund.currency)}
                    />
                    <LapseForm pledgeId={p.id} idempotencyKey={key()} />
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
        <details className="rounded border border-neutral-200 p-3">
          <summary className="cursor-pointer font-semibold">{tm("newPledge")}</summary>
          <PledgeForm fundId={fund.id} currency={fund.currency} idempotencyKey={key()} />
        </details>
      </section>

      <section id="blocked" aria-labelledby="blocked-h" className="space-y-3">
        <h2 id="blocked-h">{t("blockedTitle")}</h2>
        <p className="text-sm text-neutral-700">{t("blockedLead")}</p>
        {blocked.length === 0 ? (
          <p>{t("noneBlocked")}</p>
        ) : (
          <ul className="space-y-3">
            {blocked.map((c) => (
              <li key={c.id} className="space-y-2 rounded border border-neutral-200 p-3">
                <p>
                  <strong>{c.referenceCode}</strong> ·{" "}
                  {t("blockedVotes", { approvals: c.approvals, needed: c.fund.requiredApprovals, rejections: c.rejections.length })}
                </p>
                <ul className="list-disc pl-6">
                  {c.rejections.map((r, i) => (
                    <li key={i}>{t("rejectionReason", { reason: r || "—" })}</li>
                  ))}
                </ul>
                {c.iVoted ? <p>{t("youVoted")}</p> : <RulingForm applicationId={c.id} reference={c.referenceCode ?? ""} />}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section id="awaiting" aria-labelledby="awaiting-h" className="space-y-3">
        <h2 id="awaiting-h">{tm("awaitingPayout")}</h2>
        {mine.length === 0 ? (
          <p>{tm("noneAwaiting")}</p>
        ) : (
          <ul className="space-y-3">
            {mine.map((c) => (
              <li key={c.id} className="space-y-2 rounded border border-neutral-200 p-3">
                <p>
                  <strong>{c.referenceCode}</strong> · {c.purpose ? te(`AidPurpose.${c.purpose}`) : ""} ·{" "}
                  {tm("approvedRemaining", { approved: money(c.approvedAmountMinor ?? 0), remaining: money(c.remainingMinor) })}
                </p>
                <RequestPayoutForm
                  applicationId={c.id}
                  reference={c.referenceCode ?? ""}
                  remaining={minorToInput(c.remainingMinor, fund.currency)}
                  currency={fund.currency}
                  idempotencyKey={key()}
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section id="courses" aria-labelledby="courses-h" className="space-y-3">
        <h2 id="courses-h">{tm("coursesTitle")}</h2>
        <p className="text-sm text-neutral-700">{tm("coursesLead")}</p>
        {courses.length === 0 ? (
          <p>{tm("noFundableCourses")}</p>
        ) : (
          <ul className="space-y-3">
            {courses.map((c) => (
              <li key={c.id} className="space-y-2 rounded border border-neutral-200 p-3">
                <p>
                  <strong>{c.title}</strong> · {c.provider.name}
                </p>
                {c.fundId && (
                  <p>
                    {tm("paidByThisFundTerms", {
                      seats: c.fundedSeats ?? 0,
                      fee: money(c.feeMinor ?? 0),
                      budget: money((c.feeMinor ?? 0) * (c.fundedSeats ?? 0)),
                      used: c.fundedSeatsUsed,
                    })}
                  </p>
                )}
                {c.fundingSuspendedAt && (
                  <p role="alert" className="rounded border border-amber-700 bg-amber-50 p-3">
                    {tm("fundingSuspended", {
                      when: format.dateTime(c.fundingSuspendedAt, { dateStyle: "medium", timeStyle: "short" }),
                      seats: c.seats,
                    })}
                  </p>
                )}
                <FundCourseForm
                  fundId={fund.id}
                  courseId={c.id}
                  title={c.title}
                  currency={fund.currency}
                  idempotencyKey={key()}
                  fee={c.feeMinor ? minorToInput(c.feeMinor, fund.currency) : ""}
                  seats={c.fundedSeats ? String(c.fundedSeats) : ""}
                  submitLabel={
                    c.fundingSuspendedAt
                      ? tm("acceptCourseChange", { course: c.title })
                      : c.fundId
                        ? tm("updateCourseFunding", { course: c.title })
                        : tm("fundCourse", { course: c.title })
                  }
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      {can(rolesOf(actor), "fund:manage:org") && (
        <section id="sealed" aria-labelledby="sealed-h" className="space-y-2">
          <h2 id="sealed-h">{t("sealedTitle")}</h2>
          <p>{t("sealedLead")}</p>
          <ImportSealedForm fundId={fund.id} />
        </section>
      )}

      <section id="export" aria-labelledby="export-h" className="space-y-2">
        <h2 id="export-h">{t("exportTitle")}</h2>
        {sp.exportError && (
          <p role="alert" className="rounded border border-red-700 bg-red-50 p-3">
            {sp.exportError === "reason" ? t("exportReasonNeeded") : tv("form_tampered")}
          </p>
        )}
        <form method="post" action={`/api/funds/${fund.id}/export`} className="flex flex-col gap-2 rounded border border-neutral-200 p-3">
          <input type="hidden" name="locale" value={locale} />
          <label htmlFor="export-stage" className="font-medium">
            {t("exportStage")}
          </label>
          <select id="export-stage" name="stage" defaultValue="" className="self-start rounded border border-neutral-400 px-3 py-2">
            <option value="">{t("exportAllStages")}</option>
            {Object.values(ApplicationStatus)
              .filter((s) => s !== "DRAFT")
              .map((s) => (
                <option key={s} value={s}>
                  {te(`ApplicationStatus.${s}`)}
                </option>
              ))}
          </select>
          {mayExportPersonal && (
            <>
              <label className="flex items-center gap-2">
                <input type="checkbox" name="personal" value="1" className="h-5 w-5" />
                {t("exportPersonal")}
              </label>
              <p className="text-sm text-neutral-700">{t("exportPersonalHint")}</p>
              <label htmlFor="export-reason" className="font-medium">
                {t("exportReason")}
              </label>
              <textarea id="export-reason" name="reason" rows={2} className="rounded border border-neutral-400 px-3 py-2" />
            </>
          )}
          <button type="submit" className="self-start rounded border border-brand-700 px-4 py-2 font-semibold text-brand-700">
            {t("exportButton")}
          </button>
        </form>
      </section>

      <section className="space-y-2">
        <h2>{t("accessLog")}</h2>
        {access.length === 0 ? (
          <p>{t("accessEmpty")}</p>
        ) : (
          <>
            <p className="text-sm text-neutral-700">
              {ta("latestEntries", { count: 10 })} <Link href={`/funds/${fund.id}/access-log`}>{ta("seeAllAccess")}</Link>
            </p>
            <AccessLogTable rows={access} />
          </>
        )}
      </section>
    </article>
  );
}
