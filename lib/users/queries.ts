// Reads about users for the admin page. Every read takes the actor and checks its permission.
import "server-only";
import { verifyAuditChain } from "@/lib/audit/verify";
import { assertCan, type Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";

export async function listUsersWithRoles(actor: Actor, opts: { take?: number } = {}) {
  assertCan(actor, "user:read:any");
  return db().user.findMany({
    orderBy: { createdAt: "asc" },
    take: opts.take ?? 200,
    select: {
      id: true,
      email: true,
      username: true,
      suspendedAt: true,
      totpEnabledAt: true,
      memberships: { select: { id: true, role: true, organisation: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
}

export async function listOrganisations(actor: Actor) {
  assertCan(actor, "user:read:any");
  return db().organisation.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, kind: true } });
}

export async function recentAuditEvents(actor: Actor, take = 20) {
  assertCan(actor, "audit:read:any");
  const rows = await db().auditEvent.findMany({
    orderBy: { seq: "desc" },
    take,
    select: { seq: true, action: true, entityType: true, entityId: true, createdAt: true, actorId: true },
  });
  return rows.map((r) => ({ ...r, seq: r.seq.toString() }));
}

/** The audit chain's verification, for the admin page (the whole chain, recomputed in Node). */
export async function auditChainStatus(actor: Actor) {
  assertCan(actor, "audit:read:any");
  return verifyAuditChain((sql, params) => db().$queryRawUnsafe<Record<string, unknown>[]>(sql, ...params));
}

/** The signed-in user's own password state, for /me and /me/security. */
export async function ownPasswordState(actor: Actor) {
  const u = await db().user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true, passwordHash: true, passwordPending: true } });
  return { hasEmail: !!u.email, hasPassword: !!u.passwordHash, pending: u.passwordPending };
}
