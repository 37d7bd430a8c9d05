"use client";
// The fund manager's money forms on a fund page. Each posts to a server action with an idempotency key
// rendered by the server, so a double click or a retried post records the money once.
import { useTranslations } from "next-intl";
import { ActionForm, Field, Select } from "@/components/form/action-form";
import {
  decideConfirmationAction,
  fundCourseAction,
  lapsePledgeAction,
  recordPledgeAction,
  recordReceiptAction,
} from "@/lib/funds/actions";
import { PURPOSES } from "@/lib/funds/schemas";
import { requestPayoutAction } from "@/lib/payouts/actions";
import { METHODS } from "@/lib/payouts/schemas";

export function PledgeForm({
  fundId,
  currency,
  idempotencyKey,
  donor,
}: {
  fundId: string;
  currency: string;
  idempotencyKey: string;
  donor?: boolean;
}) {
  const t = useTranslations("money");
  const te = useTranslations("enums");
  return (
    <ActionForm action={recordPledgeAction} hidden={{ fundId, idempotencyKey }} submitLabel={t("recordPledge")}>
      {(v) => (
        <>
          <Field id="pledge-donor" name="donorName" label={donor ? t("yourPublicName") : t("donorName")} defaultValue={v.donorName} />
          <div className="flex items-center gap-2">
            <input id="pledge-anonymous" name="anonymous" type="checkbox" defaultChecked={v.anonymous === "on"} className="h-5 w-5" />
            <label htmlFor="pledge-anonymous">{t("anonymousToPublic")}</label>
          </div>
          <Field id="pledge-amount" name="amount" label={t("pledgeAmount", { currency })} inputMode="decimal" defaultValue={v.amount} />
          <Field id="pledge-currency" name="currency" label={t("currency")} defaultValue={v.currency ?? currency} />
          <Select
            id="pledge-purpose"
            name="purposeRestriction"
            label={t("restriction")}
            defaultValue={v.purposeRestriction ?? ""}
            options={[{ value: "", label: t("noRestriction") }, ...PURPOSES.map((p) => ({ value: p, label: te(`AidPurpose.${p}`) }))]}
          />
          <Field id="pledge-due" name="dueDate" type="date" label={t("dueDate")} defaultValue={v.dueDate} />
        </>
      )}
    </ActionForm>
  );
}

export function ReceiptForm({
  pledgeId,
  currency,
  idempotencyKey,
  outstanding,
}: {
  pledgeId: string;
  currency: string;
  idempotencyKey: string;
  outstanding: string;
}) {
  const t = useTranslations("money");
  return (
    <ActionForm
      action={recordReceiptAction}
      hidden={{ pledgeId, currency, idempotencyKey }}
      submitLabel={t("recordReceipt")}
      className="flex flex-wrap items-end gap-2"
    >
      {(v) => (
        <Field
          id={`receipt-${pledgeId}`}
          name="amount"
          label={t("amountReceived", { currency })}
          inputMode="decimal"
          defaultValue={v.amount ?? outstanding}
        />
      )}
    </ActionForm>
  );
}

export function LapseForm({ pledgeId, idempotencyKey }: { pledgeId: string; idempotencyKey: string }) {
  const t = useTranslations("money");
  return <ActionForm action={lapsePledgeAction} hidden={{ pledgeId, idempotencyKey }} submitLabel={t("markLapsed")} tone="secondary" />;
}

export function RequestPayoutForm({
  applicationId,
  reference,
  remaining,
  currency,
  idempotencyKey,
}: {
  applicationId: string;
  reference: string;
  remaining: string;
  currency: string;
  idempotencyKey: string;
}) {
  const t = useTranslations("money");
  const te = useTranslations("enums");
  return (
    <ActionForm action={requestPayoutAction} hidden={{ applicationId, idempotencyKey }} submitLabel={t("requestPayoutFor", { reference })}>
      {(v) => (
        <>
          <Field
            id={`payout-amount-${applicationId}`}
            name="amount"
            label={t("payoutAmount", { currency })}
            hint={t("trancheHint")}
            inputMode="decimal"
            defaultValue={v.amount ?? remaining}
          />
          <Select
            id={`payout-method-${applicationId}`}
            name="method"
            label={t("method")}
            defaultValue={v.method ?? "BANK_TRANSFER"}
            options={METHODS.map((m) => ({ value: m, label: te(`PayoutMethod.${m}`) }))}
          />
          <Field
            id={`payout-details-${applicationId}`}
            name="details"
            label={t("payoutDetails")}
            hint={t("payoutDetailsHint")}
            defaultValue={v.details}
            multiline
          />
        </>
      )}
    </ActionForm>
  );
}

export function FundCourseForm({
  fundId,
  courseId,
  title,
  currency,
  idempotencyKey,
  fee,
  seats,
  submitLabel,
}: {
  fundId: string;
  courseId: string;
  title: string;
  currency: string;
  idempotencyKey: string;
  fee: string;
  seats: string;
  submitLabel: string;
}) {
  const t = useTranslations("money");
  return (
    <ActionForm
      action={fundCourseAction}
      hidden={{ fundId, courseId, idempotencyKey }}
      submitLabel={submitLabel}
      className="flex flex-wrap items-end gap-2"
    >
      {(v) => (
        <>
          <Field
            id={`seats-${courseId}`}
            name="seats"
            label={t("courseSeats", { course: title })}
            hint={t("courseSeatsHint")}
            inputMode="decimal"
            defaultValue={v.seats ?? seats}
          />
          <Field
            id={`fee-${courseId}`}
            name="fee"
            label={t("courseFee", { currency, course: title })}
            inputMode="decimal"
            defaultValue={v.fee ?? fee}
          />
        </>
      )}
    </ActionForm>
  );
}

/** Another fund manager confirms or refuses a receipt or a weaker setting (never the one who asked). */
export function ConfirmationForms({ requestId, what }: { requestId: string; what: string }) {
  const t = useTranslations("money");
  return (
    <div className="flex flex-wrap gap-2">
      <ActionForm
        action={decideConfirmationAction}
        hidden={{ requestId, decision: "confirm" }}
        submitLabel={t("confirmRequest", { what })}
        className="inline-flex flex-col gap-1"
      />
      <ActionForm
        action={decideConfirmationAction}
        hidden={{ requestId, decision: "refuse" }}
        submitLabel={t("refuseRequest", { what })}
        tone="secondary"
        className="inline-flex flex-col gap-1"
      />
    </div>
  );
}
