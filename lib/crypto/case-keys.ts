// ─── RISKY FILE: per-case data keys (docs/decisions/0017-case-data-keys.md) ─────────────────────────
// Each case's personal data (fields, messages, files, payout details) is encrypted under the case's own
// 32-byte data key, stored wrapped (AES-256-GCM) under the master key. Destroying the wrapped key is
// crypto-shredding: every copy of that case's ciphertext — in the database, replicas and backups — is
// unreadable from then on, even with the master key. Rotation re-wraps data keys without touching data.
//
// Unwrapped keys live in a small per-node cache for a few minutes; decryption is synchronous, so a query
// loads the keys of the cases it read (`loadCaseKeys`) before decrypting. Ciphertexts name their key as
// `dk_<dataKeyId>`, so values encrypted directly under the master key (older data) still decrypt.
import "server-only";
import crypto from "node:crypto";
import { LRUCache } from "lru-cache";
import type { Keyring } from "@/lib/crypto/field-encryption";
import { decryptBytes, encryptBytes } from "@/lib/crypto/field-encryption";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { masterKeyring } from "@/lib/crypto/master";

export const CASE_KEY_PREFIX = "dk_";
// An unwrapped key is used for at most 5 minutes after it was read: a key destroyed (erasure) or a lock
// set through another node is re-read within that time even if no lock check reaches this node.
const TTL_MS = 5 * 60 * 1000;
// A key older than this is read again before a query uses it, so it cannot expire between the load and
// the decryption that follows it.
const RELOAD_BEFORE_MS = 30 * 1000;
// 20,000 cases' keys (about 2 MB) cover every case a busy node reads within the lifetime.
const MAX_CACHED = 20_000;
const keyCache = <V extends Buffer | string>() => new LRUCache<string, V>({ max: MAX_CACHED, ttl: TTL_MS });
// One cache per process, on globalThis: Next.js bundles this module more than once (the pages' server
// layers and instrumentation.ts, where the lock watcher runs, get separate module instances), and the
// watcher must drop the keys the pages use. Found with two app processes: the other process kept
// decrypting after a lock until its cached keys expired.
const shared = ((globalThis as { padtrymkaCaseKeyCache?: SharedKeys }).padtrymkaCaseKeyCache ??= {
  cache: keyCache(),
  byOwner: keyCache(),
  lockedFlag: { value: false },
});
type SharedKeys = {
  cache: LRUCache<string, Buffer>; // "dk_<id>" -> data key
  byOwner: LRUCache<string, string>; // "Application:<id>" or "User:<id>" -> "dk_<id>"
  lockedFlag: { value: boolean };
};
const { cache, byOwner } = shared;
/** The key is cached and has time left to be used by the query that asks. */
const fresh = (dkId: string | undefined) => dkId !== undefined && cache.getRemainingTTL(dkId) > RELOAD_BEFORE_MS;

type Client = Pick<Tx, "$queryRaw" | "$executeRaw">;
/** Set while the deployment is under the emergency lock (lib/crypto/emergency-lock.ts). */
export const lockedFlag = shared.lockedFlag;
const owner = (applicationId: string) => `Application:${applicationId}`;
export const caseKeyOwner = owner;
/** An applicant's own data key covers what belongs to no single case: their contact handle and profile. */
export const userOwner = (userId: string) => `User:${userId}`;
const wrapContext = (dataKeyId: string) => `DataKey:${dataKeyId}`;

/** Wraps a data key under the current master key (also used by rotation). */
export function wrap(dataKeyId: string, key: Buffer, ring: Keyring = masterKeyring()): { wrappedKey: string; masterKeyId: string } {
  return { wrappedKey: encryptBytes(ring, key, wrapContext(dataKeyId)).toString("base64"), masterKeyId: ring.current };
}
export function unwrap(dataKeyId: string, wrappedKey: string, ring: Keyring = masterKeyring()): Buffer {
  return decryptBytes(ring, Buffer.from(wrappedKey, "base64"), wrapContext(dataKeyId));
}

