// next-auth with a password sign-in (Credentials) and a magic link by email (Nodemailer provider).
// Both begin a device session (a UserSession row); the cookie next-auth writes is that session's opaque
// value, through next-auth's own `jwt.encode`/`jwt.decode` hooks (docs/decisions/0051-opaque-session-ids.md). Configuration is built lazily per request so
// that importing this module (e.g. during `next build`) touches neither the database nor the environment.
import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { clientAddress } from "@/lib/rate-limit/rate-limit";
import Nodemailer from "next-auth/providers/nodemailer";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { authConfig } from "@/lib/auth/config";
import { checkPasswordSignIn } from "@/lib/auth/password-sign-in";
export { PasswordPending, TwoFactorNeeded } from "@/lib/auth/password-sign-in";
import { db } from "@/lib/db/client";
import { env, publicOrigins } from "@/lib/env";
import { mailedLink, redirectOnThisAddress } from "@/lib/auth/public-links";
import { logger } from "@/lib/log";
import { sendMail } from "@/lib/mail/send-mail";
import { magicLinkMail } from "@/lib/auth/magic-link-mail";
import { startDeviceSession } from "@/lib/users/devices";
import { loadSessionActor } from "@/lib/authz/actor";
import { headers } from "next/headers";
import { after } from "next/server";

/**
 * After the response to a magic-link request: the mail for an existing, active account without two-factor
 * sign-in; for any other address nothing is sent, and the token next-auth stored for it (which nobody can
 * ever receive) is removed, so the table keeps no address that has no account.
 */
async function deliverMagicLink(identifier: string, url: string, expires: Date): Promise<void> {
  try {
    const user = await db().user.findUnique({
      where: { email: identifier.toLowerCase() },
      select: { suspendedAt: true, totpEnabledAt: true },
    });
    if (!user || user.suspendedAt || user.totpEnabledAt) {
      await db().verificationToken.deleteMany({ where: { identifier, expires } });
      logger.info({ event: "auth.magic_link_unknown" }, "magic link requested for no active account");
      return;
    }
    await sendMail({ to: identifier, ...magicLinkMail(url) });
  } catch (e) {
    // Only the kind of failure: a mail server's message can quote the address.
    logger.error({ event: "auth.magic_link_failed", err: { name: e instanceof Error ? e.name : "unknown" } }, "magic link not sent");
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const e = env();
  return {
    ...authConfig,
    secret: e.AUTH_SECRET,
    session: { strategy: "jwt", maxAge: e.SESSION_MAX_AGE_SECONDS },
    // The session "token" is the device session: encoding gives its opaque cookie value (the same one each
    // time next-auth re-issues the cookie), decoding finds the live session by that value's hash.
    jwt: {
      encode({ token }) {
        if (typeof token?.st !== "string") throw new Error("session without a device session");
        return token.st;
      },
      async decode({ token }) {
        const session = token ? await loadSessionActor(token) : null;
        return session ? { sub: session.actor.userId, sid: session.deviceSessionId, st: token } : null;
      },
    },
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
          return checkPasswordSignIn(raw, await clientAddress(request.headers));
        },
      }),
      Nodemailer({
        server: e.SMTP_URL ?? "smtp://127.0.0.1:25",
        from: e.MAIL_FROM,
        maxAge: 15 * 60,
        // Only existing, active accounts without two-factor sign-in get a link, but every address gets the
        // same answer ("check your email") after the same work: whether a mail goes out is decided, and the
        // mail sent, only after the response (Next.js's `after`), so neither the page nor its timing says
        // who has an account (ADR 0032).
        // The link opens on the public address the person asked from, if it is one of ours (ADR 0047).
        async sendVerificationRequest({ identifier, url, expires, request }) {
          const link = mailedLink(url, request.headers, publicOrigins());
          after(() => deliverMagicLink(identifier, link, expires));
        },
      }),
    ],
    callbacks: {
      ...authConfig.callbacks,
      // After sign-in or sign-out: a path, so the person stays on the address (mirror, onion) they are on.
      redirect({ url, baseUrl }) {
        return redirectOnThisAddress(url, baseUrl, publicOrigins());
      },
      // Each sign-in begins a device session: listed on /me/security, where it can be signed out on its own.
      async jwt(params) {
        const token = authConfig.callbacks.jwt(params);
        if (params.user?.id) {
          const ua = await headers().then(
            (h) => h.get("user-agent"),
            () => null,
          );
          const session = await startDeviceSession(params.user.id, ua, e.SESSION_MAX_AGE_SECONDS);
          token.sid = session.id;
          token.st = session.token;
        }
        return token;
      },
      session(params) {
        const session = authConfig.callbacks.session(params);
        return { ...session, sid: typeof params.token.sid === "string" ? params.token.sid : undefined };
      },
      async signIn({ user, account, email }) {
        if (account?.provider === "nodemailer") {
          // Asking for a link: the same for every address (see sendVerificationRequest).
          if (email?.verificationRequest) return true;
          // Following one: magic links never create accounts (sign-up does); suspended users cannot sign in,
          // and a link is one factor, not enough for an account with two-factor sign-in.
          const existing = user.email
            ? await db().user.findUnique({ where: { email: user.email.toLowerCase() }, select: { suspendedAt: true, totpEnabledAt: true } })
            : null;
          return !!existing && !existing.suspendedAt && !existing.totpEnabledAt;
        }
        return true;
      },
    },
  };
});
