// next-auth's session token, decrypted synchronously with node:crypto. next-auth's own decoder runs about
// eight WebCrypto steps one after another (key derivation, key id, key imports, MAC, comparison,
// decryption), each a hop through libuv's thread pool and back through the event loop: under load
// every hop waits for a turn of a busy loop, so a request whose token this process has not decrypted yet
// (the first one of each session on each app process) waited far longer than the others (figures in
// ADR 0019; ADR 0051 plans its replacement). The format is the one next-auth writes (RFC 7516 compact JWE, "dir" key
// management, A256CBC-HS512, RFC 7518 §5.2.2), with the key next-auth derives from the secret (HKDF) and
// its key id (RFC 7638 thumbprint); both are derived once per secret. Anything else — another content
// encryption, compression, critical headers — is left to next-auth's decoder (`undefined`).
import crypto from "node:crypto";
import { LRUCache } from "lru-cache";
import type { JWT } from "next-auth/jwt";

const B64URL = /^[A-Za-z0-9_-]*$/;
const CLOCK_TOLERANCE_S = 15; // as next-auth asks of jose
// One entry per secret and cookie name (a handful); no ttl: a key derived from a secret never goes stale.
const derivedKeys = new LRUCache<string, { key: Buffer; kid: string }>({ max: 16 });

function derived(secret: string, salt: string): { key: Buffer; kid: string } {
  const id = `${salt}\u0000${secret}`;
  let k = derivedKeys.get(id);
  if (!k) {
    const key = Buffer.from(crypto.hkdfSync("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, 64));
    // RFC 7638: the members of the JWK in lexicographic order, no whitespace; SHA-512 for a 512-bit key.
    const kid = crypto
      .createHash("sha512")
      .update(`{"k":"${key.toString("base64url")}","kty":"oct"}`)
      .digest("base64url");
    k = { key, kid };
    derivedKeys.set(id, k);
  }
  return k;
}

class InvalidToken extends Error {}
const invalid = (why: string): never => {
  throw new InvalidToken(`session token refused: ${why}`);
};

/**
 * The token's claims; throws when it does not verify, is malformed or has expired; `undefined` when it
 * is of a form this decoder leaves to next-auth's.
 */
export function decryptSessionToken(token: string, secret: string, salt: string, nowMs = Date.now()): JWT | undefined {
  const parts = token.split(".");
  if (parts.length !== 5 || !parts.every((p) => B64URL.test(p))) return invalid("not a compact JWE");
  const [h, encryptedKey, ivPart, ctPart, tagPart] = parts as [string, string, string, string, string];
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(h, "base64url").toString("utf8")) as Record<string, unknown>;
  } catch {
    return invalid("header");
  }
  if (typeof header !== "object" || header === null || Array.isArray(header)) return invalid("header");
  if (header.alg !== "dir" || header.enc !== "A256CBC-HS512" || "zip" in header || "crit" in header) return undefined;
  if (encryptedKey !== "") return invalid("a direct key has no encrypted key");
  const { key, kid } = derived(secret, salt);
  if (header.kid !== undefined && header.kid !== kid) return invalid("key id");
  const iv = Buffer.from(ivPart, "base64url");
  const ciphertext = Buffer.from(ctPart, "base64url");
  const tag = Buffer.from(tagPart, "base64url");
  if (iv.length !== 16 || tag.length !== 32 || ciphertext.length === 0 || ciphertext.length % 16 !== 0) return invalid("lengths");
  // RFC 7518 §5.2.2.1: MAC over AAD || IV || ciphertext || AAD length in bits (64-bit big-endian); the
  // first half of the key is the MAC key, the second the AES key; the tag is the first half of the MAC.
  const aad = Buffer.from(h, "ascii");
  const al = Buffer.alloc(8);
  al.writeBigUInt64BE(BigInt(aad.length * 8));
  const mac = crypto
    .createHmac("sha512", key.subarray(0, 32))
    .update(aad)
    .update(iv)
    .update(ciphertext)
    .update(al)
    .digest()
    .subarray(0, 32);
  if (!crypto.timingSafeEqual(mac, tag)) return invalid("authentication tag");
  let claims: unknown;
  try {
    const d = crypto.createDecipheriv("aes-256-cbc", key.subarray(32), iv);
    claims = JSON.parse(Buffer.concat([d.update(ciphertext), d.final()]).toString("utf8"));
  } catch {
    return invalid("payload");
  }
  if (typeof claims !== "object" || claims === null || Array.isArray(claims)) return invalid("payload");
  const c = claims as Record<string, unknown>;
  const now = Math.floor(nowMs / 1000);
  for (const name of ["exp", "nbf", "iat"]) if (name in c && typeof c[name] !== "number") return invalid(`"${name}" is not a number`);
  if (typeof c.exp === "number" && c.exp <= now - CLOCK_TOLERANCE_S) return invalid("expired");
  if (typeof c.nbf === "number" && c.nbf > now + CLOCK_TOLERANCE_S) return invalid("not yet valid");
  return c as JWT;
}
