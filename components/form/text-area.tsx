"use client";
import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";

type Props = { id: string; label: string; hint?: string; errorKey?: string; defaultValue?: string; required?: boolean; rows?: number; registration: UseFormRegisterReturn };

export function TextArea({ id, label, hint, errorKey, defaultValue, required, rows = 6, registration }: Props) {
  const t = useTranslations("validation");
  const hintId = hint ? `${id}-hint` : undefined;
  const errId = errorKey ? `${id}-error` : undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">{label}</label>
      {hint && <p id={hintId} className="text-sm text-neutral-600">{hint}</p>}
      <textarea
        id={id}
        rows={rows}
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
