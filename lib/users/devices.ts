// The signed-in devices of an account (docs/decisions/0003-sessions.md, 0051): each session cookie is one
// row here; the list on /me/security lets the user sign out one device. The device label is
// reduced to browser and system so the list identifies nobody's phone model or version.
import "server-only";
import crypto from "node:crypto";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { newSessionToken, sessionTokenHash } from "@/lib/auth/session-token";

export function deviceLabel(userAgent: string | null | undefined): string {
  const ua = userAgent ?? "";
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /OPR\/|Opera/.test(ua)
      ? "Opera"
      : /Firefox\//.test(ua)
        ? "Firefox"
        : /Chrome\/|Chromium\//.test(ua)
          ? "Chrome"
          : /Safari\//.test(ua)
            ? "Safari"
            : "Browser";
  const system = /Android/.test(ua)
    ? "Android"
    : /iPhone|iPad|iOS/.test(ua)
      ? "iOS"
      : /Windows/.test(ua)
        ? "Windows"
        : /Mac OS X|Macintosh/.test(ua)
          ? "macOS"
          : /Linux/.test(ua)
            ? "Linux"
            : "unknown system";
  return `${browser} on ${system}`;
}

/**
 * Begins a session on a device: a row with the hash of a fresh random cookie value, the user's current
 * session version and a fixed end. Returns the row's id (listed on /me/security) and the cookie value, which
 * is stored nowhere (ADR 0051).
 */
export async function startDeviceSession(
  userId: string,
  userAgent: string | null | undefined,
  maxAgeSeconds: number = env().SESSION_MAX_AGE_SECONDS,
): Promise<{ id: string; token: string }> {
  const id = crypto.randomBytes(16).toString("base64url");
  const token = newSessionToken();
  const user = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
  await db().userSession.create({
    data: {
      id,
      userId,
      tokenHash: sessionTokenHash(token)!,
      version: user.sessionVersion,
      device: deviceLabel(userAgent),
      expiresAt: new Date(Date.now() + maxAgeSeconds * 1000),
    },
  });
  return { id, token };
}

/**
 * A short tag telling apart sessions with the same browser and system ("Chrome on Linux" twice): derived
 * from the session id, so the same device shows the same tag wherever the list is read, and it says
 * nothing about the device or the network. No address is stored for a session (ADR 0042).
 */
export function deviceTag(sessionId: string): string {
  const alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  const bytes = crypto.createHash("sha256").update(`device-tag:${sessionId}`).digest();
  return Array.from(bytes.subarray(0, 4), (b) => alphabet[b % alphabet.length]).join("");
}

/** The account's live sessions: this device first, then newest first. */
export async function listDevices(actor: Actor, currentSid?: string) {
  const rows = await db().userSession.findMany({
    where: { userId: actor.userId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, device: true, createdAt: true, lastSeenAt: true },
  });
  const devices = rows.map((r) => ({ ...r, tag: deviceTag(r.id), current: r.id === currentSid }));
  return [...devices.filter((d) => d.current), ...devices.filter((d) => !d.current)];
}

/** Signs one device out: its next request finds the session revoked. */
export async function signOutDevice(actor: Actor, sessionId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const n = await tx.userSession.updateMany({
      where: { id: sessionId, userId: actor.userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (n.count === 0) throw new AppError("NOT_FOUND", "session not found");
    await recordAuditEvent(tx, { actorId: actor.userId, action: "user.device_signed_out", entityType: "User", entityId: actor.userId });
  });
}
