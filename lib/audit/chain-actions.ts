"use server";
// The admin's on-demand check of the audit chain, and publishing its anchor on demand. The actor always comes from the session.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { publishAuditAnchor } from "@/lib/audit/publish-anchor";
import { verifyAuditChainNow } from "@/lib/audit/verify-audit-chain-now";
import { requireActor } from "@/lib/authz/current-actor";

export const verifyAuditChainAction = formAction("verifyAuditChain", z.object({}), async () => {
  await verifyAuditChainNow(await requireActor());
  revalidatePath("/[locale]/admin", "page");
  // Back to the page, which shows the result just recorded (also without JavaScript; a reload does not re-run it).
  redirect(`/${await getLocale()}/admin?chain=checked#audit`);
});

export const publishAuditAnchorAction = formAction("publishAuditAnchor", z.object({}), async () => {
  await publishAuditAnchor(await requireActor());
  revalidatePath("/[locale]/admin", "page");
  revalidatePath("/[locale]/transparency", "page");
  redirect(`/${await getLocale()}/admin?anchor=published#audit`);
});
