"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/form/form-message";
import { SubmitButton } from "@/components/ui/button";
import { publishAuditAnchorAction, verifyAuditChainAction } from "@/lib/audit/chain-actions";

/** Runs the audit chain check on demand; the page then shows the result (a plain form post without JavaScript). */
export function VerifyChainButton() {
  const t = useTranslations("admin");
  const [state, action, pending] = useActionState(verifyAuditChainAction, null);
  return (
    <form action={action} className="flex flex-col items-start gap-2">
      <SubmitButton pending={pending}>{t("chainVerifyButton")}</SubmitButton>
      {state && !state.ok && <FormMessage state={state} />}
    </form>
  );
}

/** Publishes the audit chain's anchor on the transparency page now (it is also published once a day). */
export function PublishAnchorButton() {
  const t = useTranslations("admin");
  const [state, action, pending] = useActionState(publishAuditAnchorAction, null);
  return (
    <form action={action} className="flex flex-col items-start gap-2">
      <SubmitButton pending={pending}>{t("anchorPublishButton")}</SubmitButton>
      {state && !state.ok && <FormMessage state={state} />}
    </form>
  );
}
