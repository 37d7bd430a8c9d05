// Ending sessions: a user signs out on every device; an admin suspends an account (its sessions end at
// once, and it cannot sign in until reactivated). Both raise the user's session version, which every
// session token is checked against on each request (lib/authz/actor.ts).
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, type Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export async function signOutEverywhere(actor: Actor): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { sessionVersion: { increment: 1 } } });
    await tx.userSession.updateMany({ where: { userId: actor.userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, { actorId: actor.userId, action: "sessions.ended_everywhere", entityType: "User", entityId: actor.userId });
  });
}

export async function setSuspended(actor: Actor, userId: string, suspended: boolean): Promise<void> {
  assertCan(actor, "role:revoke:any");
  if (userId === actor.userId) throw new AppError("INVALID_STATE", "not yourself", { messageKey: "admin.cannotSuspendSelf" });
  await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) throw new AppError("NOT_FOUND", "user not found");
    await tx.user.update({
      where: { id: userId },
      data: suspended ? { suspendedAt: new Date(), sessionVersion: { increment: 1 } } : { suspendedAt: null },
    });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: suspended ? "user.suspended" : "user.reactivated",
      entityType: "User",
      entityId: userId,
    });
  });
}
