"use client";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { FormMessage } from "@/components/form/form-message";
import { SelectField } from "@/components/form/select-field";
import { useActionForm } from "@/components/form/use-action-form";
import { SubmitButton } from "@/components/ui/button";
import { checkEligibilityAction, startApplicationAction } from "@/lib/applications/actions";
import { EligibilitySchema, REGIONS } from "@/lib/applications/schemas";
import { AidPurpose, SituationCategory } from "@/lib/db/generated/enums";

export type FundCard = {
  id: string;
  name: string;
  organisation: string;
  purpose: string;
  cap: string;
  categories: string;
  purposes: string;
  evidenceHint: string | null;
};

export function EligibilityCheck({ funds }: { funds: FundCard[] }) {
  const t = useTranslations("apply");
  const te = useTranslations("enums");
  const f = useActionForm(EligibilitySchema, checkEligibilityAction);
  const v = f.state?.values ?? {};
  const matches = f.state?.ok
    ? funds.filter((fund) => f.state!.ok && (f.state!.data as { fundIds: string[] }).fundIds.includes(fund.id))
    : null;
  const answers = f.state?.ok ? f.state.data.answers : undefined;
  return (
    <div className="space-y-6">
      <form action={f.formAction} onSubmit={f.onSubmit} noValidate className="flex max-w-md flex-col gap-4">
        <FormMessage state={f.state?.ok ? null : f.state} />
        <SelectField
          id="e-category"
          label={t("category")}
          placeholder={t("choose")}
          options={Object.values(SituationCategory).map((c) => ({ value: c, label: te(`SituationCategory.${c}`) }))}
          defaultValue={v.category}
          errorKey={f.errorKey("category")}
          registration={f.form.register("category")}
        />
        <SelectField
          id="e-purpose"
          label={t("purpose")}
          placeholder={t("choose")}
          options={Object.values(AidPurpose).map((p) => ({ value: p, label: te(`AidPurpose.${p}`) }))}
          defaultValue={v.purpose}
          errorKey={f.errorKey("purpose")}
          registration={f.form.register("purpose")}
        />
        <SelectField
          id="e-region"
          label={t("region")}
          placeholder={t("choose")}
          optional
          options={REGIONS.map((r) => ({ value: r, label: te(`Region.${r}`) }))}
          defaultValue={v.region}
          errorKey={f.errorKey("region")}
          registration={f.form.register("region")}
        />
        <SubmitButton pending={f.pending}>{t("checkButton")}</SubmitButton>
      </form>
      {matches && (
        <section aria-live="polite" className="space-y-4">
          <p role="status" className="font-semibold">
            {t("matches", { count: matches.length })}
          </p>
          <ul className="space-y-4">
            {matches.map((fund) => (
              <FundItem key={fund.id} fund={fund} answers={answers} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

export function FundItem({ fund, answers }: { fund: FundCard; answers?: { category: string; purpose: string; region: string } }) {
  const t = useTranslations("apply");
  return (
    <li className="space-y-2 rounded border border-neutral-200 p-4">
      <h3 className="text-lg font-semibold">{fund.name}</h3>
      <p className="text-sm text-neutral-700">{fund.organisation}</p>
      <p>{fund.purpose}</p>
      <p>{fund.cap}</p>
      <p>
        <strong>{t("eligible")}:</strong> {fund.categories}
      </p>
      <p>
        <strong>{t("purposes")}:</strong> {fund.purposes}
      </p>
      {fund.evidenceHint && (
        <p>
          <strong>{t("evidence")}:</strong> {fund.evidenceHint}
        </p>
      )}
      <ActionForm
        action={startApplicationAction}
        hidden={{ fundId: fund.id, ...(answers ?? {}) }}
        submitLabel={t("start", { fund: fund.name })}
        className="block"
      />
    </li>
  );
}
