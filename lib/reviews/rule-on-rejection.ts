// A fund manager rules on a case blocked by a rejection vote: overrule (the rejection stays on record
// and no longer counts; approval follows if enough approvals are in) or uphold (the case is rejected).
// Nobody rules on a case they voted on (rules.ts `canRule`, and a CHECK in the database).
import "server-only";
import { lockCaseInScope } from "@/lib/reviews/scope";
import { notifyApplicant } from "@/lib/applications/notify";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, orgsWithRole, type Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import type { ApplicationStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { canRule, decide } from "@/lib/reviews/rules";
import { openCaseText, sealCaseText } from "@/lib/crypto/case-text";
import { loadCaseKeys } from "@/lib/crypto/case-keys";

export async function ruleOnRejection(
  actor: Actor,
  applicationId: string,
  ruling: "overrule" | "uphold",
  reason: string,
): Promise<{ status: ApplicationStatus; fundId: string }> {
  assertCan(actor, "application:overrule:org");
  const result = await db().$transaction(async (tx) => {
    await lockCaseInScope(tx, actor, applicationId, "FUND_MANAGER");
    const app = await tx.application.findUniqueOrThrow({
      where: { id: applicationId },
      select: {
        id: true,
        status: true,
        applicantId: true,
        fundId: true,
        fund: { select: { requiredApprovals: true } },
        reviews: {
          select: { id: true, reviewerId: true, vote: true, approvedAmountMinor: true, conflictDeclared: true, overruledAt: true },
        },
      },
    });
    const verdict = canRule(app.status, app.reviews, actor.userId);
    if (verdict === "voted") throw new AppError("FORBIDDEN", "ruling on own vote", { messageKey: "review.rulingOwnVote" });
    if (verdict === "not_blocked")
      throw new AppError("INVALID_STATE", "not blocked", { messageKey: "review.notBlocked", messageValues: { stage: app.status } });
    let to: ApplicationStatus | null = null;
    const data: { approvedAmountMinor?: number } = {};
    // The manager's words, sealed under the case's key (lib/crypto/case-text.ts), also in the audit event.
    const sealed = await sealCaseText(tx, app.id, reason);
    if (ruling === "uphold") {
      to = "REJECTED";
    } else {
      const now = new Date();
      const standing = app.reviews.filter((r) => r.vote === "REJECT" && !r.overruledAt && !r.conflictDeclared);
      await tx.review.updateMany({
        where: { id: { in: standing.map((r) => r.id) } },
        data: { overruledById: actor.userId, overruledAt: now, overruleReason: sealed },
      });
      const decision = decide(
        app.reviews.map((r) => (standing.includes(r) ? { ...r, overruledAt: now } : r)),
        app.fund.requiredApprovals,
      );
      if (decision.outcome === "APPROVED") {
        to = "APPROVED";
        data.approvedAmountMinor = decision.amountMinor;
      }
    }
    if (to) {
      await tx.application.update({ where: { id: app.id }, data: { ...data, status: to } });
      await tx.applicationStatusChange.create({
        data: {
          applicationId: app.id,
          fromStatus: app.status,
          toStatus: to,
          actorId: actor.userId,
          reason:
            ruling === "uphold"
              ? await sealCaseText(tx, app.id, `rejection upheld: ${reason}`)
              : "four-eyes approval after an overruled rejection",
        },
      });
    }
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: `review.rejection_${ruling === "uphold" ? "upheld" : "overruled"}`,
      entityType: "Application",
      entityId: app.id,
      data: { from: app.status, to: to ?? app.status, reasonEnc: sealed },
    });
    return { status: to ?? app.status, moved: !!to, applicantId: app.applicantId, fundId: app.fundId };
  });
  if (result.moved) await notifyApplicant(result.applicantId);
  return { status: result.status, fundId: result.fundId };
}

/** The fund manager's list: verified cases of their organisations' funds held by a standing rejection. */
export async function blockedCases(actor: Actor, fundId?: string) {
  assertCan(actor, "application:overrule:org");
  const rows = await db().application.findMany({
    where: {
      status: "VERIFIED",
      applicantId: { not: actor.userId },
      fund: { organisationId: { in: orgsWithRole(actor, "FUND_MANAGER") } },
      ...(fundId ? { fundId } : {}),
      reviews: { some: { vote: "REJECT", overruledAt: null, conflictDeclared: false } },
    },
    orderBy: { submittedAt: "asc" },
    take: 100,
    select: {
      id: true,
      referenceCode: true,
      requestedAmountMinor: true,
      fund: { select: { name: true, currency: true, requiredApprovals: true } },
      reviews: { select: { reviewerId: true, vote: true, reason: true, conflictDeclared: true, overruledAt: true } },
    },
  });
  await loadCaseKeys(
    db(),
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    referenceCode: r.referenceCode,
    requestedAmountMinor: r.requestedAmountMinor,
    fund: r.fund,
    approvals: r.reviews.filter((v) => v.vote === "APPROVE" && !v.conflictDeclared).length,
    rejections: r.reviews
      .filter((v) => v.vote === "REJECT" && !v.overruledAt && !v.conflictDeclared)
      .map((v) => openCaseText(r.id, v.reason) ?? ""),
    iVoted: r.reviews.some((v) => v.reviewerId === actor.userId && (v.vote || v.conflictDeclared)),
  }));
}
