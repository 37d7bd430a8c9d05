// The claims of the current request's session cookie: the user id, the session version it was issued
// under and its device session. Read straight from the cookie with the same decoder next-auth uses
// (lib/auth/remembered-tokens.ts) instead of through next-auth's `auth()`, which builds its whole
// configuration and checks its CSRF cookie on every call, a cost on every signed-in request (figure in
// docs/decisions/0019-submission-hot-path.md). Issuing, refreshing and ending sessions stay with next-auth.
import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { decodeRemembered } from "@/lib/auth/remembered-tokens";
import { env } from "@/lib/env";

export type SessionClaims = { userId: string; sessionVersion: number; deviceSessionId?: string };

// next-auth's cookie names: `__Secure-` when served over https; long tokens are split into `.0`, `.1`, …
const NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/** The cookie's value under one name, joining chunks the way next-auth writes them. */
export function sessionToken(all: { name: string; value: string }[], name: string): string | null {
  const whole = all.find((c) => c.name === name);
  if (whole) return whole.value;
  const chunks = all
    .map((c) => ({ c, i: c.name.startsWith(`${name}.`) ? Number(c.name.slice(name.length + 1)) : NaN }))
    .filter((x) => Number.isInteger(x.i) && x.i >= 0)
    .sort((a, b) => a.i - b.i);
  return chunks.length > 0 ? chunks.map((x) => x.c.value).join("") : null;
}

/** Null when signed out, or when the cookie does not decrypt or has expired. Cached for one request. */
export const sessionClaims = cache(async (): Promise<SessionClaims | null> => {
  const all = (await cookies()).getAll();
  for (const name of NAMES) {
    const token = sessionToken(all, name);
    if (!token) continue;
    const claims = await decodeRemembered({ token, secret: env().AUTH_SECRET, salt: name }).catch(() => null);
    if (!claims?.sub) return null;
    return {
      userId: claims.sub,
      sessionVersion: typeof claims.sv === "number" ? claims.sv : 0,
      deviceSessionId: typeof claims.sid === "string" ? claims.sid : undefined,
    };
  }
  return null;
});
