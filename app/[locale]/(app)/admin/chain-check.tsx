"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/form/form-message";
import { SubmitButton } from "@/components/ui/button";
import type { verifyAuditChainAction } from "@/lib/audit/chain-actions";

/**
 * One of the audit chain's on-demand actions (check it, publish its anchor): a plain form post without
 * JavaScript, after which the page shows the result.
 */
export function AuditChainButton({ action: run, label }: { action: typeof verifyAuditChainAction; label: string }) {
  const [state, action, pending] = useActionState(run, null);
  return (
    <form action={action} className="flex flex-col items-start gap-2">
      <SubmitButton pending={pending}>{label}</SubmitButton>
      {state && !state.ok && <FormMessage state={state} />}
    </form>
  );
}
