"use client";
import { useTranslations } from "next-intl";
import { ActionForm, ConfirmBox } from "@/components/form/action-form";
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
      <SelectField
        id="grant-user"
        label={t("grantUser")}
        placeholder={t("choose")}
        options={users}
        errorKey={f.errorKey("userId")}
        defaultValue={v.userId}
        registration={f.form.register("userId")}
      />
      <SelectField
        id="grant-organisation"
        label={t("grantOrganisation")}
        placeholder={t("choose")}
        options={organisations}
        errorKey={f.errorKey("organisationId")}
        defaultValue={v.organisationId}
        registration={f.form.register("organisationId")}
      />
      <SelectField
        id="grant-role"
        label={t("grantRole")}
        placeholder={t("choose")}
        options={roles}
        errorKey={f.errorKey("role")}
        defaultValue={v.role}
        registration={f.form.register("role")}
      />
      <SubmitButton pending={f.pending}>{t("grantButton")}</SubmitButton>
      <FormMessage state={f.state} success={t("granted")} />
    </form>
  );
}

export function RevokeRoleButton({ membershipId, label }: { membershipId: string; label: string }) {
  const t = useTranslations("admin");
  return (
    <ActionForm
      action={revokeRoleAction}
      hidden={{ membershipId }}
      submitLabel="×"
      submitAriaLabel={label}
      success={t("revoked")}
      tone="dangerLink"
      inline
    />
  );
}

/** The second step of a suspension: the box must be ticked (the server refuses the post without it). */
export function SuspendConfirmForm({ userId, label }: { userId: string; label: string }) {
  const t = useTranslations("admin");
  return (
    <ActionForm
      action={suspendUserAction}
      hidden={{ userId, suspend: "1" }}
      submitLabel={t("suspend", { user: label })}
      tone="danger"
      className="flex flex-col gap-3"
    >
      {(_, errorOf) => (
        <ConfirmBox
          id="suspend-confirmed"
          name="confirmed"
          required
          label={t("suspendConfirmCheck", { user: label })}
          errorKey={errorOf("confirmed")}
        />
      )}
    </ActionForm>
  );
}

export function ReactivateButton({ userId, label }: { userId: string; label: string }) {
  const t = useTranslations("admin");
  return (
    <ActionForm
      action={suspendUserAction}
      hidden={{ userId, suspend: "0" }}
      submitLabel={t("reactivate", { user: label })}
      tone="link"
      inline
    />
  );
}

/** Turns off a staff member's two-factor sign-in (lost phone); they are signed out and set it up again. */
export function ResetTwoFactorButton({ userId, label }: { userId: string; label: string }) {
  const t = useTranslations("security");
  return (
    <ActionForm
      action={resetTwoFactorAction}
      hidden={{ userId }}
      submitLabel={t("reset")}
      submitAriaLabel={`${t("reset")}: ${label}`}
      success={t("resetDone")}
      tone="dangerLink"
      inline
    />
  );
}
