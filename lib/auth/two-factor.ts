// ─── RISKY FILE: the second factor of staff accounts ───────────────────────────────────────────────
// TOTP (RFC 6238, otplib) with one-time recovery codes (docs/decisions/0016-two-factor.md). The secret is
// stored encrypted (field encryption bound to the user); a code is accepted once (the last accepted time
// step is kept and the update is conditional, so a replayed or concurrently reused code fails).
import "server-only";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { staffTwoFactorRequired } from "@/lib/auth/two-factor-policy";
import { assertCan, type Actor } from "@/lib/authz/actor";
import { decrypt, encrypt } from "@/lib/crypto";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { generateRecoveryCodes, hashRecoveryCode } from "@/lib/users/pseudonym";

const PERIOD = 30;
/** One period either side: a phone clock a little off still works. */
const TOLERANCE = PERIOD;

const secretContext = (userId: string) => `User.totpSecret:${userId}`;
const isTotpShape = (code: string) => /^\d{6}$/.test(code.replace(/\s/g, ""));

/** Starts (or restarts) enrolment: a new secret, not yet enabled. Returns what the authenticator app needs. */
export async function beginEnrolment(actor: Actor): Promise<{ secret: string; uri: string; qrSvg: string }> {
  const user = await db().user.findUniqueOrThrow({ where: { id: actor.userId }, select: { totpEnabledAt: true } });
  if (user.totpEnabledAt) throw new AppError("INVALID_STATE", "already enabled", { messageKey: "security.alreadyEnabled" });
  const secret = generateSecret();
  await db().user.update({
    where: { id: actor.userId },
    data: { totpSecretEnc: encrypt(secret, secretContext(actor.userId)), totpLastStep: 0 },
  });
  return { secret, ...(await enrolmentView(actor.label, secret)) };
}

/** The pending secret's URI and QR code (an inline SVG: no request leaves the page). */
export async function pendingEnrolment(actor: Actor): Promise<{ secret: string; uri: string; qrSvg: string } | null> {
  const user = await db().user.findUniqueOrThrow({ where: { id: actor.userId }, select: { totpEnabledAt: true, totpSecretEnc: true } });
  if (user.totpEnabledAt || !user.totpSecretEnc) return null;
  const secret = decrypt(user.totpSecretEnc, secretContext(actor.userId));
  return { secret, ...(await enrolmentView(actor.label, secret)) };
}

async function enrolmentView(label: string, secret: string) {
  const uri = generateURI({ issuer: "Padtrymka", label: label || "staff", secret });
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { uri, qrSvg };
}

/** Confirms enrolment with a first code; returns the recovery codes, shown once. */
export async function confirmEnrolment(actor: Actor, code: string): Promise<{ recoveryCodes: string[] }> {
  return db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<
      { totpSecretEnc: string | null; totpEnabledAt: Date | null }[]
    >`SELECT "totpSecretEnc", "totpEnabledAt" FROM "User" WHERE id = ${actor.userId} FOR UPDATE`;
    const u = rows[0];
    if (!u?.totpSecretEnc) throw new AppError("INVALID_STATE", "no enrolment started", { messageKey: "security.startFirst" });
    if (u.totpEnabledAt) throw new AppError("INVALID_STATE", "already enabled", { messageKey: "security.alreadyEnabled" });
    const step = await totpStep(decrypt(u.totpSecretEnc, secretContext(actor.userId)), code, 0);
    if (step === null) throw new AppError("INVALID_INPUT", "wrong code", { fieldErrors: { otp: ["otp_invalid"] } });
    await tx.user.update({ where: { id: actor.userId }, data: { totpEnabledAt: new Date(), totpLastStep: step } });
    await tx.recoveryCode.deleteMany({ where: { userId: actor.userId, kind: "two_factor" } });
    const recoveryCodes = generateRecoveryCodes();
    await tx.recoveryCode.createMany({
      data: recoveryCodes.map((c) => ({ userId: actor.userId, kind: "two_factor", codeHash: hashRecoveryCode(c) })),
    });
    await recordAuditEvent(tx, { actorId: actor.userId, action: "user.two_factor_enabled", entityType: "User", entityId: actor.userId });
    return { recoveryCodes };
  });
}

