"use client";
// A fieldset of checkboxes for one repeated field (react-hook-form gives an array; without JavaScript the
// form posts the field once per ticked box). The translated error is announced with the group.
import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";

type Props = {
  name: string;
  legend: string;
  hint?: string;
  options: { value: string; label: string }[];
  /** Currently ticked values (a repeated field's values joined by newlines, as the action echoes them). */
  checked: string;
  errorKey?: string;
  columns?: boolean;
  registration: UseFormRegisterReturn;
};

export function CheckboxGroup({ name, legend, hint, options, checked, errorKey, columns, registration }: Props) {
  const tv = useTranslations("validation");
  const ticked = checked.split("\n");
  return (
    <fieldset className="space-y-1" aria-describedby={errorKey ? `${name}-error` : undefined}>
      <legend className="font-medium">{legend}</legend>
      {hint && <p className="text-sm text-neutral-600">{hint}</p>}
      <div className={columns ? "grid grid-cols-2 gap-1" : "space-y-1"}>
        {options.map((o) => (
          <div key={o.value} className="flex items-center gap-2">
            <input
              id={`${name}-${o.value}`}
              type="checkbox"
              value={o.value}
              defaultChecked={ticked.includes(o.value)}
              className="h-5 w-5"
              {...registration}
            />
            <label htmlFor={`${name}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
      {errorKey && (
        <p id={`${name}-error`} className="text-sm text-red-800">
          {tv(errorKey as never)}
        </p>
      )}
    </fieldset>
  );
}
