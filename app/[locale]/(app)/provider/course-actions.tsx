"use client";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { courseStatusAction, offerCandidateAction, providerDecisionAction } from "@/lib/courses/actions";
import type { ProviderAction } from "@/lib/courses/rules";

export function CourseStatusButtons({ courseId, actions }: { courseId: string; actions: ("publish" | "close" | "duplicate")[] }) {
  const t = useTranslations("provider");
  return (
    <div className="flex flex-wrap gap-3">
      {actions.map((a) => (
        <ActionForm
          key={a}
          action={courseStatusAction}
          hidden={{ courseId, action: a }}
          submitLabel={t(`status_${a}`)}
          tone={a === "publish" ? "primary" : "secondary"}
        />
      ))}
    </div>
  );
}

export function EnrollmentButtons({
  enrollmentId,
  label,
  status,
  actions,
}: {
  enrollmentId: string;
  label: string;
  status: string;
  actions: ProviderAction[];
}) {
  const t = useTranslations("provider");
  const tx = t as unknown as (k: string, v?: Record<string, string>) => string;
  return (
    <div className="flex flex-wrap gap-2">
      {actions.map((a) => (
        <ActionForm
          key={a}
          action={providerDecisionAction}
          hidden={{ enrollmentId, action: a, expectedStatus: status }}
          submitLabel={tx(`enrol_${a}`, { who: label })}
          tone={a === "decline" || a === "drop" ? "secondary" : "primary"}
        />
      ))}
    </div>
  );
}

export function OfferCandidateButton({ courseId, candidate, label }: { courseId: string; candidate: string; label: string }) {
  const t = useTranslations("provider");
  return <ActionForm action={offerCandidateAction} hidden={{ courseId, candidate }} submitLabel={t("offerCandidate", { who: label })} />;
}
