"use client";
// Scoring with the fund's rubric, messages to the applicant (template + free text) and the decision on a
// colleague's reveal request. Each is a plain form bound to a server action: no JavaScript needed.
import { useTranslations } from "next-intl";
import { ActionForm, Field, Select } from "@/components/form/action-form";
import { decideRevealAction, requestRevealAction, scoreCaseAction, sendApplicantMessageAction } from "@/lib/reviews/actions";

type Option = { value: string; label: string };

export function ScoreForm({
  applicationId,
  criteria,
  mine,
}: {
  applicationId: string;
  criteria: { label: string; weight: number }[];
  mine: Record<string, number> | null;
}) {
  const t = useTranslations("review");
  const points = [{ value: "", label: "—" }, ...["0", "1", "2", "3", "4", "5"].map((p) => ({ value: p, label: p }))];
  return (
    <ActionForm
      action={scoreCaseAction}
      hidden={{ applicationId }}
      submitLabel={t("saveScore")}
      result={(d) => (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3">
          {t("scoreSaved", { mine: d.myScore, score: d.caseScore })}
        </p>
      )}
    >
      {(v) => {
        const typed = v.scores?.split("\n");
        return (
          <div className="grid gap-2 sm:grid-cols-2">
            {criteria.map((c, i) => (
              <Select
                key={c.label}
                id={`score-${i}`}
                name="scores"
                label={t("criterion", { label: c.label, weight: c.weight })}
                options={points}
                defaultValue={typed?.[i] ?? (mine?.[c.label] !== undefined ? String(mine[c.label]) : "")}
              />
            ))}
          </div>
        );
      }}
    </ActionForm>
  );
}

export function MessageForm({ applicationId, templates }: { applicationId: string; templates: Option[] }) {
  const t = useTranslations("review");
  return (
    <ActionForm action={sendApplicantMessageAction} hidden={{ applicationId }} submitLabel={t("sendMessage")} tone="secondary">
      {(v) => (
        <>
          <Select
            id="message-template"
            name="template"
            label={t("template")}
            options={[{ value: "", label: t("noTemplate") }, ...templates]}
            defaultValue={v.template}
          />
          <Field id="message-text" name="message" label={t("messageText")} multiline defaultValue={v.message} />
        </>
      )}
    </ActionForm>
  );
}

export function RevealRequestForm({ applicationId }: { applicationId: string }) {
  const t = useTranslations("review");
  return (
    <ActionForm action={requestRevealAction} hidden={{ applicationId }} submitLabel={t("revealAsk")} tone="secondary">
      {(v) => <Field id="reveal-request-reason" name="reason" label={t("revealReason")} multiline defaultValue={v.reason} />}
    </ActionForm>
  );
}

export function RevealDecision({ applicationId, requestId }: { applicationId: string; requestId: string }) {
  const t = useTranslations("review");
  return (
    <div className="flex flex-wrap gap-3">
      <ActionForm
        action={decideRevealAction}
        hidden={{ applicationId, requestId, decision: "confirm" }}
        submitLabel={t("revealConfirm")}
        tone="secondary"
      />
      <ActionForm
        action={decideRevealAction}
        hidden={{ applicationId, requestId, decision: "refuse" }}
        submitLabel={t("revealRefuse")}
        tone="secondary"
      />
    </div>
  );
}
