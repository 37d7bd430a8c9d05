// Admin grants a staff role in an organisation. Idempotent: granting a role already held changes nothing.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, type Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { roleFitsOrganisation } from "@/lib/users/rules";
import type { GrantRoleInput } from "@/lib/users/schemas";

export async function grantRole(actor: Actor, input: GrantRoleInput): Promise<{ membershipId: string; created: boolean }> {
  assertCan(actor, "role:grant:any");
  return db().$transaction(async (tx) => {
    const [user, org] = await Promise.all([
      tx.user.findUnique({ where: { id: input.userId }, select: { id: true } }),
      tx.organisation.findUnique({ where: { id: input.organisationId }, select: { id: true, kind: true } }),
    ]);
    if (!user || !org) throw new AppError("NOT_FOUND", "user or organisation not found");
    if (!roleFitsOrganisation(input.role, org.kind)) {
      throw new AppError("INVALID_INPUT", "role does not fit organisation", { fieldErrors: { organisationId: ["role_org_mismatch"] } });
    }
    const key = { userId: user.id, organisationId: org.id, role: input.role };
    const existing = await tx.membership.findUnique({ where: { userId_organisationId_role: key }, select: { id: true } });
    if (existing) return { membershipId: existing.id, created: false };
    const m = await tx.membership.create({ data: { ...key, grantedById: actor.userId }, select: { id: true } });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: "membership.granted",
      entityType: "Membership",
      entityId: m.id,
      data: { userId: user.id, organisationId: org.id, role: input.role },
    });
    return { membershipId: m.id, created: true };
  });
}
