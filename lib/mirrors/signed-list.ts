// The signed list of a deployment's public addresses (docs/decisions/0047-mirrors.md): plain text to post
// into a channel, signed with the deployment's Ed25519 key (node:crypto), verifiable offline by anyone who
// knows that key's public half or fingerprint. A forged list posted into a channel either fails the
// signature (someone changed an address) or is signed by another key (someone made their own): both are
// refused, and the second is told apart so that nobody mistakes "validly signed" for "signed by us".
//
//   -----BEGIN PADTRYMKA MIRRORS-----
//   format: padtrymka-mirrors-1
//   date: 2026-05-01
//   key: ed25519 <public key, 32 bytes in base64url>
//   url: https://padtrymka.example
//   url: http://<56 characters>.onion
//   signature: <Ed25519 signature, base64url>
//   -----END PADTRYMKA MIRRORS-----
//
// What is signed: the lines from `format:` to the last `url:`, each trimmed, joined with "\n", plus a final
// "\n" — so a messenger that re-indents, adds blank lines or changes line endings does not break it, while
// any change to a character of a line does. No server-only import: scripts/mirrors-verify.ts uses it too.
import crypto from "node:crypto";
import { originOf, PublicUrlsError } from "@/lib/security/public-urls.mjs";

export const BEGIN = "-----BEGIN PADTRYMKA MIRRORS-----";
export const END = "-----END PADTRYMKA MIRRORS-----";
const FORMAT = "padtrymka-mirrors-1";
const MAX_URLS = 100;
export const MAX_LIST_CHARS = 20_000;

// PKCS#8 wrapping of a raw Ed25519 private key (RFC 8410): how node:crypto imports the 32 bytes.
const PKCS8_ED25519 = Buffer.from("302e020100300506032b657004220420", "hex");

export type SigningKey = { privateKey: crypto.KeyObject; publicKey: string; fingerprint: string };

/** A new private key for MIRRORS_SIGNING_KEY: 32 random bytes, base64url. */
export function generateSigningKey(): string {
  const { privateKey } = crypto.generateKeyPairSync("ed25519");
  return privateKey.export({ format: "jwk" }).d!;
}

/** The key pair of MIRRORS_SIGNING_KEY. */
export function signingKeyFrom(seed: string): SigningKey {
  const privateKey = crypto.createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519, Buffer.from(seed, "base64url")]),
    format: "der",
    type: "pkcs8",
  });
  const publicKey = crypto.createPublicKey(privateKey).export({ format: "jwk" }).x!;
  return { privateKey, publicKey, fingerprint: fingerprintOf(publicKey) };
}

/**
 * What a person compares with the published one: SHA-256 of the 32-byte public key, its first 20 bytes as
 * ten groups of four hex digits ("3F2A 91C0 …").
 */
export function fingerprintOf(publicKey: string): string {
  const hex = crypto.createHash("sha256").update(Buffer.from(publicKey, "base64url")).digest("hex").slice(0, 40).toUpperCase();
  return hex.match(/.{4}/g)!.join(" ");
}

const message = (lines: string[]) => Buffer.from(`${lines.join("\n")}\n`, "utf8");

/** The signed text of a list of origins, dated `date` (YYYY-MM-DD). */
export function signMirrorList(urls: string[], date: string, key: SigningKey): string {
  const lines = [`format: ${FORMAT}`, `date: ${date}`, `key: ed25519 ${key.publicKey}`, ...urls.map((u) => `url: ${u}`)];
  const signature = crypto.sign(null, message(lines), key.privateKey).toString("base64url");
  return [BEGIN, ...lines, `signature: ${signature}`, END].join("\n") + "\n";
}

export type Verified =
  | { ok: true; urls: string[]; date: string; publicKey: string; fingerprint: string }
  /** `malformed`: not a whole list; `changed`: a signed line was altered; `other_key`: signed, but not by the expected key. */
  | { ok: false; reason: "malformed" }
  | { ok: false; reason: "changed" | "other_key"; publicKey: string; fingerprint: string };

type Parsed = { lines: string[]; date: string; publicKey: string; urls: string[]; signature: Buffer };

function parse(text: string): Parsed | null {
  if (text.length > MAX_LIST_CHARS) return null;
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END, start + BEGIN.length);
  if (start < 0 || end < 0 || text.indexOf(BEGIN, start + BEGIN.length) >= 0) return null;
  const lines = text
    .slice(start + BEGIN.length, end)
    .split(/\r?\n|\r/)
    .map((l) => l.trim())
    .filter(Boolean);
  const last = /^signature: ([A-Za-z0-9_-]{86})$/.exec(lines.pop() ?? "");
  const [format, date, key, ...rest] = lines;
  const d = /^date: (\d{4}-\d{2}-\d{2})$/.exec(date ?? "");
  const k = /^key: ed25519 ([A-Za-z0-9_-]{43})$/.exec(key ?? "");
  if (!last || format !== `format: ${FORMAT}` || !d || !k || rest.length === 0 || rest.length > MAX_URLS) return null;
  const urls: string[] = [];
  for (const line of rest) {
    const u = /^url: (\S+)$/.exec(line);
    if (!u) return null;
    try {
      // Only an address exactly as the deployment writes it: nothing a reader could misread.
      if (originOf(u[1]!) !== u[1]) return null;
    } catch (e) {
      if (e instanceof PublicUrlsError) return null;
      throw e;
    }
    urls.push(u[1]!);
  }
  return { lines, date: d[1]!, publicKey: k[1]!, urls, signature: Buffer.from(last[1]!, "base64url") };
}

/** The public key or fingerprint as someone typed it, normalised, or null if it is neither. */
export function normaliseKey(raw: string): { publicKey: string } | { fingerprint: string } | null {
  const t = raw.trim().replace(/^ed25519[: ]\s*/i, "");
  if (/^[A-Za-z0-9_-]{43}$/.test(t)) return { publicKey: t };
  const hex = t.replace(/[\s:-]/g, "").toUpperCase();
  if (/^[0-9A-F]{40}$/.test(hex)) return { fingerprint: hex.match(/.{4}/g)!.join(" ") };
  return null;
}

/**
 * Checks a pasted or downloaded list against the key it must be signed with: `expected` is the public key
 * (base64url) or its fingerprint. Text around the list (a channel post's words) is ignored.
 */
export function verifyMirrorList(text: string, expected: string): Verified {
  const p = parse(text);
  if (!p) return { ok: false, reason: "malformed" };
  const fingerprint = fingerprintOf(p.publicKey);
  const anchor = normaliseKey(expected);
  const isExpected = !!anchor && ("publicKey" in anchor ? anchor.publicKey === p.publicKey : anchor.fingerprint === fingerprint);
  let valid = false;
  try {
    const key = crypto.createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: p.publicKey }, format: "jwk" });
    valid = crypto.verify(null, message(p.lines), key, p.signature);
  } catch {
    valid = false;
  }
  // Another key first: a forger who changed the key line gets "not ours", whatever the signature says.
  if (!isExpected) return { ok: false, reason: "other_key", publicKey: p.publicKey, fingerprint };
  if (!valid) return { ok: false, reason: "changed", publicKey: p.publicKey, fingerprint };
  return { ok: true, urls: p.urls, date: p.date, publicKey: p.publicKey, fingerprint };
}
