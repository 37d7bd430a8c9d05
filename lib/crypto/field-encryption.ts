// ─── RISKY FILE: encryption of personal data at rest ───────────────────────────────────────────────
// AES-256-GCM with a random 96-bit IV per value. Ciphertext format (ASCII, safe in a text column):
//   pv1.<keyId>.<iv base64url>.<ciphertext+tag base64url>
// The key id makes rotation possible: ENCRYPTION_KEYS lists keys newest first; new values use the first,
// old values still decrypt with theirs (docs/decisions/0006-field-encryption.md). `context` is bound as
// additional authenticated data (e.g. "Application.legalName:<id>"), so a ciphertext copied into another
// row or field fails to decrypt instead of leaking under the wrong label.
import crypto from "node:crypto";

export type Keyring = { current: string; keys: Map<string, Buffer> };

export function parseKeyring(spec: string): Keyring {
  const keys = new Map<string, Buffer>();
  let current: string | undefined;
  for (const part of spec.split(",")) {
    const [id, b64] = part.split(":");
    if (!id || !b64) throw new Error("ENCRYPTION_KEYS entry must be <keyId>:<base64 key>");
    const key = Buffer.from(b64, "base64");
    if (key.length !== 32) throw new Error(`ENCRYPTION_KEYS key ${id} must be 32 bytes`);
    if (keys.has(id)) throw new Error(`ENCRYPTION_KEYS lists key ${id} twice`);
    keys.set(id, key);
    current ??= id;
  }
  if (!current) throw new Error("ENCRYPTION_KEYS is empty");
  return { current, keys };
}

export function generateKeySpec(id = `k${Date.now().toString(36)}`): string {
  return `${id}:${crypto.randomBytes(32).toString("base64")}`;
}

const PREFIX = "pv1";

export function encryptField(ring: Keyring, plaintext: string, context: string): string {
  const key = ring.keys.get(ring.current)!;
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return [PREFIX, ring.current, iv.toString("base64url"), ct.toString("base64url")].join(".");
}

export class DecryptionError extends Error {}

export function decryptField(ring: Keyring, value: string, context: string): string {
  const [prefix, keyId, ivB64, ctB64, ...rest] = value.split(".");
  if (prefix !== PREFIX || !keyId || !ivB64 || !ctB64 || rest.length) throw new DecryptionError("not an encrypted field value");
  const key = ring.keys.get(keyId);
  if (!key) throw new DecryptionError(`no key ${keyId} in the keyring`);
  const data = Buffer.from(ctB64, "base64url");
  if (data.length < 16) throw new DecryptionError("ciphertext too short");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(ivB64, "base64url"));
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(data.subarray(data.length - 16));
  try {
    return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString("utf8");
  } catch {
    throw new DecryptionError("authentication failed (wrong key, wrong context or tampered value)");
  }
}

/** Key id a value was encrypted with (for re-encryption after rotation). */
export function keyIdOf(value: string): string | undefined {
  return value.startsWith(`${PREFIX}.`) ? value.split(".")[1] : undefined;
}

/** Keyed hash of a normalised identifier, to find duplicates without decrypting (blind index). */
export function blindIndex(secret: string, normalised: string): string {
  return crypto.createHmac("sha256", secret).update(normalised, "utf8").digest("base64url");
}

// Binary values (evidence files): [1 byte version][1 byte keyId length][keyId][12 bytes IV][ciphertext][16 bytes tag]
const BYTES_VERSION = 1;

export function encryptBytes(ring: Keyring, plaintext: Buffer, context: string): Buffer {
  const key = ring.keys.get(ring.current)!;
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const id = Buffer.from(ring.current, "utf8");
  return Buffer.concat([Buffer.from([BYTES_VERSION, id.length]), id, iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

export function decryptBytes(ring: Keyring, value: Uint8Array, context: string): Buffer {
  const buf = Buffer.from(value);
  if (buf[0] !== BYTES_VERSION) throw new DecryptionError("not an encrypted binary value");
  const idLen = buf[1]!;
  const keyId = buf.subarray(2, 2 + idLen).toString("utf8");
  const key = ring.keys.get(keyId);
  if (!key) throw new DecryptionError(`no key ${keyId} in the keyring`);
  const iv = buf.subarray(2 + idLen, 14 + idLen);
  const body = buf.subarray(14 + idLen);
  if (body.length < 16) throw new DecryptionError("ciphertext too short");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, iv);
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(body.subarray(body.length - 16));
  try {
    return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]);
  } catch {
    throw new DecryptionError("authentication failed (wrong key, wrong context or tampered value)");
  }
}
