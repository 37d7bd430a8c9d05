"use client";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { applicantPayoutAction } from "@/lib/payouts/actions";

export function ApplicantPayoutForms({ payoutId, keys }: { payoutId: string; keys: { confirm: string; report: string } }) {
  const t = useTranslations("money");
  return (
    <div className="flex flex-wrap gap-3">
      <ActionForm
        action={applicantPayoutAction}
        hidden={{ payoutId, action: "confirm", idempotencyKey: keys.confirm, expectedStatus: "SENT" }}
        submitLabel={t("confirm")}
      />
      <ActionForm
        action={applicantPayoutAction}
        hidden={{ payoutId, action: "report_not_received", idempotencyKey: keys.report, expectedStatus: "SENT" }}
        submitLabel={t("reportNotReceived")}
        tone="secondary"
      />
    </div>
  );
}
