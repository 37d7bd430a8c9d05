// The payout lifecycle and who may do what, pure (docs/decisions/0012-ledger-and-payouts.md).
import { randomInt } from "node:crypto";
import type { LedgerEntryKind, PayoutStatus } from "@/lib/db/generated/enums";
import type { Bucket } from "@/lib/money/ledger";

export const PAYOUT_ACTIONS = ["approve", "send", "report_not_received", "confirm", "investigate", "resend", "cancel"] as const;
export type PayoutAction = (typeof PAYOUT_ACTIONS)[number];

const MOVES: Record<PayoutAction, { from: readonly PayoutStatus[]; to: PayoutStatus }> = {
  approve: { from: ["REQUESTED"], to: "APPROVED" },
  send: { from: ["APPROVED"], to: "SENT" },
  confirm: { from: ["SENT"], to: "CONFIRMED" },
  report_not_received: { from: ["SENT"], to: "NOT_RECEIVED" },
  investigate: { from: ["NOT_RECEIVED"], to: "INVESTIGATING" },
  resend: { from: ["INVESTIGATING"], to: "SENT" },
  cancel: { from: ["REQUESTED", "APPROVED", "INVESTIGATING"], to: "CANCELLED" },
};

/** Statuses that still hold (or held) money for the case: everything but cancelled. */
export const LIVE_STATUSES = [
  "REQUESTED",
  "APPROVED",
  "SENT",
  "CONFIRMED",
  "NOT_RECEIVED",
  "INVESTIGATING",
  "FAILED",
] as const satisfies readonly PayoutStatus[];

export function nextStatus(action: PayoutAction, from: PayoutStatus): PayoutStatus | null {
  const m = MOVES[action];
  return m.from.includes(from) ? m.to : null;
}

export function actionsAt(status: PayoutStatus, who: "manager" | "applicant"): PayoutAction[] {
  const applicantActions: PayoutAction[] = ["confirm", "report_not_received"];
  return PAYOUT_ACTIONS.filter((a) => nextStatus(a, status) && applicantActions.includes(a) === (who === "applicant"));
}

export type ApprovalRefusal = "same_person" | "voted_on_case" | "own_case";

/** Separation of duties: the approver is not the requester, did not vote on the case, is not the applicant. */
export function approvalRefusal(p: {
  requestedById: string;
  approverId: string;
  voterIds: readonly string[];
  applicantId: string;
}): ApprovalRefusal | null {
  if (p.approverId === p.requestedById) return "same_person";
  if (p.approverId === p.applicantId) return "own_case";
  if (p.voterIds.includes(p.approverId)) return "voted_on_case";
  return null;
}

export type RequestRefusal = { reason: "case_not_approved"; status: string } | { reason: "over_remaining"; remainingMinor: number };

/** A payout may be requested for an approved (or partly paid) case, up to what live payouts do not cover yet. */
export function requestRefusal(p: {
  caseStatus: string;
  approvedMinor: number | null;
  liveTotalMinor: number;
  amountMinor: number;
}): RequestRefusal | null {
  if ((p.caseStatus !== "APPROVED" && p.caseStatus !== "PAID") || !p.approvedMinor)
    return { reason: "case_not_approved", status: p.caseStatus };
  const remainingMinor = Math.max(0, p.approvedMinor - p.liveTotalMinor);
  if (p.amountMinor > remainingMinor) return { reason: "over_remaining", remainingMinor };
  return null;
}

export type PlannedEntry = { kind: LedgerEntryKind; amountMinor: number; purpose: Bucket; idempotencyKey: string };
type Part = { bucket: Bucket; amountMinor: number };

/**
 * Ledger entries a payout step writes, with deterministic idempotency keys so a step can never be written
 * twice. `parts` are the buckets of the payout's commitment (from `allocate`).
 */
export function ledgerEntriesFor(
  payoutId: string,
  action: PayoutAction,
  from: PayoutStatus,
  parts: readonly Part[],
  attempt: number,
): PlannedEntry[] {
  const entries = (kind: LedgerEntryKind, n: number) =>
    parts.map((p) => ({
      kind,
      amountMinor: p.amountMinor,
      purpose: p.bucket,
      idempotencyKey: `payout:${payoutId}:${kind}:${n}:${p.bucket ?? "ANY"}`,
    }));
  switch (action) {
    case "approve":
      return entries("COMMITMENT", 1);
    case "send":
      return [...entries("COMMITMENT_RELEASE", 1), ...entries("PAYOUT", attempt)];
    case "resend":
      return [...entries("REVERSAL", attempt), ...entries("PAYOUT", attempt + 1)];
    case "cancel":
      if (from === "APPROVED") return entries("COMMITMENT_RELEASE", 1);
      if (from === "INVESTIGATING") return entries("REVERSAL", attempt);
      return [];
    default:
      return [];
  }
}

/** A case is paid when its sent (or confirmed) payouts cover the approved amount. */
export function caseFullyPaid(approvedMinor: number, sentTotalMinor: number): boolean {
  return sentTotalMinor >= approvedMinor;
}

const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/** PO-XXXX-XXXX: the payout's reference in bank batches; unrelated to the case's reference code. */
export function generatePayoutReference(): string {
  const s = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `PO-${s.slice(0, 4)}-${s.slice(4)}`;
}
