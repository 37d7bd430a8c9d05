"use client";
// Bulk screening of the submitted cases ticked in the queue table (their checkboxes belong to this form
// through `form="bulk-form"`). Shows progress while it runs, what moved and what was refused, and an
// undo button for the undo window. Works without JavaScript (the countdown then is just the deadline).
import { useFormatter, useTranslations } from "next-intl";
import { useActionState, useEffect, useState } from "react";
import { ActionForm } from "@/components/form/action-form";
import { FormMessage } from "@/components/form/form-message";
import { bulkScreenAction, undoBulkAction } from "@/lib/reviews/actions";

export function BulkScreen() {
  const t = useTranslations("review");
  const tv = useTranslations("validation");
  const [state, action, pending] = useActionState(bulkScreenAction, null);
  const [working, setWorking] = useState(0);
  const errors = state && !state.ok ? [...new Set(Object.values(state.fieldErrors ?? {}).flat())] : [];
  return (
    <div className="space-y-2 rounded border border-neutral-200 p-3">
      <form
        id="bulk-form"
        action={action}
        className="flex flex-col gap-2"
        onSubmit={(e) => setWorking(e.currentTarget.ownerDocument.querySelectorAll('input[form="bulk-form"][name="ids"]:checked').length)}
      >
        <h2 className="text-lg">{t("bulkTitle")}</h2>
        <p className="text-sm text-neutral-700">{t("bulkHint")}</p>
        <label htmlFor="bulk-reason" className="font-medium">
          {t("bulkReason")}
        </label>
        <textarea
          id="bulk-reason"
          name="reason"
          rows={2}
          defaultValue={state && !state.ok ? state.values?.reason : ""}
          className="rounded border border-neutral-400 px-3 py-2"
        />
        {errors.map((k) => (
          <p key={k} className="text-sm text-red-800">
            {tv(k as never)}
          </p>
        ))}
        {state && !state.ok && errors.length === 0 && <FormMessage state={state} />}
        <div className="flex flex-wrap gap-3">
          <button
            type="submit"
            name="action"
            value="shortlist"
            disabled={pending}
            className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
          >
            {t("bulkShortlist")}
          </button>
          <button
            type="submit"
            name="action"
            value="decline"
            disabled={pending}
            className="rounded border border-red-800 px-4 py-2 font-semibold text-red-900"
          >
            {t("bulkDecline")}
          </button>
        </div>
        {pending && (
          <div role="status" className="flex items-center gap-2">
            <progress aria-label={t("bulkWorking", { count: working })} className="w-40" />
            <span>{t("bulkWorking", { count: working })}</span>
          </div>
        )}
      </form>
      {state?.ok && <BulkResult key={state.data.bulkId} {...state.data} />}
    </div>
  );
}

type Result = {
  bulkId: string;
  moved: number;
  refused: { id: string; reference: string | null; reason: string; stage?: string }[];
  undoUntil: string;
};

function BulkResult({ bulkId, moved, refused, undoUntil }: Result) {
  const t = useTranslations("review");
  const te = useTranslations("enums");
  const format = useFormatter();
  const until = new Date(undoUntil).getTime();
  const [left, setLeft] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setLeft(Math.max(0, Math.ceil((until - Date.now()) / 1000)));
    tick();
    const id = setInterval(tick, 500);
    return () => clearInterval(id);
  }, [until]);
  return (
    <div className="space-y-2">
      <p role="status" className="rounded border border-green-700 bg-green-50 p-3">
        {t("bulkDone", { moved })}
      </p>
      {refused.length > 0 && (
        <ul className="list-disc pl-6 text-sm">
          {refused.map((r) => (
            <li key={r.id}>
              {(t as unknown as (k: string, v: Record<string, string>) => string)(`bulkRefused.${r.reason}`, {
                reference: r.reference ?? "—",
                stage: r.stage ? te(`ApplicationStatus.${r.stage}` as never) : "",
              })}
            </li>
          ))}
        </ul>
      )}
      {moved > 0 && left !== 0 && (
        <ActionForm
          action={undoBulkAction}
          hidden={{ bulkId }}
          submitLabel={t("bulkUndo")}
          tone="secondary"
          result={(d) => (
            <p role="status" className="rounded border border-green-700 bg-green-50 p-3">
              {t("bulkUndone", { restored: d.restored, kept: d.kept.length })}
            </p>
          )}
        >
          {() => (
            <p className="text-sm">
              {left === null
                ? t("bulkUndoUntil", { time: format.dateTime(new Date(until), { timeStyle: "medium" }) })
                : t("bulkUndoLeft", { seconds: left })}
            </p>
          )}
        </ActionForm>
      )}
    </div>
  );
}
