"use client";
// A fund manager rules on a case blocked by a rejection: overrule it or uphold it, with a reason.
import { useTranslations } from "next-intl";
import { ActionForm, Field } from "@/components/form/action-form";
import { ruleOnRejectionAction } from "@/lib/reviews/actions";

export function RulingForm({ applicationId, reference }: { applicationId: string; reference: string }) {
  const t = useTranslations("funds");
  return (
    <ActionForm action={ruleOnRejectionAction} hidden={{ applicationId }} submitLabel={t("ruleSubmit", { reference })}>
      {(v) => (
        <>
          <fieldset className="space-y-1">
            <legend className="font-medium">{t("ruling")}</legend>
            <label className="flex items-center gap-2">
              <input type="radio" name="ruling" value="overrule" defaultChecked={v.ruling === "overrule"} className="h-5 w-5" />
              {t("overrule")}
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="ruling" value="uphold" defaultChecked={v.ruling === "uphold"} className="h-5 w-5" />
              {t("uphold")}
            </label>
          </fieldset>
          <Field id={`ruling-reason-${applicationId}`} name="reason" label={t("rulingReason")} multiline defaultValue={v.reason} />
        </>
      )}
    </ActionForm>
  );
}
