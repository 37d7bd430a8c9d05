// Decrypting the session token (HKDF + AES through WebCrypto) costs most of a millisecond on every signed-in
// request. The same token always decrypts to the same claims, so a node remembers the tokens it has already
// decrypted and verified, until their own expiry. Revocation does not depend on this: the session version
// and the device session are checked against the database on every request (lib/authz/actor.ts).
import { LRUCache } from "lru-cache";
import { decode, type JWT, type JWTDecodeParams } from "next-auth/jwt";
import { decryptSessionToken } from "@/lib/auth/session-token-decrypt";

// 10,000 sessions signed in on one node at once is more than a deployment has; each entry lives until its
// token's own expiry (set per entry below, at most the longest session next-auth issues, 30 days), timed on
// the wall clock the token's `exp` is written in, checked on every read (no cached clock).
const remembered = new LRUCache<string, JWT>({ max: 10_000, ttl: 30 * 86_400_000, perf: { now: () => Date.now() }, ttlResolution: 0 });

export async function decodeRemembered(params: JWTDecodeParams): Promise<JWT | null> {
  if (!params.token) return null;
  const key = `${params.salt}\u0000${params.token}`;
  const hit = remembered.get(key);
  if (hit) return { ...hit }; // callbacks may change their copy
  // Synchronously when the token is of the form next-auth writes (lib/auth/session-token-decrypt.ts).
  const secret = Array.isArray(params.secret) ? undefined : params.secret;
  const fast = secret !== undefined ? decryptSessionToken(params.token, secret, params.salt) : undefined;
  const claims = fast !== undefined ? fast : await decode(params);
  // Only a token with time left (a ttl of 0 would mean "forever"), never past the cache's own lifetime.
  const left = claims && typeof claims.exp === "number" ? claims.exp * 1000 - Date.now() : 0;
  if (claims && left > 0) remembered.set(key, { ...claims }, { ttl: Math.min(left, remembered.ttl) });
  return claims;
}