/** The matching time step of a code, or null; only steps after `after` count (no replay). */
async function totpStep(secret: string, code: string, after: number): Promise<number | null> {
  const token = code.replace(/\s/g, "");
  if (!isTotpShape(token)) return null;
  const r = await verify({ secret, token, epochTolerance: TOLERANCE });
  if (!r.valid || !("epoch" in r)) return null;
  const step = Math.floor(r.epoch / PERIOD);
  return step > after ? step : null;
}

/**
 * Checks a second factor for a user with two-factor sign-in: a fresh TOTP code (each accepted once) or an
 * unused two-factor recovery code (then used up). True when it is good.
 */
export async function verifySecondFactor(userId: string, code: string): Promise<boolean> {
  const trimmed = code.trim();
  if (!trimmed) return false;
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { totpSecretEnc: true, totpEnabledAt: true, totpLastStep: true },
  });
  if (!user?.totpEnabledAt || !user.totpSecretEnc) return false;
  if (isTotpShape(trimmed)) {
    const step = await totpStep(decrypt(user.totpSecretEnc, secretContext(userId)), trimmed, user.totpLastStep);
    if (step === null) return false;
    // Conditional: two requests with the same code cannot both pass.
    const n = await db().user.updateMany({ where: { id: userId, totpLastStep: { lt: step } }, data: { totpLastStep: step } });
    return n.count === 1;
  }
  const used = await db().recoveryCode.updateMany({
    where: { userId, kind: "two_factor", codeHash: hashRecoveryCode(trimmed), usedAt: null },
    data: { usedAt: new Date() },
  });
  return used.count === 1;
}

/** The actor's own two-factor sign-in: since when it is on (null: off), and how many recovery codes are left. */
export async function ownTwoFactorState(actor: Actor): Promise<{ enabledAt: Date | null; recoveryCodesLeft: number }> {
  const user = await db().user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { totpEnabledAt: true, _count: { select: { recoveryCodes: { where: { kind: "two_factor", usedAt: null } } } } },
  });
  return { enabledAt: user.totpEnabledAt, recoveryCodesLeft: user._count.recoveryCodes };
}

export async function hasTwoFactor(userId: string): Promise<boolean> {
  return !!(await db().user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true } }))?.totpEnabledAt;
}

/**
 * A fresh second factor before approving a payout or revealing an identity. Users with two-factor sign-in
 * must give a current code; where the policy requires it, staff without it are refused.
 */
export async function assertFreshFactor(actor: Actor, code: string | undefined): Promise<void> {
  if (!(await hasTwoFactor(actor.userId))) {
    if (staffTwoFactorRequired()) throw new AppError("FORBIDDEN", "two-factor needed", { messageKey: "security.setUpFirst" });
    return;
  }
  if (!(await verifySecondFactor(actor.userId, code ?? "")))
    throw new AppError("INVALID_INPUT", "fresh factor", { fieldErrors: { otp: ["otp_invalid"] } });
}

/** An admin turns off a staff member's two-factor sign-in (lost phone); they must set it up again. */
export async function resetTwoFactor(admin: Actor, userId: string): Promise<void> {
  assertCan(admin, "user:reset-two-factor:any");
  await db().$transaction(async (tx) => {
    const n = await tx.user.updateMany({
      where: { id: userId },
      data: { totpSecretEnc: null, totpEnabledAt: null, totpLastStep: 0, sessionVersion: { increment: 1 } },
    });
    if (n.count === 0) throw new AppError("NOT_FOUND", "user not found");
    await tx.recoveryCode.deleteMany({ where: { userId, kind: "two_factor" } });
    await recordAuditEvent(tx, { actorId: admin.userId, action: "user.two_factor_reset", entityType: "User", entityId: userId });
  });
}
