// Decrypting the session token (HKDF + AES through WebCrypto) costs most of a millisecond on every signed-in
// request. The same token always decrypts to the same claims, so a node remembers the tokens it has already
// decrypted and verified, until their own expiry. Revocation does not depend on this: the session version
// and the device session are checked against the database on every request (lib/authz/actor.ts).
import { decode, type JWT, type JWTDecodeParams } from "next-auth/jwt";
import { decryptSessionToken } from "@/lib/auth/session-token-decrypt";

const MAX_REMEMBERED = 10_000;
const remembered = new Map<string, JWT>();

export async function decodeRemembered(params: JWTDecodeParams): Promise<JWT | null> {
  if (!params.token) return null;
  const key = `${params.salt}\u0000${params.token}`;
  const hit = remembered.get(key);
  if (hit && typeof hit.exp === "number" && hit.exp * 1000 > Date.now()) return { ...hit }; // callbacks may change their copy
  remembered.delete(key);
  // Synchronously when the token is of the form next-auth writes (lib/auth/session-token-decrypt.ts).
  const secret = Array.isArray(params.secret) ? undefined : params.secret;
  const fast = secret !== undefined ? decryptSessionToken(params.token, secret, params.salt) : undefined;
  const claims = fast !== undefined ? fast : await decode(params);
  if (claims && typeof claims.exp === "number") {
    if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
    remembered.set(key, { ...claims });
  }
  return claims;
}
