// The deployment's current public addresses and their signed list (docs/decisions/0047-mirrors.md): the
// addresses are the configuration (AUTH_URL first, then PUBLIC_URLS), the key is MIRRORS_SIGNING_KEY.
import "server-only";
import { env, publicOrigins } from "@/lib/env";
import { signingKeyFrom, signMirrorList, type SigningKey } from "@/lib/mirrors/signed-list";

let key: { seed: string; key: SigningKey } | undefined;

/** The deployment's signing key, or null when MIRRORS_SIGNING_KEY is not set. */
export function deploymentSigningKey(): SigningKey | null {
  const seed = env().MIRRORS_SIGNING_KEY;
  if (!seed) return null;
  if (key?.seed !== seed) key = { seed, key: signingKeyFrom(seed) };
  return key.key;
}

export type MirrorList = { urls: string[]; signed: { text: string; publicKey: string; fingerprint: string } | null };

/** Today's list (dated by the UTC day, so every node gives the same text), signed when a key is set. */
export function currentMirrorList(now = new Date()): MirrorList {
  const urls = publicOrigins().list;
  const k = deploymentSigningKey();
  if (!k || urls.length === 0) return { urls, signed: null };
  return {
    urls,
    signed: { text: signMirrorList(urls, now.toISOString().slice(0, 10), k), publicKey: k.publicKey, fingerprint: k.fingerprint },
  };
}
