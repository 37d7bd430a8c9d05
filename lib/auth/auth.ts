// next-auth with a password sign-in (Credentials) and a magic link by email (Nodemailer provider).
// Both issue a JWT session that carries only the user id. Configuration is built lazily per request so
// that importing this module (e.g. during `next build`) touches neither the database nor the environment.
import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import { decodeRemembered } from "@/lib/auth/remembered-tokens";
import Credentials from "next-auth/providers/credentials";
import { clientAddress, hitRateLimit, LIMITS, rateLimitedFor } from "@/lib/rate-limit/rate-limit";
import Nodemailer from "next-auth/providers/nodemailer";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { authConfig } from "@/lib/auth/config";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { sendMail } from "@/lib/mail/send-mail";
import { SignInSchema } from "@/lib/users/schemas";
import { magicLinkMail } from "@/lib/auth/magic-link-mail";
import { verifySecondFactor } from "@/lib/auth/two-factor";
import { startDeviceSession } from "@/lib/users/devices";
import { headers } from "next/headers";

/** The password was right but the account's second factor is missing or wrong (said only after the password). */
export class TwoFactorNeeded extends CredentialsSignin {
  code = "two_factor";
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const e = env();
  return {
    ...authConfig,
    secret: e.AUTH_SECRET,
    session: { strategy: "jwt", maxAge: e.SESSION_MAX_AGE_SECONDS },
    jwt: { decode: decodeRemembered },
    adapter: PrismaAdapter(db()),
    // Auth.js logs through pino; a wrong password is an expected event (already logged above), not an error.
    logger: {
      error(error) {
        if (error.name === "CredentialsSignin") return;
        logger.error({ event: "auth.error", err: { name: error.name, message: error.message } }, "auth error");
      },
      warn(code) {
        logger.warn({ event: "auth.warning", code }, "auth warning");
      },
      debug() {},
    },
    providers: [
      Credentials({
        credentials: { identifier: {}, password: {}, otp: {} },
        async authorize(raw, request) {
          const parsed = SignInSchema.safeParse(raw);
          if (!parsed.success) throw new CredentialsSignin();
          const { identifier, password, otp } = parsed.data;
          const id = identifier.trim().toLowerCase();
          const client = await clientAddress(request.headers);
          // Lockout: after repeated failures for this account or from this client, refuse without checking.
          if ((await rateLimitedFor(LIMITS.signInFailuresAccount, id)) || (await rateLimitedFor(LIMITS.signInFailuresClient, client))) throw new CredentialsSignin();
          const user = await db().user.findFirst({
            where: id.includes("@") ? { email: id } : { username: id },
            select: { id: true, passwordHash: true, suspendedAt: true, totpEnabledAt: true },
          });
          const ok = await verifyPassword(user?.passwordHash, password);
          if (!user || !ok || user.suspendedAt) {
            logger.info({ event: "auth.sign_in_failed" }, "password sign-in failed");
            await hitRateLimit(LIMITS.signInFailuresAccount, id);
            await hitRateLimit(LIMITS.signInFailuresClient, client);
            throw new CredentialsSignin();
          }
          // Staff with two-factor sign-in also give a current code (or a recovery code); a wrong one counts
          // towards the lockout like a wrong password.
          if (user.totpEnabledAt && !(await verifySecondFactor(user.id, otp))) {
            logger.info({ event: "auth.second_factor_failed" }, "second factor missing or wrong");
            if (otp) {
              await hitRateLimit(LIMITS.signInFailuresAccount, id);
              await hitRateLimit(LIMITS.signInFailuresClient, client);
            }
            throw new TwoFactorNeeded();
          }
          await db().user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
          return { id: user.id };
        },
      }),
      Nodemailer({
        server: e.SMTP_URL ?? "smtp://127.0.0.1:25",
        from: e.MAIL_FROM,
        maxAge: 15 * 60,
        // Only existing, active accounts get a link; everyone sees the same "check your email" page,
        // so the form cannot be used to find out who has an account.
        async sendVerificationRequest({ identifier, url }) {
          const user = await db().user.findUnique({ where: { email: identifier.toLowerCase() }, select: { suspendedAt: true, totpEnabledAt: true } });
          // A link is one factor: accounts with two-factor sign-in use their password and code instead.
          if (!user || user.suspendedAt || user.totpEnabledAt) {
            logger.info({ event: "auth.magic_link_unknown" }, "magic link requested for no active account");
            return;
          }
          await sendMail({ to: identifier, ...magicLinkMail(url) });
        },
      }),
    ],
    callbacks: {
      ...authConfig.callbacks,
      // The token remembers the session version it was issued under; raising the user's version ends it.
      async jwt(params) {
        const token = authConfig.callbacks.jwt(params);
        if (params.user?.id) {
          const u = await db().user.findUnique({ where: { id: params.user.id }, select: { sessionVersion: true } });
          token.sv = u?.sessionVersion ?? 0;
          // A device session per sign-in: listed on /me/security, where it can be signed out on its own.
          const ua = await headers().then((h) => h.get("user-agent"), () => null);
          token.sid = await startDeviceSession(params.user.id, ua);
        }
        return token;
      },
      session(params) {
        const session = authConfig.callbacks.session(params);
        return { ...session, sv: typeof params.token.sv === "number" ? params.token.sv : 0, sid: typeof params.token.sid === "string" ? params.token.sid : undefined };
      },
      async signIn({ user, account }) {
        // Magic links never create accounts (sign-up does); suspended users cannot sign in.
        if (account?.provider === "nodemailer") {
          const existing = user.email ? await db().user.findUnique({ where: { email: user.email.toLowerCase() }, select: { suspendedAt: true } }) : null;
          return !!existing && !existing.suspendedAt;
        }
        return true;
      },
    },
  };
});
