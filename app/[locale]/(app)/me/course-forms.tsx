"use client";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { applicantResponseAction } from "@/lib/courses/actions";

export function OfferResponse({ enrollmentId, course }: { enrollmentId: string; course: string }) {
  const t = useTranslations("courses");
  return (
    <div className="flex flex-wrap gap-3">
      <ActionForm
        action={applicantResponseAction}
        hidden={{ enrollmentId, action: "accept", expectedStatus: "OFFERED" }}
        submitLabel={t("acceptOffer", { course })}
      />
      <ActionForm
        action={applicantResponseAction}
        hidden={{ enrollmentId, action: "decline_offer", expectedStatus: "OFFERED" }}
        submitLabel={t("declineOffer", { course })}
        tone="secondary"
      />
    </div>
  );
}
