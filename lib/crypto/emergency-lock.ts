// ─── RISKY FILE: the emergency lock (docs/decisions/0018-emergency-lock.md) ─────────────────────────
// An admin who fears a seizure locks the deployment: every case data key is wrapped a second time under
// a fresh random unlock key that is shown once and stored nowhere in the system (only its HMAC check).
// From then on neither the database, nor the master key, nor both together can decrypt any case's
// personal data; nodes drop their cached keys within seconds; new case data cannot be written. Supplying
// the unlock code again removes the second layer.
import "server-only";
import crypto from "node:crypto";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertFreshFactor } from "@/lib/auth/two-factor";
import { assertCan, type Actor } from "@/lib/authz/actor";
import { clearCaseKeyCache, lockedFlag, observeLockState } from "@/lib/crypto/case-keys";
import { decryptBytes, encryptBytes, type Keyring } from "@/lib/crypto/field-encryption";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log";

export const LOCKED_MASTER_ID = "locked";
const BATCH = 500;
const CHECK_TEXT = "padtrymka-unlock-check";
const lockRing = (key: Buffer): Keyring => ({ current: "lock", keys: new Map([["lock", key]]) });
const ctx = (dataKeyId: string) => `Lock:${dataKeyId}`;
const checkOf = (key: Buffer) => crypto.createHmac("sha256", key).update(CHECK_TEXT).digest("base64url");

/** This node's view of the lock (refreshed every few seconds by the watcher, and at once by lock/unlock). */
export const deploymentLocked = () => lockedFlag.value;

export async function refreshLockState(): Promise<boolean> {
  const row = await db().securityState.findUnique({ where: { id: 1 }, select: { lockedAt: true } });
  const now = !!row?.lockedAt;
  if (observeLockState(now) && now) logger.warn({ event: "lock.observed" }, "deployment locked: case keys dropped from this node");
  return now;
}

let watcher: NodeJS.Timeout | undefined;
export function startLockWatcher(): void {
  if (watcher) return;
  const run = () => refreshLockState().catch(() => undefined);
  void run();
  watcher = setInterval(run, 5_000);
  watcher.unref();
}

/** Locks every case's personal data; returns the unlock code, shown once. */
export async function lockDeployment(actor: Actor, otp: string | undefined): Promise<{ unlockCode: string; keys: number }> {
  assertCan(actor, "deployment:lock:any");
  await assertFreshFactor(actor, otp);
  const key = crypto.randomBytes(32);
  await db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ lockedAt: Date | null }[]>`SELECT "lockedAt" FROM "SecurityState" WHERE id = 1 FOR UPDATE`;
    if (rows[0]?.lockedAt) throw new AppError("INVALID_STATE", "already locked", { messageKey: "security.alreadyLocked" });
    await tx.securityState.update({
      where: { id: 1 },
      data: { lockedAt: new Date(), lockedById: actor.userId, unlockCheck: checkOf(key) },
    });
    await recordAuditEvent(tx, { actorId: actor.userId, action: "deployment.locked", entityType: "SecurityState", entityId: "1" });
  });
  lockedFlag.value = true;
  clearCaseKeyCache();
  // From here no node loads or creates a case key (they check the lock in the same query); wrap them all.
  let keys = 0;
  for (;;) {
    const batch = await db().$queryRaw<{ id: string; wrappedKey: string; masterKeyId: string }[]>`
      SELECT id, "wrappedKey", "masterKeyId" FROM "DataKey" WHERE "wrappedKey" IS NOT NULL AND "masterKeyId" <> ${LOCKED_MASTER_ID} LIMIT ${BATCH}`;
    if (batch.length === 0) break;
    // One statement per batch: locking thousands of cases takes seconds, not minutes, so the response with
    // the unlock code is not lost to a proxy's timeout while a raid is under way.
    const ids = batch.map((r) => r.id);
    const outers = batch.map((r) =>
      encryptBytes(lockRing(key), Buffer.from(`${r.masterKeyId}:${r.wrappedKey}`, "utf8"), ctx(r.id)).toString("base64"),
    );
    const masters = batch.map((r) => r.masterKeyId);
    keys += await db().$executeRaw`
      UPDATE "DataKey" d SET "wrappedKey" = v.sealed, "masterKeyId" = ${LOCKED_MASTER_ID}, "updatedAt" = now()
      FROM unnest(${ids}::text[], ${outers}::text[], ${masters}::text[]) AS v(id, sealed, master)
      WHERE d.id = v.id AND d."masterKeyId" = v.master`;
  }
  logger.warn({ event: "lock.done", keys }, "deployment locked");
  return { unlockCode: key.toString("base64url"), keys };
}

/** Removes the lock with the unlock code; every case's data reads again. */
export async function unlockDeployment(actor: Actor, code: string, otp: string | undefined): Promise<{ keys: number }> {
  assertCan(actor, "deployment:lock:any");
  await assertFreshFactor(actor, otp);
  const key = Buffer.from(code.trim(), "base64url");
  const state = await db().securityState.findUnique({ where: { id: 1 }, select: { lockedAt: true, unlockCheck: true } });
  if (!state?.lockedAt || !state.unlockCheck) throw new AppError("INVALID_STATE", "not locked", { messageKey: "security.notLocked" });
  const given = Buffer.from(checkOf(key));
  const expected = Buffer.from(state.unlockCheck);
  if (key.length !== 32 || given.length !== expected.length || !crypto.timingSafeEqual(given, expected))
    throw new AppError("INVALID_INPUT", "wrong unlock code", { fieldErrors: { code: ["unlock_code_wrong"] } });
  let keys = 0;
  for (;;) {
    const batch = await db().$queryRaw<{ id: string; wrappedKey: string }[]>`
      SELECT id, "wrappedKey" FROM "DataKey" WHERE "masterKeyId" = ${LOCKED_MASTER_ID} AND "wrappedKey" IS NOT NULL LIMIT ${BATCH}`;
    if (batch.length === 0) break;
    for (const r of batch) {
      const inner = decryptBytes(lockRing(key), Buffer.from(r.wrappedKey, "base64"), ctx(r.id)).toString("utf8");
      const sep = inner.indexOf(":");
      keys += await db()
        .$executeRaw`UPDATE "DataKey" SET "wrappedKey" = ${inner.slice(sep + 1)}, "masterKeyId" = ${inner.slice(0, sep)}, "updatedAt" = now() WHERE id = ${r.id} AND "masterKeyId" = ${LOCKED_MASTER_ID}`;
    }
  }
  await db().$transaction(async (tx) => {
    await tx.securityState.update({ where: { id: 1 }, data: { lockedAt: null, lockedById: null, unlockCheck: null } });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: "deployment.unlocked",
      entityType: "SecurityState",
      entityId: "1",
      data: { keys },
    });
  });
  lockedFlag.value = false;
  return { keys };
}

export async function lockState(): Promise<{ lockedAt: Date | null }> {
  return (await db().securityState.findUnique({ where: { id: 1 }, select: { lockedAt: true } })) ?? { lockedAt: null };
}
