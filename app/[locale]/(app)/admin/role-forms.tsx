"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/form/form-message";
import { SelectField } from "@/components/form/select-field";
import { useActionForm } from "@/components/form/use-action-form";
import { SubmitButton } from "@/components/ui/button";
import { grantRoleAction, revokeRoleAction, suspendUserAction } from "@/lib/users/actions";
import { resetTwoFactorAction } from "@/lib/auth/two-factor-actions";
import { GrantRoleSchema } from "@/lib/users/schemas";

type Option = { value: string; label: string };

export function GrantRoleForm({ users, organisations, roles }: { users: Option[]; organisations: Option[]; roles: Option[] }) {
  const t = useTranslations("admin");
  const f = useActionForm(GrantRoleSchema, grantRoleAction);
  const v = f.state?.values ?? {};
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} noValidate className="flex max-w-md flex-col gap-4">
      <SelectField id="grant-user" label={t("grantUser")} placeholder={t("choose")} options={users} errorKey={f.errorKey("userId")} defaultValue={v.userId} registration={f.form.register("userId")} />
      <SelectField id="grant-organisation" label={t("grantOrganisation")} placeholder={t("choose")} options={organisations} errorKey={f.errorKey("organisationId")} defaultValue={v.organisationId} registration={f.form.register("organisationId")} />
      <SelectField id="grant-role" label={t("grantRole")} placeholder={t("choose")} options={roles} errorKey={f.errorKey("role")} defaultValue={v.role} registration={f.form.register("role")} />
      <SubmitButton pending={f.pending}>{t("grantButton")}</SubmitButton>
      <FormMessage state={f.state} success={t("granted")} />
    </form>
  );
}

export function RevokeRoleButton({ membershipId, label }: { membershipId: string; label: string }) {
  const t = useTranslations("admin");
  const [state, action, pending] = useActionState(revokeRoleAction, null);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="membershipId" value={membershipId} />
      <button type="submit" disabled={pending} aria-label={label} title={label} className="ml-1 text-red-800 underline">×</button>
      {state && <FormMessage state={state} success={t("revoked")} />}
    </form>
  );
}

/** The second step of a suspension: the box must be ticked (the server refuses the post without it). */
export function SuspendConfirmForm({ userId, label }: { userId: string; label: string }) {
  const t = useTranslations("admin");
  const tv = useTranslations("validation");
  const [state, action, pending] = useActionState(suspendUserAction, null);
  const err = state && !state.ok ? state.fieldErrors?.confirmed?.[0] : undefined;
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="suspend" value="1" />
      <div className="flex items-start gap-2">
        <input id="suspend-confirmed" type="checkbox" name="confirmed" value="yes" required aria-required aria-invalid={err ? true : undefined} aria-describedby={err ? "suspend-confirmed-error" : undefined} className="mt-1 h-5 w-5" />
        <label htmlFor="suspend-confirmed">{t("suspendConfirmCheck", { user: label })}</label>
      </div>
      {err && <p id="suspend-confirmed-error" className="text-sm text-red-800">{tv(err as never)}</p>}
      {state && !state.ok && !err && <FormMessage state={state} />}
      <button type="submit" disabled={pending} className="self-start rounded bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900">{t("suspend", { user: label })}</button>
    </form>
  );
}

export function ReactivateButton({ userId, label }: { userId: string; label: string }) {
  const t = useTranslations("admin");
  const [state, action, pending] = useActionState(suspendUserAction, null);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="suspend" value="0" />
      <button type="submit" disabled={pending} className="ml-2 text-sm text-brand-700 underline">{t("reactivate", { user: label })}</button>
      {state && !state.ok && <FormMessage state={state} />}
    </form>
  );
}

/** Turns off a staff member's two-factor sign-in (lost phone); they are signed out and set it up again. */
export function ResetTwoFactorButton({ userId, label }: { userId: string; label: string }) {
  const t = useTranslations("security");
  const [state, action, pending] = useActionState(resetTwoFactorAction, null);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" disabled={pending} aria-label={`${t("reset")}: ${label}`} className="ml-2 text-sm text-red-800 underline">{t("reset")}</button>
      {state?.ok && <span role="status" className="ml-2 text-sm">{t("resetDone")}</span>}
      {state && !state.ok && <FormMessage state={state} />}
    </form>
  );
}