function remember(ownerKey: string, dataKeyId: string, key: Buffer) {
  cache.set(CASE_KEY_PREFIX + dataKeyId, key);
  byOwner.set(ownerKey, CASE_KEY_PREFIX + dataKeyId);
}

/**
 * Loads the data keys of these cases into this node's cache; with `create`, makes the missing ones
 * (concurrent creators agree on one key through the unique owner).
 */
export async function loadCaseKeys(client: Client, applicationIds: readonly string[], opts: { create?: boolean } = {}): Promise<void> {
  return loadKeys(client, applicationIds.map(owner), opts);
}

/** The same for applicants' own keys (contact handle, profile). */
export async function loadUserKeys(client: Client, userIds: readonly string[], opts: { create?: boolean } = {}): Promise<void> {
  return loadKeys(client, userIds.map(userOwner), opts);
}

async function loadKeys(client: Client, owners: readonly string[], opts: { create?: boolean }): Promise<void> {
  const wanted = [...new Set(owners)].filter((o) => !fresh(byOwner.get(o)));
  if (wanted.length === 0) return;
  if (opts.create) {
    for (const o of wanted) {
      const dataKeyId = `${crypto.randomBytes(12).toString("hex")}`;
      const w = wrap(dataKeyId, crypto.randomBytes(32));
      // Never while the deployment is locked: new personal data cannot be written then.
      await client.$executeRaw`
        INSERT INTO "DataKey" (id, owner, "wrappedKey", "masterKeyId", "createdAt", "updatedAt")
        SELECT ${dataKeyId}, ${o}, ${w.wrappedKey}, ${w.masterKeyId}, now(), now()
        WHERE NOT EXISTS (SELECT 1 FROM "SecurityState" WHERE "lockedAt" IS NOT NULL)
        ON CONFLICT (owner) DO NOTHING`;
    }
  }
  // The lock is checked in the same query: a node never unwraps a key once the deployment is locked.
  const rows = await client.$queryRaw<
    { id: string; owner: string; wrappedKey: string | null; masterKeyId: string | null; locked: boolean }[]
  >`
    SELECT id, owner, "wrappedKey", "masterKeyId", EXISTS (SELECT 1 FROM "SecurityState" WHERE "lockedAt" IS NOT NULL) AS locked
    FROM "DataKey" WHERE owner = ANY(${wanted})`;
  const lockedNow =
    rows.some((r) => r.locked) ||
    (rows.length === 0 &&
      opts.create &&
      (await client.$queryRaw<{ l: boolean }[]>`SELECT EXISTS (SELECT 1 FROM "SecurityState" WHERE "lockedAt" IS NOT NULL) AS l`)[0]?.l);
  if (lockedNow) {
    lockedFlag.value = true;
    clearCaseKeyCache();
    if (opts.create) throw new AppError("INVALID_STATE", "deployment locked", { messageKey: "security.lockedNotice" });
    return;
  }
  for (const r of rows) {
    if (r.wrappedKey) remember(r.owner, r.id, unwrap(r.id, r.wrappedKey));
    else forget(r.owner);
  }
}

/** A data key to be inserted by the caller, in the same statement as the first data it encrypts. */
export type NewDataKey = { id: string; owner: string; wrappedKey: string; masterKeyId: string };
export type AdoptedCaseKey = {
  /** Encrypt the case's new data with this ring. */
  ring: Keyring;
  /** Set when the case had no key: insert it (`ON CONFLICT (owner) DO NOTHING`) with the data. */
  newKey: NewDataKey | null;
  /** The write stored the new key: it becomes the case's key on this node. */
  confirm: () => void;
  /** The write stored nothing: drop the new key. */
  discard: () => void;
};

