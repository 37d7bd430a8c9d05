"use client";
import { useTranslations } from "next-intl";
import { ActionForm, Field, Select } from "@/components/form/action-form";
import { recordPledgeAction } from "@/lib/funds/actions";
import { PURPOSES } from "@/lib/funds/schemas";

export function DonorPledgeForm({
  funds,
  idempotencyKey,
}: {
  funds: { id: string; name: string; currency: string }[];
  idempotencyKey: string;
}) {
  const t = useTranslations("money");
  const td = useTranslations("donor");
  const te = useTranslations("enums");
  return (
    <ActionForm action={recordPledgeAction} hidden={{ idempotencyKey }} submitLabel={t("recordPledge")}>
      {(v) => (
        <>
          <Select
            id="donor-fund"
            name="fundId"
            label={td("fund")}
            defaultValue={v.fundId ?? funds[0]?.id}
            options={funds.map((f) => ({ value: f.id, label: `${f.name} (${f.currency})` }))}
          />
          <Field id="donor-name" name="donorName" label={t("yourPublicName")} hint={td("nameHint")} defaultValue={v.donorName} />
          <div className="flex items-center gap-2">
            <input id="donor-anonymous" name="anonymous" type="checkbox" defaultChecked={v.anonymous === "on"} className="h-5 w-5" />
            <label htmlFor="donor-anonymous">{t("anonymousToPublic")}</label>
          </div>
          <Field id="donor-amount" name="amount" label={td("amount")} inputMode="decimal" defaultValue={v.amount} />
          <Field
            id="donor-currency"
            name="currency"
            label={t("currency")}
            hint={td("currencyHint")}
            defaultValue={v.currency ?? funds[0]?.currency}
          />
          <Select
            id="donor-purpose"
            name="purposeRestriction"
            label={t("restriction")}
            defaultValue={v.purposeRestriction ?? ""}
            options={[{ value: "", label: t("noRestriction") }, ...PURPOSES.map((p) => ({ value: p, label: te(`AidPurpose.${p}`) }))]}
          />
          <Field id="donor-due" name="dueDate" type="date" label={t("dueDate")} defaultValue={v.dueDate} />
        </>
      )}
    </ActionForm>
  );
}
