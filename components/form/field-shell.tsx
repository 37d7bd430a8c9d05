"use client";
// Label, hint and translated error around one control, with the ids a screen reader needs
// (aria-describedby, aria-invalid) passed to the control through a render prop.
import { useTranslations } from "next-intl";

export type ControlProps = { id: string; "aria-invalid"?: true; "aria-describedby"?: string };

type Props = { id: string; label: string; hint?: string; errorKey?: string; children: (control: ControlProps) => React.ReactNode };

export function FieldShell({ id, label, hint, errorKey, children }: Props) {
  const t = useTranslations("validation");
  const hintId = hint ? `${id}-hint` : undefined;
  const errId = errorKey ? `${id}-error` : undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-neutral-600">
          {hint}
        </p>
      )}
      {children({
        id,
        "aria-invalid": errorKey ? true : undefined,
        "aria-describedby": [hintId, errId].filter(Boolean).join(" ") || undefined,
      })}
      {errorKey && (
        <p id={errId} className="text-sm text-red-800">
          {t(errorKey as never)}
        </p>
      )}
    </div>
  );
}

export const CONTROL_CLASS = "rounded border border-neutral-400 px-3 py-2 text-base aria-[invalid=true]:border-red-700";
