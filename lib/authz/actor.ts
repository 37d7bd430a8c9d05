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

/** `sessionVersion`: the version the session was issued under; an older one is signed out. */
export async function loadActor(userId: string, sessionVersion?: number, deviceSessionId?: string): Promise<Actor | null> {
  // One round trip on every request: the user, their memberships, the device session of this token
  // (one indexed row: signed out on its own?) and whether the deployment is under the emergency lock.
  // On the driver (hotQuery, docs/decisions/0023-hot-statements-on-the-driver.md): it runs on every request.
  const [user] = await hotQuery<{
    id: string;
    email: string | null;
    username: string | null;
    suspendedAt: Date | null;
    sessionVersion: number;
    totpEnabledAt: Date | null;
    memberships: { organisationId: string; role: Role }[];
    deviceId: string | null;
    revokedAt: Date | null;
    lastSeenAt: Date | null;
    deploymentLocked: boolean;
  }>(Prisma.sql`
    SELECT u.id, u.email, u.username, u."suspendedAt", u."sessionVersion", u."totpEnabledAt",
           COALESCE((SELECT json_agg(json_build_object('organisationId', m."organisationId", 'role', m.role) ORDER BY m."createdAt", m.id)
                     FROM "Membership" m WHERE m."userId" = u.id), '[]'::json) AS memberships,
           s.id AS "deviceId", s."revokedAt", s."lastSeenAt",
           EXISTS (SELECT 1 FROM "SecurityState" WHERE "lockedAt" IS NOT NULL) AS "deploymentLocked"
    FROM "User" u
    LEFT JOIN "UserSession" s ON s.id = ${deviceSessionId ?? null}::text AND s."userId" = u.id
    WHERE u.id = ${userId}`);
  // The emergency lock reaches this node with the first request after it, whichever node took it
  // (the watcher covers nodes without requests): cached case keys are dropped before anything decrypts.
  if (user) observeLockState(user.deploymentLocked);
  if (!user || user.suspendedAt) return null;
  if (sessionVersion !== undefined && sessionVersion !== user.sessionVersion) return null;
  if (deviceSessionId) {
    if (!user.deviceId || user.revokedAt) return null;
    // "Last seen" is kept to the nearest ten minutes: no write on every request.
    if (Date.now() - new Date(user.lastSeenAt!).getTime() > 10 * 60_000)
      await db().userSession.updateMany({ where: { id: deviceSessionId }, data: { lastSeenAt: new Date() } });
  }
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
