// Reads about applications. Reviewers see cases of their organisations' funds, pseudonymously: no
// legal name, phone or contact in any of these selects.
import "server-only";
import { openCaseText } from "@/lib/crypto/case-text";
import { assertCan, type Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { reviewerCaseWhere } from "@/lib/reviews/scope";
import { decryptPersonal } from "@/lib/applications/personal-data";
import { formParamsOf } from "@/lib/applications/load-own";
import { decrypt } from "@/lib/crypto";
import { loadCaseKeys } from "@/lib/crypto/case-keys";

export async function listOwnApplications(actor: Actor) {
  return db().application.findMany({
    where: { applicantId: actor.userId },
    orderBy: { updatedAt: "desc" },
    select: { id: true, referenceCode: true, status: true, updatedAt: true, fund: { select: { name: true } } },
  });
}

export async function getCaseForReviewer(actor: Actor, applicationId: string) {
  assertCan(actor, "application:read:org");
  const c = await db().application.findFirst({
    where: { id: applicationId, ...reviewerCaseWhere(actor) },
    select: {
      id: true,
      referenceCode: true,
      status: true,
      category: true,
      purpose: true,
      region: true,
      requestedAmountMinor: true,
      approvedAmountMinor: true,
      submittedAt: true,
      isDuplicateFlagged: true,
      deliveredAt: true,
      claimedAt: true,
      dataDeletedAt: true,
      statementEnc: true,
      verifiedItems: true,
      score: true,
      fundId: true,
      fund: {
        select: {
          name: true,
          currency: true,
          requiredApprovals: true,
          verificationChecklist: true,
          rubric: true,
          revealNeedsSecondReviewer: true,
        },
      },
      statusChanges: { orderBy: { createdAt: "asc" }, select: { id: true, toStatus: true, createdAt: true, reason: true } },
      reviews: {
        select: { reviewerId: true, vote: true, approvedAmountMinor: true, conflictDeclared: true, rubricScores: true, overruledAt: true },
      },
      messages: { orderBy: { createdAt: "asc" }, select: { id: true, kind: true, templateKey: true, bodyEnc: true, createdAt: true } },
      evidenceFiles: { orderBy: { createdAt: "asc" }, select: { id: true, fileNameEnc: true, sizeBytes: true } },
    },
  });
  if (!c) return null;
  await loadCaseKeys(db(), [c.id]);
  // The history also shows each vote and withdrawal (who: "you" or "a reviewer"; the amount voted).
  const ballotEvents = await db().auditEvent.findMany({
    where: {
      entityType: "Application",
      entityId: c.id,
      action: { in: ["review.vote_approve", "review.vote_reject", "review.withdraw_vote", "review.declare_conflict"] },
    },
    orderBy: { seq: "asc" },
    select: { seq: true, action: true, actorId: true, createdAt: true, data: true },
  });
  // Pseudonymous by default: the statement and evidence, never the legal name, phone or contact.
  const { statementEnc, ...rest } = c;
  return {
    ...rest,
    // Staff reasons are sealed under the case's key: erased with its data (lib/crypto/case-text.ts).
    statusChanges: c.statusChanges.map((s) => ({ ...s, reason: openCaseText(c.id, s.reason) })),
    // A conflict declared over one's own vote shows as that vote's withdrawal; other conflicts are not ballots.
    ballotEvents: ballotEvents.flatMap((e) => {
      const d = (e.data ?? {}) as { amountMinor?: number | null; withdrawn?: string | null };
      if (e.action === "review.declare_conflict" && !d.withdrawn) return [];
      const action = (e.action === "review.declare_conflict" ? "withdraw_vote" : e.action.slice("review.".length)) as
        "vote_approve" | "vote_reject" | "withdraw_vote";
      return [
        {
          id: e.seq.toString(),
          action,
          mine: e.actorId === actor.userId,
          createdAt: e.createdAt,
          amountMinor: d.amountMinor ?? null,
          withdrawn: d.withdrawn ?? null,
        },
      ];
    }),
    statement: statementEnc ? decrypt(statementEnc, `Application.statement:${c.id}`) : "",
    messages: c.messages.map((m) => ({
      id: m.id,
      kind: m.kind,
      templateKey: m.templateKey,
      createdAt: m.createdAt,
      body: m.bodyEnc ? decrypt(m.bodyEnc, `ApplicationMessage.body:${m.id}`) : "",
    })),
    evidenceFiles: c.evidenceFiles.map((f) => ({
      id: f.id,
      sizeBytes: f.sizeBytes,
      fileName: decrypt(f.fileNameEnc, `EvidenceFile.fileName:${f.id}`),
    })),
    myBallot: c.reviews.find((r) => r.reviewerId === actor.userId) ?? null,
    approvals: c.reviews.filter((r) => r.vote === "APPROVE" && !r.conflictDeclared).length,
    rejections: c.reviews.filter((r) => r.vote === "REJECT" && !r.conflictDeclared && !r.overruledAt).length,
  };
}

/** Public status lookup: stage and date only. */
export async function lookupStatusByReference(referenceCode: string) {
  return db().application.findUnique({ where: { referenceCode }, select: { status: true, updatedAt: true } });
}

// ─── The applicant's own cases ──────────────────────────────────────────────────────────────────────

/** A draft of the actor's, with its decrypted answers and the fund's form parameters; null when not theirs. */
export async function getOwnDraft(actor: Actor, applicationId: string) {
  const app = await db().application.findFirst({
    where: { id: applicationId, applicantId: actor.userId },
    include: { fund: true, evidenceFiles: { orderBy: { createdAt: "asc" }, select: { id: true, fileNameEnc: true, sizeBytes: true } } },
  });
  if (!app) return null;
  await loadCaseKeys(db(), [app.id]);
  return {
    files: app.evidenceFiles.map((f) => ({
      id: f.id,
      sizeBytes: f.sizeBytes,
      fileName: decrypt(f.fileNameEnc, `EvidenceFile.fileName:${f.id}`),
    })),
    id: app.id,
    status: app.status,
    fund: { id: app.fund.id, name: app.fund.name, purpose: app.fund.purpose, evidenceHint: app.fund.evidenceHint, status: app.fund.status },
    params: formParamsOf(app.fund),
    values: {
      category: app.category ?? "",
      purpose: app.purpose ?? "",
      region: app.region ?? "",
      amountMinor: app.requestedAmountMinor,
      ...decryptPersonal(app.id, app),
    },
  };
}

/** The actor's case: stage history, messages, files, for /me/{id}. Null when not theirs. */
export async function getOwnCase(actor: Actor, applicationId: string) {
  const app = await db().application.findFirst({
    where: { id: applicationId, applicantId: actor.userId },
    select: {
      id: true,
      referenceCode: true,
      status: true,
      submittedAt: true,
      dataDeletedAt: true,
      requestedAmountMinor: true,
      fund: { select: { name: true, currency: true } },
      statusChanges: { orderBy: { createdAt: "asc" }, select: { id: true, toStatus: true, createdAt: true } },
      // Reviewer notes are between reviewers only: never part of the applicant's view.
      messages: {
        where: { kind: { not: "REVIEWER_NOTE" } },
        orderBy: { createdAt: "asc" },
        select: { id: true, kind: true, templateKey: true, bodyEnc: true, createdAt: true },
      },
      evidenceFiles: { orderBy: { createdAt: "asc" }, select: { id: true, fileNameEnc: true, mimeType: true, sizeBytes: true } },
    },
  });
  if (!app) return null;
  await loadCaseKeys(db(), [app.id]);
  return {
    ...app,
    messages: app.messages.map((m) => ({
      id: m.id,
      kind: m.kind,
      templateKey: m.templateKey,
      createdAt: m.createdAt,
      body: m.bodyEnc ? decrypt(m.bodyEnc, `ApplicationMessage.body:${m.id}`) : "",
    })),
    evidenceFiles: app.evidenceFiles.map((f) => ({
      id: f.id,
      mimeType: f.mimeType,
      sizeBytes: f.sizeBytes,
      fileName: decrypt(f.fileNameEnc, `EvidenceFile.fileName:${f.id}`),
    })),
  };
}
