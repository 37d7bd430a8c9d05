"use client";
import type { UseFormRegisterReturn } from "react-hook-form";
import { CONTROL_CLASS, FieldShell } from "@/components/form/field-shell";

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
  return (
    <FieldShell id={id} label={label} errorKey={errorKey}>
      {(control) => (
        <select
          {...control}
          defaultValue={defaultValue ?? ""}
          required={!optional}
          aria-required={!optional}
          className={CONTROL_CLASS}
          {...registration}
        >
          <option value="">{placeholder}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
