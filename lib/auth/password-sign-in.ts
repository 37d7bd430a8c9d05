// The password sign-in check (next-auth's Credentials `authorize`), on its own so that it can be tested
// without a request. Every refusal looks the same to someone who does not know the password; a pending
// password (chosen before the email was confirmed) and a missing second factor are said only after it.
import "server-only";
import { CredentialsSignin } from "@auth/core/errors";
import { verifyPassword } from "@/lib/auth/password";
import { verifySecondFactor } from "@/lib/auth/two-factor";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { hitRateLimit, LIMITS, rateLimitedFor } from "@/lib/rate-limit/rate-limit";
import { SignInSchema } from "@/lib/users/schemas";

/** The password was right, but it was chosen before the email was confirmed and not confirmed since. */
export class PasswordPending extends CredentialsSignin {
  code = "password_pending";
}

/** The password was right but the account's second factor is missing or wrong (said only after the password). */
export class TwoFactorNeeded extends CredentialsSignin {
  code = "two_factor";
}

/** `client`: the client's address, for the per-client lockout. Returns the user to sign in, or throws. */
export async function checkPasswordSignIn(raw: unknown, client: string): Promise<{ id: string }> {
  const parsed = SignInSchema.safeParse(raw);
  if (!parsed.success) throw new CredentialsSignin();
  const { identifier, password, otp } = parsed.data;
  const id = identifier.trim().toLowerCase();
  const fail = async () => {
    await hitRateLimit(LIMITS.signInFailuresAccount, id);
    await hitRateLimit(LIMITS.signInFailuresClient, client);
  };
  // Lockout: after repeated failures for this account or from this client, refuse without checking.
  if ((await rateLimitedFor(LIMITS.signInFailuresAccount, id)) || (await rateLimitedFor(LIMITS.signInFailuresClient, client)))
    throw new CredentialsSignin();
  const user = await db().user.findFirst({
    where: id.includes("@") ? { email: id } : { username: id },
    select: { id: true, passwordHash: true, passwordPending: true, suspendedAt: true, totpEnabledAt: true },
  });
  const ok = await verifyPassword(user?.passwordHash, password);
  if (!user || !ok || user.suspendedAt) {
    logger.info({ event: "auth.sign_in_failed" }, "password sign-in failed");
    await fail();
    throw new CredentialsSignin();
  }
  // A password set before the address was confirmed proves nothing about who owns the address (account
  // pre-hijacking): it works only once the owner, signed in by a link, confirms it
  // (lib/users/set-password.ts). Counted like a failure.
  if (user.passwordPending) {
    logger.info({ event: "auth.password_pending" }, "password not confirmed yet");
    await fail();
    throw new PasswordPending();
  }
  // Staff with two-factor sign-in also give a current code (or a recovery code); a wrong one counts
  // towards the lockout like a wrong password.
  if (user.totpEnabledAt && !(await verifySecondFactor(user.id, otp))) {
    logger.info({ event: "auth.second_factor_failed" }, "second factor missing or wrong");
    if (otp) await fail();
    throw new TwoFactorNeeded();
  }
  await db().user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return { id: user.id };
}
