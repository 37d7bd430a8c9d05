// Who is acting: the signed-in user and their memberships, loaded from the database on every request
// (never from the session token), so a suspension or a revoked role takes effect at once.
import "server-only";
import { observeLockState } from "@/lib/crypto/case-keys";
import { db, hotQuery } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { can, type Permission } from "@/lib/authz/permissions";
import type { Role } from "@/lib/db/generated/enums";
import { STAFF_2FA_ROLES, staffTwoFactorRequired } from "@/lib/auth/two-factor-policy";
import { sessionTokenHash } from "@/lib/auth/session-token";

export type Actor = {
  userId: string;
  label: string; // email or username, for the signed-in header only
  email: string | null; // where neutral notices may go (null for pseudonymous accounts)
  memberships: { organisationId: string; role: Role }[];
  /** Staff roles held back until the user sets up two-factor sign-in (where the policy requires it). */
  twoFactorSetupNeeded?: boolean;
};

export const rolesOf = (a: Actor) => new Set(a.memberships.map((m) => m.role));
export const orgsWithRole = (a: Actor, role: Role) => a.memberships.filter((m) => m.role === role).map((m) => m.organisationId);

type ActorRow = {
  id: string;
  email: string | null;
  username: string | null;
  suspendedAt: Date | null;
  totpEnabledAt: Date | null;
  memberships: { organisationId: string; role: Role }[];
  deviceId: string | null;
  lastSeenAt: Date | null;
  deploymentLocked: boolean;
};

// The user, their memberships and whether the deployment is under the emergency lock, in one statement.
// On the driver (hotQuery, docs/decisions/0023-hot-statements-on-the-driver.md): it runs on every request.
const actorColumns = Prisma.sql`
  u.id, u.email, u.username, u."suspendedAt", u."totpEnabledAt",
  COALESCE((SELECT json_agg(json_build_object('organisationId', m."organisationId", 'role', m.role) ORDER BY m."createdAt", m.id)
            FROM "Membership" m WHERE m."userId" = u.id), '[]'::json) AS memberships,
  EXISTS (SELECT 1 FROM "SecurityState" WHERE "lockedAt" IS NOT NULL) AS "deploymentLocked"`;

/**
 * The actor of a session cookie (ADR 0051), with the id of its device session. One round trip on every
 * signed-in request: the session is found by the hash of the cookie and is live only when it is not signed
 * out, not past its end and of the user's current session version (sign-out everywhere, suspension, a
 * password recovery and a two-factor reset raise it). Null for anything else, including a malformed cookie.
 */
export async function loadSessionActor(sessionToken: string): Promise<{ actor: Actor; deviceSessionId: string } | null> {
  const tokenHash = sessionTokenHash(sessionToken);
  if (!tokenHash) return null;
  const [row] = await hotQuery<ActorRow>(Prisma.sql`
    SELECT ${actorColumns}, s.id AS "deviceId", s."lastSeenAt"
    FROM "UserSession" s JOIN "User" u ON u.id = s."userId"
    WHERE s."tokenHash" = ${tokenHash} AND s."revokedAt" IS NULL AND s."expiresAt" > now() AND s.version = u."sessionVersion"`);
  const actor = row ? actorOf(row) : null;
  if (!row || !actor) return null;
  // "Last seen" is kept to the nearest ten minutes: no write on every request.
  if (Date.now() - new Date(row.lastSeenAt!).getTime() > 10 * 60_000)
    await db().userSession.updateMany({ where: { id: row.deviceId! }, data: { lastSeenAt: new Date() } });
  return { actor, deviceSessionId: row.deviceId! };
}

/** The actor for a user id, without a session (tests and scripts acting as someone); null when suspended. */
export async function loadActor(userId: string): Promise<Actor | null> {
  const [row] = await hotQuery<ActorRow>(Prisma.sql`
    SELECT ${actorColumns}, NULL AS "deviceId", NULL AS "lastSeenAt" FROM "User" u WHERE u.id = ${userId}`);
  return row ? actorOf(row) : null;
}

function actorOf(user: ActorRow): Actor | null {
  // The emergency lock reaches this node with the first request after it, whichever node took it
  // (the watcher covers nodes without requests): cached case keys are dropped before anything decrypts.
  observeLockState(user.deploymentLocked);
  if (user.suspendedAt) return null;
  const base = { userId: user.id, label: user.email ?? user.username ?? "", email: user.email };
  // Reviewers, fund managers and admins act only with two-factor sign-in set up (where required): until
  // then their staff roles are not granted, so every domain check refuses them.
  const staff = user.memberships.some((m) => STAFF_2FA_ROLES.includes(m.role));
  if (staff && !user.totpEnabledAt && staffTwoFactorRequired()) {
    return { ...base, memberships: user.memberships.filter((m) => !STAFF_2FA_ROLES.includes(m.role)), twoFactorSetupNeeded: true };
  }
  return { ...base, memberships: user.memberships };
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(rolesOf(actor), permission)) throw new AppError("FORBIDDEN", `Missing permission ${permission}`);
}
