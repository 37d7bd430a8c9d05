// The sealed application (docs/decisions/0046-sealed-applications.md): an application filled offline and
// encrypted in the browser to the deployment's intake public key with age (X25519 recipient), so that
// anyone can carry it and nobody but the deployment can read it. This module is the one definition of
// what is inside, used by the offline page (sealing) and by the server (opening); no server-only code.
//
// Inside the age file, one plaintext:
//   "padtrymka-sealed/1\n" + <manifest as one line of JSON> + "\n" + <the files' bytes, one after another>
// The manifest says each file's name, type and size, so the bytes need no base64 (a phone photo stays its
// own size). age authenticates the whole plaintext: a changed byte anywhere fails to open.
import { armor, Decrypter, Encrypter } from "age-encryption";
import { z } from "zod";

export const SEALED_MAGIC = "padtrymka-sealed/1\n";
/** The largest sealed application accepted (file or pasted text), and the largest one sealed. */
export const SEALED_MAX_BYTES = 30 * 1024 * 1024;
/** Pasted text beyond this is refused before it is decoded (an armored file of the largest size). */
export const SEALED_MAX_TEXT_CHARS = Math.ceil((SEALED_MAX_BYTES * 4) / 3) + 1024 * 1024;

/** Why a sealed application was not accepted: each has a translated sentence (messages `deliver.refused.*`). */
export type SealedRefusalReason =
  | "empty"
  | "too_large"
  | "corrupt"
  | "wrong_key"
  | "changed"
  | "unknown_fund"
  | "other_fund"
  | "fund_closed"
  | "fund_changed"
  | "invalid"
  | "claim_code_taken"
  | "rate_limited"
  | "unavailable";

export class SealedError extends Error {
  constructor(
    readonly reason: SealedRefusalReason,
    message?: string,
  ) {
    super(message ?? `sealed application refused: ${reason}`);
  }
}

export { CLAIM_CODE, generateClaimCode, normaliseClaimCode } from "@/lib/sealed/claim-code";
import { CLAIM_CODE } from "@/lib/sealed/claim-code";

const ANSWER = z.string().max(5000).optional();
export const ManifestSchema = z.object({
  v: z.literal(1),
  // Random, made when the applicant seals: a second delivery of the same file answers with the same case.
  id: z.uuid(),
  claimCode: z.string().regex(CLAIM_CODE),
  fundId: z.string().min(1).max(100),
  // The fund's questions as the offline page knew them (fundFormVersion): changed since, the fund refuses.
  fundVersion: z.string().min(1).max(100),
  locale: z.enum(["be", "ru", "en"]),
  sealedAt: z.iso.datetime(),
  answers: z.object({
    category: ANSWER,
    purpose: ANSWER,
    region: ANSWER,
    amount: ANSWER,
    statement: ANSWER,
    legalName: ANSWER,
    phone: ANSWER,
    city: ANSWER,
    birthDate: ANSWER,
  }),
  files: z
    .array(z.object({ name: z.string().max(300), type: z.string().max(100), size: z.number().int().min(0).max(SEALED_MAX_BYTES) }))
    .max(5),
});
export type Manifest = z.infer<typeof ManifestSchema>;
export type SealedFile = { name: string; type: string; bytes: Uint8Array };
export type Opened = { manifest: Manifest; files: SealedFile[]; digest: string };

const encoder = new TextEncoder();

/** The plaintext of a sealed application (before encryption). */
export function pack(manifest: Omit<Manifest, "files">, files: SealedFile[]): Uint8Array {
  const full: Manifest = { ...manifest, files: files.map((f) => ({ name: f.name, type: f.type, size: f.bytes.length })) };
  const head = encoder.encode(`${SEALED_MAGIC}${JSON.stringify(full)}\n`);
  const out = new Uint8Array(head.length + files.reduce((n, f) => n + f.bytes.length, 0));
  out.set(head, 0);
  let at = head.length;
  for (const f of files) {
    out.set(f.bytes, at);
    at += f.bytes.length;
  }
  return out;
}

