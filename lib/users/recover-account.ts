// Sets a new passphrase with a one-time recovery code (accounts without email have no other way back).
// Every failure looks the same, so the form cannot be used to find out which usernames exist. Like sign-in,
// after 5 failures for a username (or 30 from one client) in 15 minutes it is refused without checking —
// before the passphrase is hashed, so a flood costs no hashing either — and the form says for how long.
import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { AppError, isAppError } from "@/lib/errors";
import { hitRateLimit, LIMITS, rateLimitedFor, rateLimitError } from "@/lib/rate-limit/rate-limit";
import { hashRecoveryCode } from "@/lib/users/pseudonym";
import type { RecoverAccountInput } from "@/lib/users/schemas";

/** @param opts.client the client's address (`clientAddress()`), for the per-client limit */
export async function recoverAccount(
  input: RecoverAccountInput,
  opts: { client: string },
): Promise<{ userId: string; remainingCodes: number }> {
  const username = input.username.trim().toLowerCase();
  const wait =
    (await rateLimitedFor(LIMITS.recoveryFailuresAccount, username)) ?? (await rateLimitedFor(LIMITS.recoveryFailuresClient, opts.client));
  if (wait) throw rateLimitError(wait);
  try {
    return await recoverWithCode(input, await hashPassword(input.password));
  } catch (e) {
    if (isAppError(e) && e.code === "UNAUTHENTICATED") {
      await hitRateLimit(LIMITS.recoveryFailuresAccount, username);
      await hitRateLimit(LIMITS.recoveryFailuresClient, opts.client);
    }
    throw e;
  }
}

function recoverWithCode(input: RecoverAccountInput, passwordHash: string): Promise<{ userId: string; remainingCodes: number }> {
  const fail = () => new AppError("UNAUTHENTICATED", "recovery failed", { messageKey: "auth.recoveryFailed" });
  return db().$transaction(async (tx) => {
    const code = await tx.recoveryCode.findUnique({
      where: { codeHash: hashRecoveryCode(input.code) },
      select: { id: true, kind: true, usedAt: true, user: { select: { id: true, username: true, suspendedAt: true } } },
    });
    // Only the account's own recovery codes reset the passphrase: a two-factor backup code is the second
    // factor, and using it as the first too would make two factors one.
    if (!code || code.kind !== "account" || code.usedAt || code.user.username !== input.username || code.user.suspendedAt) throw fail();
    // Conditional update: two concurrent uses of one code cannot both succeed.
    const used = await tx.recoveryCode.updateMany({ where: { id: code.id, usedAt: null }, data: { usedAt: new Date() } });
    if (used.count !== 1) throw fail();
    // Whoever was signed in with the old passphrase is out: every session of the account ends.
    await tx.user.update({ where: { id: code.user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await tx.userSession.updateMany({ where: { userId: code.user.id, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, {
      actorId: code.user.id,
      action: "user.recovered",
      entityType: "User",
      entityId: code.user.id,
      data: { method: "recovery_code" },
    });
    const remainingCodes = await tx.recoveryCode.count({ where: { userId: code.user.id, kind: "account", usedAt: null } });
    return { userId: code.user.id, remainingCodes };
  });
}
