// The session cookie is an opaque value: 32 random bytes, base64url (43 characters). The database keeps
// only its SHA-256 (UserSession.tokenHash), so a copy of the database (a backup, a replica) holds no live
// session; every session is a row that can be ended by an update (docs/decisions/0051-opaque-session-ids.md).
import crypto from "node:crypto";

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

// next-auth's cookie names: `__Secure-` when served over https.
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export function newSessionToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/** The hash a session is found by; null for anything that is not a cookie this app issues. */
export function sessionTokenHash(token: string): string | null {
  if (!TOKEN.test(token)) return null;
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** The session cookie's value among a request's cookies (the `__Secure-` one first), or null. */
export function sessionCookieValue(all: { name: string; value: string }[]): string | null {
  for (const name of SESSION_COOKIE_NAMES) {
    const c = all.find((x) => x.name === name);
    if (c) return c.value;
  }
  return null;
}
