"use client";
// Create or edit a fund. The same zod schema validates here (react-hook-form) and in the server action;
// without JavaScript the form posts and comes back with the server's translated errors and the values.
import { useTranslations } from "next-intl";
import { CheckboxField } from "@/components/form/checkbox-field";
import { EnumCheckboxGroup, EnumSelectField, formDefaults } from "@/components/form/enum-fields";
import { FormMessage } from "@/components/form/form-message";
import { SelectField } from "@/components/form/select-field";
import { TextArea } from "@/components/form/text-area";
import { TextField } from "@/components/form/text-field";
import { useActionForm } from "@/components/form/use-action-form";
import { SubmitButton } from "@/components/ui/button";
import { saveFundAction } from "@/lib/funds/actions";
import { CATEGORIES, CURRENCIES, FundSchema, PURPOSES, REQUIREMENTS } from "@/lib/funds/schemas";

export type FundDefaults = Record<string, string> & { eligibleCategories?: string; eligiblePurposes?: string };

type Props = { defaults: FundDefaults; organisations: { id: string; name: string }[]; currencyLocked: boolean };

export function FundForm({ defaults, organisations, currencyLocked }: Props) {
  const t = useTranslations("funds");
  const f = useActionForm(
    FundSchema,
    saveFundAction,
    formDefaults(defaults, { arrays: ["eligibleCategories", "eligiblePurposes"], booleans: ["open"] }),
  );
  const v = { ...defaults, ...(f.state?.values ?? {}) };
  const group = (name: "eligibleCategories" | "eligiblePurposes", legend: string, values: readonly string[], enumName: string) => (
    <EnumCheckboxGroup f={f} name={name} legend={legend} checked={v[name]} values={values} enumName={enumName} />
  );
  const requirement = (name: "legalNameRequirement" | "phoneRequirement" | "cityRequirement" | "birthDateRequirement", label: string) => (
    <EnumSelectField
      f={f}
      name={name}
      label={label}
      placeholder={t("choose")}
      defaultValue={v[name]}
      values={REQUIREMENTS}
      enumName="FieldRequirement"
    />
  );
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} noValidate className="flex max-w-xl flex-col gap-4">
      <FormMessage state={f.state} />
      <input type="hidden" value={v.fundId ?? ""} {...f.form.register("fundId")} />
      {organisations.length > 1 && !v.fundId ? (
        <SelectField
          id="organisationId"
          label={t("organisation")}
          placeholder={t("choose")}
          defaultValue={v.organisationId}
          errorKey={f.errorKey("organisationId")}
          registration={f.form.register("organisationId")}
          options={organisations.map((o) => ({ value: o.id, label: o.name }))}
        />
      ) : (
        <input type="hidden" value={v.organisationId ?? organisations[0]?.id ?? ""} {...f.form.register("organisationId")} />
      )}
      <TextField
        id="name"
        label={t("fundName")}
        required
        defaultValue={v.name}
        errorKey={f.errorKey("name")}
        registration={f.form.register("name")}
      />
      <TextArea
        id="purpose"
        label={t("fundPurpose")}
        hint={t("fundPurposeHint")}
        rows={3}
        required
        defaultValue={v.purpose}
        errorKey={f.errorKey("purpose")}
        registration={f.form.register("purpose")}
      />
      {currencyLocked ? (
        <>
          <input type="hidden" value={v.currency} {...f.form.register("currency")} />
          <p>
            {t("currency")}: <strong>{v.currency}</strong> — {t("currencyLocked")}
          </p>
        </>
      ) : (
        <SelectField
          id="currency"
          label={t("currency")}
          placeholder={t("choose")}
          defaultValue={v.currency}
          errorKey={f.errorKey("currency")}
          registration={f.form.register("currency")}
          options={CURRENCIES.map((c) => ({ value: c, label: c }))}
        />
      )}
      {group("eligibleCategories", t("eligibleCategories"), CATEGORIES, "SituationCategory")}
      {group("eligiblePurposes", t("eligiblePurposes"), PURPOSES, "AidPurpose")}
      <TextField
        id="cap"
        label={t("cap")}
        hint={t("capHint")}
        inputMode="decimal"
        required
        defaultValue={v.cap}
        errorKey={f.errorKey("cap")}
        registration={f.form.register("cap")}
      />
      <p className="text-sm text-neutral-700">{t("weakerWaitsHint")}</p>
      <TextField
        id="requiredApprovals"
        label={t("requiredApprovals")}
        hint={t("requiredApprovalsHint")}
        inputMode="numeric"
        required
        defaultValue={v.requiredApprovals}
        errorKey={f.errorKey("requiredApprovals")}
        registration={f.form.register("requiredApprovals")}
      />
      <TextField
        id="receiptThreshold"
        label={t("receiptThreshold")}
        hint={t("receiptThresholdHint")}
        inputMode="decimal"
        defaultValue={v.receiptThreshold}
        errorKey={f.errorKey("receiptThreshold")}
        registration={f.form.register("receiptThreshold")}
      />
      <TextField
        id="publicationDelayDays"
        label={t("publicationDelayDays")}
        hint={t("publicationDelayHint")}
        inputMode="numeric"
        required
        defaultValue={v.publicationDelayDays}
        errorKey={f.errorKey("publicationDelayDays")}
        registration={f.form.register("publicationDelayDays")}
      />
      <TextField
        id="retentionMonths"
        label={t("retentionMonths")}
        hint={t("retentionHint")}
        inputMode="numeric"
        required
        defaultValue={v.retentionMonths}
        errorKey={f.errorKey("retentionMonths")}
        registration={f.form.register("retentionMonths")}
      />
      <CheckboxField id="open" label={t("openForApplications")} value={v.open} registration={f.form.register("open")} />
      <TextField
        id="evidenceHint"
        label={t("evidenceHint")}
        defaultValue={v.evidenceHint}
        errorKey={f.errorKey("evidenceHint")}
        registration={f.form.register("evidenceHint")}
      />
      <TextArea
        id="checklist"
        label={t("checklist")}
        hint={t("checklistHint")}
        rows={4}
        defaultValue={v.checklist}
        errorKey={f.errorKey("checklist")}
        registration={f.form.register("checklist")}
      />
      <TextArea
        id="rubric"
        label={t("rubric")}
        hint={t("rubricHint")}
        rows={4}
        defaultValue={v.rubric}
        errorKey={f.errorKey("rubric")}
        registration={f.form.register("rubric")}
      />
      <CheckboxField
        id="revealNeedsSecondReviewer"
        label={t("revealNeedsSecondReviewer")}
        value={v.revealNeedsSecondReviewer}
        registration={f.form.register("revealNeedsSecondReviewer")}
      />
      <fieldset className="space-y-3">
        <legend className="font-medium">{t("personalDetails")}</legend>
        {requirement("legalNameRequirement", t("reqLegalName"))}
        {requirement("phoneRequirement", t("reqPhone"))}
        {requirement("cityRequirement", t("reqCity"))}
        {requirement("birthDateRequirement", t("reqBirthDate"))}
      </fieldset>
      <SubmitButton pending={f.pending}>{v.fundId ? t("saveFund") : t("createFund")}</SubmitButton>
    </form>
  );
}
