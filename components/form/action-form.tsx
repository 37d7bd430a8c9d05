"use client";
// A small form bound to one server action (no JavaScript needed): hidden inputs, fields rendered by
// `children(values, errorOf)` so a failed post keeps what was typed, translated field errors and the result.
// Forms with live validation use useActionForm instead; a form that needs more than one action's result
// (several buttons with their own state, a progress line) writes its own useActionState.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/form/form-message";
import type { ActionResult } from "@/lib/actions/result";

type Values = Record<string, string | undefined>;
/** The translation key of a field's error from the last post, if any (and marks it as shown by the field). */
type ErrorOf = (name: string) => string | undefined;
type Props<T> = {
  action: (prev: ActionResult<T> | null, fd: FormData) => Promise<ActionResult<T>>;
  hidden: Record<string, string>;
  submitLabel: string;
  /** The button's accessible name when its text is a symbol (e.g. "×"). */
  submitAriaLabel?: string;
  /** Fields, given the values of a failed post (so nothing typed is lost) and each field's error. */
  children?: (values: Values, errorOf: ErrorOf) => React.ReactNode;
  result?: (data: T) => React.ReactNode;
  /** Said (role=status) when the action succeeds. */
  success?: string;
  /** Beside the button, e.g. a "Cancel" link. */
  after?: React.ReactNode;
  encType?: "multipart/form-data";
  tone?: keyof typeof TONE;
  /** A one-button form inside a line of text: the button looks like a link, the message follows it. */
  inline?: boolean;
  className?: string;
};

const BUTTON = "self-start rounded px-4 py-2 font-semibold disabled:opacity-60";
const TONE = {
  primary: `${BUTTON} bg-brand-700 text-white hover:bg-brand-800`,
  secondary: `${BUTTON} border border-neutral-500 bg-white text-neutral-900 hover:bg-neutral-100`,
  outline: `${BUTTON} border border-brand-700 text-brand-700`,
  danger: `${BUTTON} bg-red-800 text-white hover:bg-red-900`,
  dangerOutline: `${BUTTON} border border-red-800 text-red-800`,
  link: "text-sm text-brand-700 underline",
  dangerLink: "text-sm text-red-800 underline",
};

/** The one way a form is bound to a server action without live validation (with it: useActionForm). */
export function ActionForm<T>({
  action,
  hidden,
  submitLabel,
  submitAriaLabel,
  children,
  result,
  success,
  after,
  encType,
  tone = "primary",
  inline,
  className,
}: Props<T>) {
  const tv = useTranslations("validation");
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  // Errors a field shows itself (next to it, tied by aria-describedby) are not repeated in the list below.
  const shown = new Set<string>();
  const errorOf: ErrorOf = (name) => {
    const key = failed?.fieldErrors?.[name]?.[0];
    if (key) shown.add(name);
    return key;
  };
  const fields = children?.((state?.values ?? {}) as Values, errorOf);
  const rest = failed
    ? [
        ...new Set(
          Object.entries(failed.fieldErrors ?? {})
            .filter(([name]) => !shown.has(name))
            .flatMap(([, keys]) => keys),
        ),
      ]
    : [];
  const message = <FormMessage state={state} success={success} />;
  const button = (
    <button
      type="submit"
      disabled={pending}
      aria-busy={pending || undefined}
      aria-label={submitAriaLabel}
      title={submitAriaLabel}
      className={TONE[tone]}
    >
      {submitLabel}
    </button>
  );
  return (
    <form
      key={JSON.stringify(state?.values ?? null)}
      action={formAction}
      encType={encType}
      className={className ?? (inline ? "inline" : "flex flex-col gap-2")}
    >
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {fields}
      {rest.map((k) => (
        <p key={k} className="text-sm text-red-800">
          {tv(k as never)}
        </p>
      ))}
      {!inline && message}
      {state?.ok && result ? result(state.data) : null}
      {after ? (
        <div className="flex flex-wrap items-center gap-4">
          {button}
          {after}
        </div>
      ) : (
        button
      )}
      {inline && state && <span className="ml-2">{message}</span>}
    </form>
  );
}

/** The translated error of one field, with the id its control points at. */
function FieldError({ id, errorKey }: { id: string; errorKey?: string }) {
  const tv = useTranslations("validation");
  return errorKey ? (
    <p id={`${id}-error`} className="text-sm text-red-800">
      {tv(errorKey as never)}
    </p>
  ) : null;
}

/** A labelled tick box for ActionForm children (e.g. the second of two confirmations). */
export function ConfirmBox({
  id,
  name,
  label,
  errorKey,
  required,
}: {
  id: string;
  name: string;
  label: string;
  errorKey?: string;
  required?: boolean;
}) {
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-start gap-2">
        <input
          id={id}
          type="checkbox"
          name={name}
          value="yes"
          required={required}
          aria-required={required || undefined}
          aria-invalid={errorKey ? true : undefined}
          aria-describedby={errorKey ? `${id}-error` : undefined}
          className="mt-1 h-5 w-5"
        />
        <label htmlFor={id}>{label}</label>
      </div>
      <FieldError id={id} errorKey={errorKey} />
    </div>
  );
}

/** A labelled input for ActionForm children. */
export function Field({
  id,
  name,
  label,
  defaultValue,
  multiline,
  inputMode,
  type,
  hint,
  accept,
  multiple,
  rows,
  errorKey,
  autoComplete,
}: {
  id: string;
  name: string;
  label: string;
  defaultValue?: string;
  multiline?: boolean;
  inputMode?: "decimal" | "text" | "numeric";
  type?: "text" | "date" | "file";
  hint?: string;
  accept?: string;
  multiple?: boolean;
  rows?: number;
  errorKey?: string;
  autoComplete?: string;
}) {
  const cls = "rounded border border-neutral-400 px-3 py-2 text-base";
  const describedBy = [hint && `${id}-hint`, errorKey && `${id}-error`].filter(Boolean).join(" ") || undefined;
  const invalid = errorKey ? true : undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-neutral-600">
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea
          id={id}
          name={name}
          rows={rows ?? 3}
          defaultValue={defaultValue}
          className={cls}
          aria-invalid={invalid}
          aria-describedby={describedBy}
        />
      ) : (
        <input
          id={id}
          name={name}
          type={type ?? "text"}
          defaultValue={defaultValue}
          inputMode={inputMode}
          autoComplete={autoComplete}
          className={cls}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          accept={type === "file" ? (accept ?? ".csv,text/csv") : undefined}
          multiple={multiple}
        />
      )}
      <FieldError id={id} errorKey={errorKey} />
    </div>
  );
}

/** A labelled select for ActionForm children. */
export function Select({
  id,
  name,
  label,
  options,
  defaultValue,
}: {
  id: string;
  name: string;
  label: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      <select id={id} name={name} defaultValue={defaultValue} className="rounded border border-neutral-400 px-3 py-2 text-base">
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
