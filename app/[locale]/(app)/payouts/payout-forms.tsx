"use client";
import { useTranslations } from "next-intl";
import { ActionForm, Field, Select } from "@/components/form/action-form";
import { payoutStepAction, reconcileAction } from "@/lib/payouts/actions";
import type { ImportReport } from "@/lib/payouts/batch";
import type { PayoutAction } from "@/lib/payouts/rules";
import { METHODS } from "@/lib/payouts/schemas";

const LABEL: Record<PayoutAction, string> = {
  approve: "approve",
  send: "markSent",
  investigate: "investigate",
  resend: "resend",
  cancel: "cancel",
  confirm: "confirm",
  report_not_received: "reportNotReceived",
};

export function PayoutActions({
  payoutId,
  reference,
  status,
  attempt,
  actions,
  method,
  keys,
  needsCode,
}: {
  payoutId: string;
  reference: string;
  status: string;
  attempt: number;
  actions: PayoutAction[];
  method: string;
  keys: Record<string, string>;
  needsCode?: boolean;
}) {
  const t = useTranslations("money");
  const ts = useTranslations("security");
  const te = useTranslations("enums");
  const tx = t as unknown as (key: string, values?: Record<string, string>) => string;
  return (
    <div className="flex flex-wrap gap-4">
      {actions.map((a) => (
        <ActionForm
          key={a}
          action={payoutStepAction}
          hidden={{ payoutId, action: a, idempotencyKey: keys[a]!, expectedStatus: status, expectedAttempt: String(attempt) }}
          submitLabel={tx(LABEL[a], { reference })}
          tone={a === "cancel" ? "danger" : "primary"}
          className="flex flex-col gap-2 rounded border border-neutral-200 p-2"
        >
          {(v) => (
            <>
              {(a === "send" || a === "resend") && (
                <Select
                  id={`${a}-method-${payoutId}`}
                  name="method"
                  label={t("methodFor", { reference })}
                  defaultValue={v.method ?? method}
                  options={METHODS.map((m) => ({ value: m, label: te(`PayoutMethod.${m}`) }))}
                />
              )}
              {a === "approve" && needsCode && <Field id={`approve-otp-${payoutId}`} name="otp" label={ts("freshCode")} inputMode="text" />}
              {(a === "cancel" || a === "investigate") && (
                <Field
                  id={`${a}-reason-${payoutId}`}
                  name="reason"
                  label={t("reasonFor", { reference })}
                  defaultValue={v.reason}
                  multiline
                />
              )}
            </>
          )}
        </ActionForm>
      ))}
    </div>
  );
}

export function ReconcileForm({ idempotencyKey }: { idempotencyKey: string }) {
  const t = useTranslations("money");
  const tx = t as unknown as (key: string, values?: Record<string, string>) => string;
  return (
    <ActionForm
      action={reconcileAction}
      hidden={{ idempotencyKey }}
      submitLabel={t("importCsv")}
      encType="multipart/form-data"
      result={(r: ImportReport) => (
        <div role="status" className="space-y-2 rounded border border-neutral-300 p-3">
          <p>{t("importSent", { count: r.sent.length })}</p>
          {r.problems.length > 0 && (
            <table>
              <caption className="text-left font-semibold">{t("importProblems", { count: r.problems.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("line")}</th>
                  <th scope="col">{t("reference")}</th>
                  <th scope="col">{t("problem")}</th>
                </tr>
              </thead>
              <tbody>
                {r.problems.map((p) => (
                  <tr key={`${p.line}-${p.problem}`}>
                    <td>{p.line}</td>
                    <td>{p.reference || "—"}</td>
                    <td>{tx(`importProblem.${p.problem}`, { detail: p.detail ?? "" })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    >
      {() => <Field id="reconcile-file" name="file" type="file" label={t("bankCsv")} hint={t("bankCsvHint")} />}
    </ActionForm>
  );
}
