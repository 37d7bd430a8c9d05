// Admin revokes a membership. The last ADMIN membership cannot be revoked.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, type Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { canRevokeRole } from "@/lib/users/rules";
import type { RevokeRoleInput } from "@/lib/users/schemas";

export async function revokeRole(actor: Actor, input: RevokeRoleInput): Promise<void> {
  assertCan(actor, "role:revoke:any");
  await db().$transaction(async (tx) => {
    // Lock the admin memberships so two admins revoking each other at once cannot leave none.
    await tx.$queryRaw`SELECT id FROM "Membership" WHERE role = 'ADMIN' FOR UPDATE`;
    const m = await tx.membership.findUnique({
      where: { id: input.membershipId },
      select: { id: true, role: true, userId: true, organisationId: true },
    });
    if (!m) throw new AppError("NOT_FOUND", "membership not found");
    const admins = m.role === "ADMIN" ? await tx.membership.count({ where: { role: "ADMIN" } }) : 0;
    if (!canRevokeRole(m.role, admins - 1)) throw new AppError("INVALID_STATE", "cannot revoke the last admin");
    await tx.membership.delete({ where: { id: m.id } });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: "membership.revoked",
      entityType: "Membership",
      entityId: m.id,
      data: { userId: m.userId, organisationId: m.organisationId, role: m.role },
    });
  });
}
