"use client";
import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";

type Props = {
  id: string;
  label: string;
  type?: "text" | "email" | "password" | "search" | "tel" | "date";
  inputMode?: "text" | "decimal" | "numeric" | "tel";
  hint?: string;
  errorKey?: string;
  autoComplete?: string;
  defaultValue?: string;
  required?: boolean;
  registration: UseFormRegisterReturn;
};

/** A labelled input whose hint and error are announced with it (aria-describedby). */
export function TextField({ id, label, type = "text", hint, errorKey, autoComplete, defaultValue, required, registration, inputMode }: Props) {
  const t = useTranslations("validation");
  const hintId = hint ? `${id}-hint` : undefined;
  const errId = errorKey ? `${id}-error` : undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">{label}</label>
      {hint && <p id={hintId} className="text-sm text-neutral-600">{hint}</p>}
      <input
        id={id}
        type={type}
        autoComplete={autoComplete}
        inputMode={inputMode}
        defaultValue={defaultValue}
        required={required}
        aria-required={required}
        aria-invalid={errorKey ? true : undefined}
        aria-describedby={[hintId, errId].filter(Boolean).join(" ") || undefined}
        className="rounded border border-neutral-400 px-3 py-2 text-base aria-[invalid=true]:border-red-700"
        {...registration}
      />
      {errorKey && <p id={errId} className="text-sm text-red-800">{t(errorKey as never)}</p>}
    </div>
  );
}
