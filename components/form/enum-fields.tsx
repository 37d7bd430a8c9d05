"use client";
// The one way a form offers the values of an enum (lib/<domain>/schemas.ts lists them; messages
// `enums.<Enum>.<VALUE>` name them): a checkbox group for a repeated field, a select for a single one.
// Both are bound to a form made by useActionForm, so the field's error, registration and the values echoed
// after a failed post (no JavaScript) come from one place.
import { useTranslations } from "next-intl";
import { CheckboxGroup } from "@/components/form/checkbox-group";
import { SelectField } from "@/components/form/select-field";
import type { useActionForm } from "@/components/form/use-action-form";

type BoundForm = Pick<ReturnType<typeof useActionForm>, "form" | "errorKey">;
type Common = {
  f: BoundForm;
  name: string;
  /** The enum's name under `enums` in messages, e.g. "Region". */
  enumName: string;
  values: readonly string[];
};

function useEnumOptions(enumName: string, values: readonly string[]) {
  const te = useTranslations("enums");
  return values.map((value) => ({ value, label: te(`${enumName}.${value}` as never) }));
}

/** A repeated enum field: one checkbox per value. `checked` is the field's values joined by newlines. */
export function EnumCheckboxGroup({
  f,
  name,
  enumName,
  values,
  legend,
  hint,
  checked,
  columns,
}: Common & { legend: string; hint?: string; checked?: string; columns?: boolean }) {
  const options = useEnumOptions(enumName, values);
  return (
    <CheckboxGroup
      name={name}
      legend={legend}
      hint={hint}
      columns={columns}
      checked={checked ?? ""}
      errorKey={f.errorKey(name)}
      registration={f.form.register(name)}
      options={options}
    />
  );
}

/** A single enum field: a select whose empty option is a prompt, or a real answer when `optional`. */
export function EnumSelectField({
  f,
  name,
  enumName,
  values,
  label,
  placeholder,
  defaultValue,
  optional,
}: Common & { label: string; placeholder: string; defaultValue?: string; optional?: boolean }) {
  const options = useEnumOptions(enumName, values);
  return (
    <SelectField
      id={name}
      label={label}
      placeholder={placeholder}
      optional={optional}
      defaultValue={defaultValue}
      errorKey={f.errorKey(name)}
      registration={f.form.register(name)}
      options={options}
    />
  );
}

/**
 * Turns a form's saved values (strings; a repeated field joined by newlines, a ticked box as "on") into
 * react-hook-form's defaults: arrays for checkbox groups and booleans for single checkboxes.
 */
export function formDefaults(
  defaults: Record<string, string>,
  shape: { arrays?: readonly string[]; booleans?: readonly string[] },
): Record<string, string> {
  const out: Record<string, unknown> = { ...defaults };
  for (const k of shape.arrays ?? []) out[k] = defaults[k] ? defaults[k].split("\n").filter(Boolean) : [];
  for (const k of shape.booleans ?? []) out[k] = defaults[k] === "on";
  return out as Record<string, string>;
}