/**
 * For hot paths that read a case's key row together with the case (one query instead of `loadCaseKeys`):
 * caches the stored key, or — when the case has none yet — makes one for the caller to insert in the
 * statement that writes the ciphertext. That statement must write nothing unless its key was inserted or is
 * the stored one (a concurrent first save may have stored another). A new key is not the case's key on
 * this node until `confirm`: until then only its own ciphertext (which names it) can use it.
 */
export function adoptCaseKey(
  applicationId: string,
  row: { keyId: string | null; wrappedKey: string | null; locked: boolean },
): AdoptedCaseKey {
  const o = owner(applicationId);
  if (row.locked) {
    observeLockState(true);
    throw new AppError("INVALID_STATE", "deployment locked", { messageKey: "security.lockedNotice" });
  }
  const nothing = () => {};
  if (row.keyId) {
    if (!row.wrappedKey) {
      forget(o);
      throw new AppError("INVALID_STATE", "data key destroyed", { messageKey: "apply.notADraft" });
    }
    if (fresh(CASE_KEY_PREFIX + row.keyId)) byOwner.set(o, CASE_KEY_PREFIX + row.keyId);
    else remember(o, row.keyId, unwrap(row.keyId, row.wrappedKey));
    return { ring: { current: CASE_KEY_PREFIX + row.keyId, keys: compositeKeys }, newKey: null, confirm: nothing, discard: nothing };
  }
  const id = crypto.randomBytes(12).toString("hex");
  const key = crypto.randomBytes(32);
  cache.set(CASE_KEY_PREFIX + id, key);
  return {
    ring: { current: CASE_KEY_PREFIX + id, keys: compositeKeys },
    newKey: { id, owner: o, ...wrap(id, key) },
    confirm: () => remember(o, id, key),
    discard: () => void cache.delete(CASE_KEY_PREFIX + id),
  };
}

/** The keyring that encrypts new data of a case (its key must be loaded, with `create`). */
export function caseKeyring(applicationId: string): Keyring {
  return ringOf(owner(applicationId));
}
export function userKeyring(userId: string): Keyring {
  return ringOf(userOwner(userId));
}
function ringOf(ownerKey: string): Keyring {
  const current = byOwner.get(ownerKey);
  if (!current || !cache.has(current)) throw new Error(`data key of ${ownerKey} not loaded`);
  return { current, keys: compositeKeys };
}

/** Master keys and the loaded data keys, as one key map for decryption. */
export const compositeKeys = {
  get(id: string): Buffer | undefined {
    return id.startsWith(CASE_KEY_PREFIX) ? cache.get(id) : masterKeyring().keys.get(id);
  },
} as unknown as Map<string, Buffer>;

function forget(ownerKey: string) {
  const k = byOwner.get(ownerKey);
  if (k) cache.delete(k);
  byOwner.delete(ownerKey);
}

/** Crypto-shredding: the case's data key is destroyed; its ciphertext anywhere is unreadable from now on. */
export async function destroyCaseKey(client: Client, applicationId: string): Promise<void> {
  await client.$executeRaw`UPDATE "DataKey" SET "wrappedKey" = NULL, "masterKeyId" = NULL, "destroyedAt" = now(), "updatedAt" = now() WHERE owner = ${owner(applicationId)} AND "destroyedAt" IS NULL`;
  forget(owner(applicationId));
}

/**
 * Records the lock state just read from the database (by the watcher, and by every signed-in request's
 * actor query): on a lock this node drops its keys at once. Returns true when the node's view changed.
 */
export function observeLockState(locked: boolean): boolean {
  const changed = lockedFlag.value !== locked;
  lockedFlag.value = locked;
  if (locked && (changed || cache.size > 0)) clearCaseKeyCache();
  return changed;
}

/** Forget every unwrapped key on this node (emergency lock, tests). */
export function clearCaseKeyCache(): void {
  cache.clear();
  byOwner.clear();
}
