"use client";
// One labelled checkbox bound to react-hook-form; `value` is the field as the action echoes it back
// ("on" when ticked on a form post, "true" from react-hook-form).
import type { UseFormRegisterReturn } from "react-hook-form";

export const isTicked = (value: string | undefined) => value === "on" || value === "true";

export function CheckboxField({
  id,
  label,
  value,
  registration,
}: {
  id: string;
  label: string;
  value: string | undefined;
  registration: UseFormRegisterReturn;
}) {
  return (
    <div className="flex items-center gap-2">
      <input id={id} type="checkbox" defaultChecked={isTicked(value)} className="h-5 w-5" {...registration} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
