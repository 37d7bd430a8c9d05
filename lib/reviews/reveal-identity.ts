// ─── RISKY FILE: who looked at whom ────────────────────────────────────────────────────────────────
// Every opening of a case by staff is recorded, and identity is revealed only with a written reason,
// recorded before anything is decrypted. An infiltrated reviewer can still read what their role allows,
// but never unnoticed (docs/decisions/0010-access-log.md).
import "server-only";
import { throttleReviewer } from "@/lib/reviews/activity";
import { assertFreshFactor } from "@/lib/auth/two-factor";
import { decryptPersonal } from "@/lib/applications/personal-data";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, type Actor } from "@/lib/authz/actor";
import { decrypt } from "@/lib/crypto";
import { loadCaseKeys, loadUserKeys } from "@/lib/crypto/case-keys";
import { sealCaseText } from "@/lib/crypto/case-text";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { reviewerCaseWhere } from "@/lib/reviews/scope";

export async function revealIdentity(actor: Actor, applicationId: string, reason: string, otp?: string) {
  assertCan(actor, "application:reveal-identity:org");
  await throttleReviewer(actor, "reveals");
  // Seeing an identity needs a fresh second factor, not only a session (docs/decisions/0016-two-factor.md).
  await assertFreshFactor(actor, otp);
  return db().$transaction(async (tx) => {
    const app = await tx.application.findFirst({
      where: { id: applicationId, ...reviewerCaseWhere(actor) },
      select: {
        id: true,
        applicantId: true,
        legalNameEnc: true,
        phoneEnc: true,
        cityEnc: true,
        birthDateEnc: true,
        fund: { select: { revealNeedsSecondReviewer: true } },
      },
    });
    if (!app) throw new AppError("NOT_FOUND", "case not found");
    // Funds that fear an infiltrator require a second reviewer's confirmation first (valid 24 hours).
    let requestId: string | undefined;
    if (app.fund.revealNeedsSecondReviewer) {
      const confirmed = await tx.revealRequest.findFirst({
        where: { applicationId: app.id, requesterId: actor.userId, status: "CONFIRMED", expiresAt: { gt: new Date() } },
        select: { id: true },
      });
      if (!confirmed) throw new AppError("FORBIDDEN", "reveal needs confirmation", { messageKey: "review.revealNeedsConfirmation" });
      requestId = confirmed.id;
    }
    // The reason is sealed under the case's key (lib/crypto/case-text.ts): erased with the case.
    const event = await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: "identity.revealed",
      entityType: "Application",
      entityId: app.id,
      data: { reasonEnc: await sealCaseText(tx, app.id, reason.slice(0, 500)), ...(requestId ? { requestId } : {}) },
    });
    const profile = await tx.applicantProfile.findUnique({
      where: { userId: app.applicantId },
      select: { contactChannel: true, contactHandleEnc: true },
    });
    const { legalNameEnc, phoneEnc, cityEnc, birthDateEnc } = app;
    await loadCaseKeys(tx, [app.id]);
    await loadUserKeys(tx, [app.applicantId]);
    const personal = decryptPersonal(app.id, { legalNameEnc, phoneEnc, cityEnc, birthDateEnc });
    return {
      ...personal,
      contactChannel: profile?.contactChannel ?? "NONE",
      contactHandle: profile?.contactHandleEnc
        ? decrypt(profile.contactHandleEnc, `ApplicantProfile.contactHandle:${app.applicantId}`)
        : undefined,
      recordedAt: (await tx.auditEvent.findUniqueOrThrow({ where: { id: event.id }, select: { createdAt: true } })).createdAt.toISOString(),
    };
  });
}