/** Reads a plaintext made by `pack`; anything else is "corrupt". */
export function unpack(plain: Uint8Array): { manifest: Manifest; files: SealedFile[] } {
  const magic = encoder.encode(SEALED_MAGIC);
  if (plain.length < magic.length || magic.some((b, i) => plain[i] !== b)) throw new SealedError("corrupt", "not a sealed application");
  const end = plain.indexOf(0x0a, magic.length);
  if (end < 0) throw new SealedError("corrupt", "no manifest");
  let manifest: Manifest;
  try {
    manifest = ManifestSchema.parse(JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(plain.subarray(magic.length, end))));
  } catch {
    throw new SealedError("corrupt", "manifest does not parse");
  }
  const files: SealedFile[] = [];
  let at = end + 1;
  for (const f of manifest.files) {
    if (at + f.size > plain.length) throw new SealedError("corrupt", "truncated");
    files.push({ name: f.name, type: f.type, bytes: plain.slice(at, at + f.size) });
    at += f.size;
  }
  if (at !== plain.length) throw new SealedError("corrupt", "trailing bytes");
  return { manifest, files };
}

/** Seals for the deployment's intake public key (`age1…`): the binary age file. */
export async function seal(recipient: string, manifest: Omit<Manifest, "files">, files: SealedFile[]): Promise<Uint8Array> {
  const e = new Encrypter();
  e.addRecipient(recipient);
  return e.encrypt(pack(manifest, files));
}

/** The armored (text) form of a sealed file, to paste into a message. */
export const toText = (sealed: Uint8Array) => armor.encode(sealed);

/** A pasted text or an uploaded file: the armored form is recognised by its first line. */
export function fromInput(input: Uint8Array | string): Uint8Array {
  if (typeof input !== "string") {
    const start = new TextDecoder().decode(input.subarray(0, 40)).trimStart();
    if (!start.startsWith("-----BEGIN AGE ENCRYPTED FILE-----")) return input;
    input = new TextDecoder().decode(input);
  }
  const text = input.replace(/\r\n?/g, "\n").trim();
  if (text.length === 0) throw new SealedError("empty");
  try {
    return armor.decode(`${text}\n`);
  } catch {
    throw new SealedError("corrupt", "armor does not decode");
  }
}

/**
 * Opens a sealed application with the intake private key(s) (`AGE-SECRET-KEY-1…`; several while a key is
 * being replaced). Every failure is a SealedError with the reason a carrier can act on.
 */
export async function open(identities: string[], input: Uint8Array | string): Promise<Opened> {
  const size = typeof input === "string" ? input.length : input.length;
  if (size === 0) throw new SealedError("empty");
  if (size > (typeof input === "string" ? SEALED_MAX_TEXT_CHARS : SEALED_MAX_BYTES)) throw new SealedError("too_large");
  const file = fromInput(input);
  if (file.length > SEALED_MAX_BYTES) throw new SealedError("too_large");
  checkHeader(file);
  const d = new Decrypter();
  for (const id of identities) d.addIdentity(id);
  let plain: Uint8Array;
  try {
    plain = await d.decrypt(file);
  } catch (e) {
    // Sealed to another deployment's key (or not to ours at all): a carrier should ask where it belongs.
    if (e instanceof Error && e.message.includes("no identity matched")) throw new SealedError("wrong_key");
    throw new SealedError("corrupt", e instanceof Error ? e.message : "does not decrypt");
  }
  const { manifest, files } = unpack(plain);
  return { manifest, files, digest: await sha256Hex(plain) };
}

/**
 * The page seals to exactly one X25519 recipient: a header with more stanzas (each costs the server a key
 * exchange before anything is authenticated: thousands of them would burn minutes of CPU) or of another
 * shape is refused before decryption, cheaply.
 */
function checkHeader(file: Uint8Array) {
  const head = new TextDecoder("latin1").decode(file.subarray(0, 1024));
  const end = head.indexOf("\n---");
  if (!head.startsWith("age-encryption.org/v1\n") || end < 0) throw new SealedError("corrupt", "not an age header of one recipient");
  const stanzas = head
    .slice(0, end)
    .split("\n")
    .filter((l) => l.startsWith("-> "));
  if (stanzas.length !== 1 || !stanzas[0]!.startsWith("-> X25519 "))
    throw new SealedError(stanzas.length === 1 ? "wrong_key" : "corrupt", "not one X25519 recipient");
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>));
  return Array.from(d, (b) => b.toString(16).padStart(2, "0")).join("");
}
