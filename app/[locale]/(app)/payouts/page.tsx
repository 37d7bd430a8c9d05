import crypto from "node:crypto";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { AccessDenied } from "@/components/layout/access-denied";
import { pageActor } from "@/lib/authz/page-actor";
import type { PayoutStatus } from "@/lib/db/generated/enums";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money/money";
import { managerPayouts } from "@/lib/payouts/queries";
import { actionsAt } from "@/lib/payouts/rules";
import { PayoutActions, ReconcileForm } from "./payout-forms";
import { hasTwoFactor } from "@/lib/auth/two-factor";

const ORDER: PayoutStatus[] = ["REQUESTED", "APPROVED", "NOT_RECEIVED", "INVESTIGATING", "SENT", "CONFIRMED", "FAILED", "CANCELLED"];

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | undefined>> };

export default async function PayoutsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  const sp = await searchParams;
  setRequestLocale(locale);
  const actor = await pageActor(locale, "/payouts", "fund:read:org");
  if (!actor) return <AccessDenied />;
  const [t, tm, te, format, payouts, needsCode] = await Promise.all([
    getTranslations("payouts"),
    getTranslations("money"),
    getTranslations("enums"),
    getFormatter(),
    managerPayouts(actor),
    hasTwoFactor(actor.userId),
  ]);
  const notice = sp.requested
    ? tm("requested", { reference: sp.requested })
    : sp.done
      ? tm("stepDone", { status: te(`PayoutStatus.${sp.done}` as never) })
      : null;
  const approvedBank = payouts.filter((p) => p.status === "APPROVED" && p.method === "BANK_TRANSFER").length;
  return (
    <div className="space-y-6">
      <h1>{t("title")}</h1>
      <p>{t("lead")}</p>
      {notice && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3">
          {notice}
        </p>
      )}
      <p className="text-sm text-neutral-700">{tm("dutiesHint")}</p>
      {payouts.length === 0 && <p>{t("none")}</p>}
      {ORDER.map((status) => {
        const group = payouts.filter((p) => p.status === status);
        if (group.length === 0) return null;
        return (
          <section key={status} aria-labelledby={`h-${status}`} className="space-y-3">
            <h2 id={`h-${status}`}>
              {te(`PayoutStatus.${status}`)} ({group.length})
            </h2>
            <ul className="space-y-3">
              {group.map((p) => {
                const actions = actionsAt(p.status, "manager").filter((a) => !(a === "approve" && p.requestedById === actor.userId));
                return (
                  <li key={p.id} id={`payout-${p.id}`} className="space-y-2 rounded border border-neutral-200 p-3">
                    <p>
                      <strong>{p.reference}</strong> · {formatMoney(p.amountMinor, p.fund.currency, locale)} · {p.fund.name} ·{" "}
                      {tm("caseRef", { reference: p.application.referenceCode ?? "—" })}
                      {p.tranche > 1 ? ` · ${tm("tranche", { n: p.tranche })}` : ""}
                      {p.attempt > 1 ? ` · ${tm("attempt", { n: p.attempt })}` : ""}
                    </p>
                    <p className="text-sm">
                      {p.method ? te(`PayoutMethod.${p.method}`) : "—"}: <span className="font-mono">{p.details || "—"}</span>
                    </p>
                    <p className="text-sm text-neutral-700">
                      {tm("requestedBy", { who: p.requestedBy.email ?? "—", when: format.dateTime(p.createdAt, { dateStyle: "medium" }) })}
                      {p.approvedBy ? ` · ${tm("approvedBy", { who: p.approvedBy.email ?? "—" })}` : ""}
                      {p.cancelReason ? ` · ${tm("cancelledBecause", { reason: p.cancelReason })}` : ""}
                    </p>
                    {p.status === "REQUESTED" && p.requestedById === actor.userId && <p className="text-sm">{tm("needsOtherManager")}</p>}
                    {actions.length > 0 && (
                      <PayoutActions
                        payoutId={p.id}
                        reference={p.reference}
                        status={p.status}
                        attempt={p.attempt}
                        actions={actions}
                        method={p.method ?? "BANK_TRANSFER"}
                        keys={Object.fromEntries(actions.map((a) => [a, crypto.randomUUID()]))}
                        needsCode={needsCode}
                      />
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}

      <section aria-labelledby="batch-h" className="space-y-3">
        <h2 id="batch-h">{tm("batchTitle")}</h2>
        <p>{tm("batchLead", { count: approvedBank })}</p>
        <p>
          <a href="/api/payouts/batch" download>
            {tm("downloadBatch")}
          </a>
        </p>
        <ReconcileForm idempotencyKey={crypto.randomUUID()} />
      </section>
      <p>
        <Link href="/funds">{tm("toFunds")}</Link>
      </p>
    </div>
  );
}
