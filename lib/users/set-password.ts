// ─── RISKY FILE: who may make a password work (docs/decisions/0025-passwords-need-a-confirmed-email.md) ───
// A password chosen at email sign-up is pending until the owner of the address, signed in by a link sent
// to it, types it again ("confirm") or chooses another ("change"). A change of a working password needs
// the current one. Either way every other signed-in device of the account is signed out: whoever knew the
// old password (or held a session from before) is out.
import "server-only";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { consumeRateLimit, LIMITS, rateLimitedFor, rateLimitError } from "@/lib/rate-limit/rate-limit";
import type { SetPasswordInput } from "@/lib/users/schemas";

export async function setPassword(
  actor: Actor,
  input: SetPasswordInput,
  currentDeviceSessionId?: string,
): Promise<{ outcome: "confirmed" | "changed" }> {
  const user = await db().user.findUnique({
    where: { id: actor.userId },
    select: { email: true, emailVerified: true, passwordHash: true, passwordPending: true },
  });
  if (!user) throw new AppError("NOT_FOUND", "user not found");
  // A pending password is settled only by someone who proved the address (the link): never otherwise.
  if (user.passwordPending && !user.emailVerified)
    throw new AppError("FORBIDDEN", "email not confirmed", { messageKey: "security.passwordEmailFirst" });
  // Guessing through this form counts like guessing at sign-in, and is paused like it.
  // Only a step that checks a password is paused: anyone can trip an address's sign-in lockout, and that
  // must not stop its owner, signed in by a link, from choosing a new password.
  const subject = (user.email ?? actor.label).toLowerCase();
  const verifies = input.mode === "confirm" || (!user.passwordPending && !!user.passwordHash);
  const wait = verifies ? await rateLimitedFor(LIMITS.signInFailuresAccount, subject) : null;
  if (wait) throw rateLimitError(wait);
  const wrong = async (field: string, key: string) => {
    await consumeRateLimit(LIMITS.signInFailuresAccount, subject);
    return new AppError("INVALID_INPUT", "wrong password", { fieldErrors: { [field]: [key] } });
  };
  let passwordHash: string;
  if (input.mode === "confirm") {
    if (!user.passwordPending || !user.passwordHash)
      throw new AppError("INVALID_STATE", "nothing to confirm", { messageKey: "security.passwordNothingPending" });
    if (!(await verifyPassword(user.passwordHash, input.password))) throw await wrong("password", "password_not_signup");
    passwordHash = user.passwordHash;
  } else {
    if (!user.passwordPending && user.passwordHash && !(await verifyPassword(user.passwordHash, input.current)))
      throw await wrong("current", "password_current_wrong");
    passwordHash = await hashPassword(input.password);
  }
  const outcome = input.mode === "confirm" ? "confirmed" : "changed";
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { passwordHash, passwordPending: false } });
    await tx.userSession.updateMany({
      where: { userId: actor.userId, revokedAt: null, ...(currentDeviceSessionId ? { id: { not: currentDeviceSessionId } } : {}) },
      data: { revokedAt: new Date() },
    });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: `user.password_${outcome}`,
      entityType: "User",
      entityId: actor.userId,
      data: { wasPending: user.passwordPending },
    });
  });
  return { outcome };
}
