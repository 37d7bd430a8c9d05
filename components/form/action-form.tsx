"use client";
// A small form bound to one server action (no JavaScript needed): hidden inputs, fields rendered by
// `children(values)` so a failed post keeps what was typed, translated field errors and the result.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/form/form-message";
import type { ActionResult } from "@/lib/actions/result";

type Values = Record<string, string | undefined>;
type Props<T> = {
  action: (prev: ActionResult<T> | null, fd: FormData) => Promise<ActionResult<T>>;
  hidden: Record<string, string>;
  submitLabel: string;
  children?: (values: Values) => React.ReactNode;
  result?: (data: T) => React.ReactNode;
  encType?: "multipart/form-data";
  tone?: "primary" | "secondary" | "danger";
  className?: string;
};

const TONE = {
  primary: "bg-brand-700 text-white hover:bg-brand-800",
  secondary: "border border-neutral-500 bg-white text-neutral-900 hover:bg-neutral-100",
  danger: "bg-red-800 text-white hover:bg-red-900",
};

export function ActionForm<T>({ action, hidden, submitLabel, children, result, encType, tone = "primary", className }: Props<T>) {
  const tv = useTranslations("validation");
  const [state, formAction, pending] = useActionState(action, null);
  const fieldErrors = state && !state.ok ? [...new Set(Object.values(state.fieldErrors ?? {}).flat())] : [];
  return (
    <form key={JSON.stringify(state?.values ?? null)} action={formAction} encType={encType} className={className ?? "flex flex-col gap-2"}>
      {Object.entries(hidden).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      {children?.((state?.values ?? {}) as Values)}
      {fieldErrors.map((k) => <p key={k} className="text-sm text-red-800">{tv(k as never)}</p>)}
      <FormMessage state={state} />
      {state?.ok && result ? result(state.data) : null}
      <button type="submit" disabled={pending} className={`self-start rounded px-4 py-2 font-semibold ${TONE[tone]}`}>{submitLabel}</button>
    </form>
  );
}

/** A labelled input for ActionForm children. */
export function Field({ id, name, label, defaultValue, multiline, inputMode, type, hint, accept, multiple, rows }: { id: string; name: string; label: string; defaultValue?: string; multiline?: boolean; inputMode?: "decimal" | "text"; type?: "text" | "date" | "file"; hint?: string; accept?: string; multiple?: boolean; rows?: number }) {
  const cls = "rounded border border-neutral-400 px-3 py-2 text-base";
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">{label}</label>
      {hint && <p id={`${id}-hint`} className="text-sm text-neutral-600">{hint}</p>}
      {multiline ? (
        <textarea id={id} name={name} rows={rows ?? 3} defaultValue={defaultValue} className={cls} aria-describedby={hint ? `${id}-hint` : undefined} />
      ) : (
        <input id={id} name={name} type={type ?? "text"} defaultValue={defaultValue} inputMode={inputMode} className={cls} aria-describedby={hint ? `${id}-hint` : undefined} accept={type === "file" ? (accept ?? ".csv,text/csv") : undefined} multiple={multiple} />
      )}
    </div>
  );
}

/** A labelled select for ActionForm children. */
export function Select({ id, name, label, options, defaultValue }: { id: string; name: string; label: string; options: { value: string; label: string }[]; defaultValue?: string }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">{label}</label>
      <select id={id} name={name} defaultValue={defaultValue} className="rounded border border-neutral-400 px-3 py-2 text-base">
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}
