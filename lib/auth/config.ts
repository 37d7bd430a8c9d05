// The edge-safe part of the next-auth configuration (no database, no providers): JWT sessions and callbacks, no
// database adapter and no providers (docs/decisions/0003-sessions.md).
import type { NextAuthConfig } from "next-auth";

export const authConfig = {
  session: { strategy: "jwt", maxAge: 60 * 60 * 8 },
  pages: { signIn: "/sign-in", verifyRequest: "/sign-in?sent=1", error: "/sign-in" },
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      // The token carries the user id only: roles are read from the database on every request.
      delete token.email;
      delete token.name;
      delete token.picture;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user = { ...session.user, id: token.sub, email: session.user?.email ?? "" };
      return session;
    },
  },
} satisfies NextAuthConfig;
