"use client";
import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";

type Props = {
  id: string;
  label: string;
  options: { value: string; label: string }[];
  placeholder: string;
  errorKey?: string;
  defaultValue?: string;
  registration: UseFormRegisterReturn;
  /** An optional choice: the empty option is a real answer, not a prompt. */
  optional?: boolean;
};

export function SelectField({ id, label, options, placeholder, errorKey, defaultValue, registration, optional }: Props) {
  const t = useTranslations("validation");
  const errId = errorKey ? `${id}-error` : undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">{label}</label>
      <select id={id} defaultValue={defaultValue ?? ""} required={!optional} aria-required={!optional} aria-invalid={errorKey ? true : undefined} aria-describedby={errId} className="rounded border border-neutral-400 px-3 py-2 text-base" {...registration}>
        <option value="">{placeholder}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      {errorKey && <p id={errId} className="text-sm text-red-800">{t(errorKey as never)}</p>}
    </div>
  );
}
