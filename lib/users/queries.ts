// Reads about users for the admin page. Every read takes the actor and checks its permission.
import "server-only";
import { assertCan, type Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

const USER_SELECT = {
  id: true,
  email: true,
  username: true,
  suspendedAt: true,
  totpEnabledAt: true,
  createdAt: true,
  memberships: { select: { id: true, role: true, organisation: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } },
} satisfies Prisma.UserSelect;

/**
 * A page of users with their roles for the admin page, newest first: optionally those whose email or
 * username contains `q` (case-insensitive), from the cursor `after` (a user id of the previous page).
 */
export async function listUsersPage(actor: Actor, opts: { q?: string; after?: string; take?: number } = {}) {
  assertCan(actor, "user:read:any");
  const take = Math.min(Math.max(opts.take ?? 50, 1), 200);
  const q = opts.q?.trim();
  const rows = await db().user.findMany({
    where: q ? { OR: [{ email: { contains: q, mode: "insensitive" } }, { username: { contains: q, mode: "insensitive" } }] } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...(opts.after ? { cursor: { id: opts.after }, skip: 1 } : {}),
    take: take + 1,
    select: USER_SELECT,
  });
  const users = rows.slice(0, take);
  return { users, next: rows.length > take ? users[users.length - 1]!.id : null };
}

/** One user with their roles (the admin's confirmation step before suspending). */
export async function getUserForAdmin(actor: Actor, userId: string) {
  assertCan(actor, "user:read:any");
  return db().user.findUnique({ where: { id: userId }, select: USER_SELECT });
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

/** The signed-in user's own password state, for /me and /me/security. */
export async function ownPasswordState(actor: Actor) {
  const u = await db().user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { email: true, passwordHash: true, passwordPending: true },
  });
  return { hasEmail: !!u.email, hasPassword: !!u.passwordHash, pending: u.passwordPending };
}
