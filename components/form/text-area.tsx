"use client";
import type { UseFormRegisterReturn } from "react-hook-form";
import { CONTROL_CLASS, FieldShell } from "@/components/form/field-shell";

type Props = {
  id: string;
  label: string;
  hint?: string;
  errorKey?: string;
  defaultValue?: string;
  required?: boolean;
  rows?: number;
  registration: UseFormRegisterReturn;
};

export function TextArea({ id, label, hint, errorKey, defaultValue, required, rows = 6, registration }: Props) {
  return (
    <FieldShell id={id} label={label} hint={hint} errorKey={errorKey}>
      {(control) => (
        <textarea
          {...control}
          rows={rows}
          defaultValue={defaultValue}
          required={required}
          aria-required={required}
          className={CONTROL_CLASS}
          {...registration}
        />
      )}
    </FieldShell>
  );
}
