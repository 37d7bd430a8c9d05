// Following and claiming a delivered sealed application by its claim code (docs/decisions/0046-sealed-
// applications.md). The claim code was shown to the applicant when they sealed it and is inside the file:
// on /status it shows the stage (or the fund's reason for refusing it), and /me/claim attaches the case to
// the signed-in account, once. Only the code's keyed hash is stored.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, type Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { consumeRateLimit, LIMITS } from "@/lib/rate-limit/rate-limit";
import { claimCodeIndex } from "@/lib/sealed/deliver";

export type ClaimStatus = { kind: "case"; status: string; since: Date } | { kind: "refused"; reason: string; since: Date } | null;

/** The stage of the case a claim code belongs to, or the fund's reason it did not become one. */
export async function lookupByClaimCode(code: string): Promise<ClaimStatus> {
  const index = claimCodeIndex(code);
  const app = await db().application.findUnique({ where: { claimCodeIndex: index }, select: { status: true, updatedAt: true } });
  if (app && app.status !== "DRAFT") return { kind: "case", status: app.status, since: app.updatedAt };
  const refused = await db().sealedRefusal.findUnique({ where: { claimCodeIndex: index } });
  return refused ? { kind: "refused", reason: refused.reason, since: refused.updatedAt } : null;
}

/** Attaches the delivered case to the actor's account. Once: a claimed case cannot be claimed again. */
export async function claimSealed(actor: Actor, code: string): Promise<{ applicationId: string; referenceCode: string }> {
  assertCan(actor, "application:create:own");
  await consumeRateLimit(LIMITS.claimAccount, actor.userId);
  return db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<
      { id: string; referenceCode: string | null; claimedAt: Date | null; applicantId: string; status: string }[]
    >`
      SELECT id, "referenceCode", "claimedAt", "applicantId", status::text AS status FROM "Application" WHERE "claimCodeIndex" = ${claimCodeIndex(code)} FOR UPDATE`;
    const app = rows[0];
    if (!app || app.status === "DRAFT" || !app.referenceCode)
      throw new AppError("NOT_FOUND", "no such claim code", { messageKey: "claim.notFound" });
    if (app.claimedAt) {
      if (app.applicantId === actor.userId) return { applicationId: app.id, referenceCode: app.referenceCode };
      throw new AppError("INVALID_STATE", "already claimed", { messageKey: "claim.alreadyClaimed" });
    }
    await tx.application.update({ where: { id: app.id }, data: { applicantId: actor.userId, claimedAt: new Date() } });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: "application.claimed",
      entityType: "Application",
      entityId: app.id,
      data: { from: app.applicantId },
    });
    return { applicationId: app.id, referenceCode: app.referenceCode };
  });
}
