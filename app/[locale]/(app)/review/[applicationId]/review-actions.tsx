"use client";
// One small form per action allowed at this stage; each posts to the same server action (works
// without JavaScript) and shows its own translated result.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/form/form-message";
import { reviewCaseAction } from "@/lib/reviews/actions";
import type { ReviewAction } from "@/lib/reviews/rules";

type Props = {
  applicationId: string;
  status: string;
  actions: ReviewAction[];
  checklist: string[];
  currency: string;
  requested: string;
  templates: { value: string; label: string }[];
};

const LABEL: Record<ReviewAction, string> = {
  shortlist: "shortlist",
  decline: "decline",
  request_info: "requestInfo",
  verify: "verify",
  vote_approve: "voteApprove",
  vote_reject: "voteReject",
  withdraw_vote: "withdrawVote",
  declare_conflict: "declareConflict",
};

export function ReviewActions({ applicationId, status, actions, checklist, currency, requested, templates }: Props) {
  const t = useTranslations("review");
  if (actions.length === 0) return <p>{t("noActions")}</p>;
  return (
    <div className="space-y-4">
      {actions.map((a) => (
        <ActionForm key={a} applicationId={applicationId} status={status} action={a} label={t(LABEL[a] as never)}>
          {(v) => (
            <>
              {(a === "decline" || a === "vote_reject" || a === "declare_conflict") && (
                <Field id={`${a}-reason`} name="reason" label={t("reason")} defaultValue={v.reason} multiline />
              )}
              {a === "withdraw_vote" && (
                <Field id="withdraw_vote-reason" name="reason" label={t("withdrawReason")} defaultValue={v.reason} multiline />
              )}
              {a === "request_info" && (
                <>
                  <div className="flex flex-col gap-1">
                    <label htmlFor="request_info-template" className="font-medium">
                      {t("template")}
                    </label>
                    <select
                      id="request_info-template"
                      name="template"
                      defaultValue={v.template ?? ""}
                      className="rounded border border-neutral-400 px-3 py-2 text-base"
                    >
                      <option value="">{t("noTemplate")}</option>
                      {templates.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  </div>
                  <Field id="request_info-message" name="message" label={t("message")} defaultValue={v.message} multiline />
                </>
              )}
              {a === "vote_approve" && (
                <Field id="vote_approve-amount" name="amount" label={t("amount", { currency })} defaultValue={v.amount ?? requested} />
              )}
              {a === "verify" && (
                <fieldset className="space-y-1">
                  <legend className="font-medium">{t("checklist")}</legend>
                  {checklist.map((item, i) => (
                    <div key={item} className="flex items-start gap-2">
                      <input
                        id={`check-${i}`}
                        type="checkbox"
                        name="items"
                        value={item}
                        defaultChecked={(v.items ?? "").split("\n").includes(item)}
                        className="mt-1 h-5 w-5"
                      />
                      <label htmlFor={`check-${i}`}>{item}</label>
                    </div>
                  ))}
                </fieldset>
              )}
            </>
          )}
        </ActionForm>
      ))}
    </div>
  );
}

type Values = Record<string, string | undefined>;

/** After an error React resets the form: the submitted values come back through `children(values)`. */
function ActionForm({
  applicationId,
  status,
  action,
  label,
  children,
}: {
  applicationId: string;
  status: string;
  action: ReviewAction;
  label: string;
  children: (values: Values) => React.ReactNode;
}) {
  const tv = useTranslations("validation");
  const [state, formAction, pending] = useActionState(reviewCaseAction, null);
  const fieldErrors = state && !state.ok ? Object.values(state.fieldErrors ?? {}).flat() : [];
  return (
    <form
      key={JSON.stringify(state?.values ?? null)}
      action={formAction}
      className="flex flex-col gap-2 rounded border border-neutral-200 p-3"
    >
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="action" value={action} />
      {/* The stage this page showed: a stale tab's action is refused instead of acting on a moved case. */}
      <input type="hidden" name="expectedStatus" value={status} />
      {children((state?.values ?? {}) as Values)}
      {fieldErrors.map((k) => (
        <p key={k} className="text-sm text-red-800">
          {tv(k as never)}
        </p>
      ))}
      <FormMessage state={state} />
      <button
        type="submit"
        disabled={pending}
        className="self-start rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
      >
        {label}
      </button>
    </form>
  );
}

function Field({
  id,
  name,
  label,
  multiline,
  defaultValue,
}: {
  id: string;
  name: string;
  label: string;
  multiline?: boolean;
  defaultValue?: string;
}) {
  const cls = "rounded border border-neutral-400 px-3 py-2 text-base";
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {multiline ? (
        <textarea id={id} name={name} rows={3} defaultValue={defaultValue} className={cls} />
      ) : (
        <input id={id} name={name} defaultValue={defaultValue} inputMode="decimal" className={cls} />
      )}
    </div>
  );
}
