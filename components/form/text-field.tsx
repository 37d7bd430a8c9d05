"use client";
import type { UseFormRegisterReturn } from "react-hook-form";
import { CONTROL_CLASS, FieldShell } from "@/components/form/field-shell";

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
export function TextField({
  id,
  label,
  type = "text",
  hint,
  errorKey,
  autoComplete,
  defaultValue,
  required,
  registration,
  inputMode,
}: Props) {
  return (
    <FieldShell id={id} label={label} hint={hint} errorKey={errorKey}>
      {(control) => (
        <input
          {...control}
          type={type}
          inputMode={inputMode}
          autoComplete={autoComplete}
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
