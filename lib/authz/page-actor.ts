// For pages of the signed-in area: the actor, a redirect to sign-in when signed out (the proxy does this
// too, but a page must not rely on it), or null when the actor lacks the permission: the page then shows
// "No access" and answers HTTP 403, so that monitoring and scripts see the refusal (ADR 0034).
import "server-only";
import { redirect } from "next/navigation";
import { setResponseStatus } from "@/lib/security/response-status.mjs";
import { rolesOf, type Actor } from "@/lib/authz/actor";
import { currentActor } from "@/lib/authz/current-actor";
import { can, type Permission } from "@/lib/authz/permissions";

export async function pageActor(locale: string, path: string, permission?: Permission): Promise<Actor | null> {
  const actor = await currentActor();
  if (!actor) redirect(`/${locale}/sign-in?next=${encodeURIComponent(`/${locale}${path}`)}`);
  // Staff who must first set up two-factor sign-in are sent to do it.
  if (permission && !can(rolesOf(actor), permission) && actor.twoFactorSetupNeeded) redirect(`/${locale}/me/security?required=1`);
  if (permission && !can(rolesOf(actor), permission)) {
    setResponseStatus(403);
    return null;
  }
  return actor;
}
