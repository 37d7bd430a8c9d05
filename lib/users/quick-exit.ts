// Quick exit and its setting (docs/decisions/0037-quick-exit-leaves-nothing-behind.md). Signing out on
// quick exit ends this device's session on the server too, like "Sign out"; like it, it writes no audit
// event: a record of the moment someone fled the page would help only whoever reads the log against them.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { signsOutOnQuickExit } from "@/lib/users/quick-exit-rules";

/** The actor's effective "Sign me out on quick exit". */
export async function quickExitSignsOut(actor: Actor): Promise<boolean> {
  const user = await db().user.findUniqueOrThrow({ where: { id: actor.userId }, select: { quickExitSignOut: true, email: true } });
  return signsOutOnQuickExit(user);
}

export async function setQuickExitSignOut(actor: Actor, on: boolean): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { quickExitSignOut: on } });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: "user.quick_exit_setting_changed",
      entityType: "User",
      entityId: actor.userId,
      data: { signOut: on },
    });
  });
}

/** Quick exit for the current session: `true` when it signed this device out (the caller clears the cookie). */
export async function quickExit(actor: Actor | null, deviceSessionId: string | undefined): Promise<boolean> {
  if (!actor || !(await quickExitSignsOut(actor))) return false;
  if (deviceSessionId)
    await db().userSession.updateMany({
      where: { id: deviceSessionId, userId: actor.userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
  return true;
}
