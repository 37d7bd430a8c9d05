// Pure rules of reviewing: which reviewer action is allowed at which stage, where it leads, when a
// case is verified, and the four-eyes decision on approval (docs/decisions/0009-four-eyes.md).
import type { ApplicationStatus, Vote } from "@/lib/db/generated/enums";

export const REVIEW_ACTIONS = [
  "shortlist",
  "decline",
  "request_info",
  "verify",
  "vote_approve",
  "vote_reject",
  "withdraw_vote",
  "declare_conflict",
] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

const ALLOWED_FROM: Record<ReviewAction, readonly ApplicationStatus[]> = {
  shortlist: ["SUBMITTED"],
  decline: ["SUBMITTED", "SHORTLISTED"], // screening and verification; at VERIFIED rejection is a vote
  request_info: ["SUBMITTED", "SHORTLISTED", "VERIFIED"],
  verify: ["SHORTLISTED"],
  vote_approve: ["VERIFIED"],
  vote_reject: ["VERIFIED"],
  withdraw_vote: ["VERIFIED"], // only before the case is decided
  declare_conflict: ["SUBMITTED", "SHORTLISTED", "VERIFIED", "NEEDS_INFO"],
};

export const isAllowed = (action: ReviewAction, status: ApplicationStatus) => ALLOWED_FROM[action].includes(status);

export type BallotRefusal = "already_voted" | "no_vote";

/**
 * A vote is cast once: a second vote by the same reviewer (a stale tab still showing the vote buttons) is
 * refused, never a silent change of the award. To change it, the reviewer withdraws it first, explicitly.
 */
export function ballotRefusal(action: ReviewAction, mine: { vote: Vote | null } | null | undefined): BallotRefusal | null {
  if ((action === "vote_approve" || action === "vote_reject") && mine?.vote) return "already_voted";
  if (action === "withdraw_vote" && !mine?.vote) return "no_vote";
  return null;
}
export const actionsAt = (status: ApplicationStatus) => REVIEW_ACTIONS.filter((a) => isAllowed(a, status));

/** The stage an action moves the case to (votes and conflicts move it only through `decide`). */
export function moveOf(action: ReviewAction): ApplicationStatus | null {
  switch (action) {
    case "shortlist":
      return "SHORTLISTED";
    case "decline":
      return "REJECTED";
    case "request_info":
      return "NEEDS_INFO";
    case "verify":
      return "VERIFIED";
    default:
      return null;
  }
}

/** Every item of the fund's checklist must be confirmed (extra or unknown items do not count). */
export function checklistComplete(required: readonly string[], ticked: readonly string[]): boolean {
  return required.every((item) => ticked.includes(item));
}

/** Stages at which a reviewer may score the case with the fund's rubric (scoring never moves the stage). */
export const SCORE_STAGES: readonly ApplicationStatus[] = ["SHORTLISTED", "VERIFIED"];

export type Ballot = {
  reviewerId: string;
  vote: Vote | null;
  approvedAmountMinor: number | null;
  conflictDeclared: boolean;
  overruledAt?: Date | null;
};
export type Decision =
  | { outcome: "APPROVED"; amountMinor: number }
  | { outcome: "PENDING"; approvals: number; needed: number }
  | { outcome: "BLOCKED"; rejections: number };

/**
 * Four eyes: approved when at least `required` distinct reviewers voted approve, none rejected, and no
 * conflicted reviewer is counted. The amount is the smallest one approved (everyone agreed to at least
 * that). A rejection blocks approval until a fund manager rules on it: an overruled rejection no longer
 * counts; an upheld one rejects the case (see `canRule`).
 */
export function decide(ballots: readonly Ballot[], required: number): Decision {
  const counted = ballots.filter((b) => !b.conflictDeclared && b.vote && !(b.vote === "REJECT" && b.overruledAt));
  const rejections = counted.filter((b) => b.vote === "REJECT").length;
  if (rejections > 0) return { outcome: "BLOCKED", rejections };
  const approvals = counted.filter((b) => b.vote === "APPROVE" && b.approvedAmountMinor);
  const distinct = new Map(approvals.map((b) => [b.reviewerId, b.approvedAmountMinor!]));
  if (distinct.size < Math.max(1, required)) return { outcome: "PENDING", approvals: distinct.size, needed: Math.max(1, required) };
  return { outcome: "APPROVED", amountMinor: Math.min(...distinct.values()) };
}

/**
 * Whether a fund manager may rule on a blocked case: the case is verified, at least one standing
 * rejection blocks it, and the manager cast no ballot on it (nobody rules on their own vote).
 */
export function canRule(status: ApplicationStatus, ballots: readonly Ballot[], managerId: string): "ok" | "not_blocked" | "voted" {
  if (ballots.some((b) => b.reviewerId === managerId && (b.vote || b.conflictDeclared))) return "voted";
  if (status !== "VERIFIED" || decide(ballots, 1).outcome !== "BLOCKED") return "not_blocked";
  return "ok";
}

// ─── The whole review stage machine as one pure step (used by the property-based test) ─────────────
export type CaseState = { status: ApplicationStatus; ballots: Ballot[]; checklistDone: boolean };
/** A step is a reviewer's action or a fund manager's ruling on a blocked case. */
export type Step = { reviewerId: string; action: ReviewAction | "overrule" | "uphold"; amountMinor?: number; checklistComplete?: boolean };

/** Applies one reviewer action; returns null when the rules refuse it (the use case raises the matching error). */
export function step(state: CaseState, s: Step, requiredApprovals: number): CaseState | null {
  if (s.action === "overrule" || s.action === "uphold") {
    if (canRule(state.status, state.ballots, s.reviewerId) !== "ok") return null;
    if (s.action === "uphold") return { ...state, status: "REJECTED" };
    const ballots = state.ballots.map((b) => (b.vote === "REJECT" && !b.overruledAt ? { ...b, overruledAt: new Date(0) } : b));
    return { ...state, ballots, status: decide(ballots, requiredApprovals).outcome === "APPROVED" ? "APPROVED" : state.status };
  }
  const mine = state.ballots.find((b) => b.reviewerId === s.reviewerId);
  if (mine?.conflictDeclared || !isAllowed(s.action, state.status) || ballotRefusal(s.action, mine)) return null;
  if (s.action === "verify" && !s.checklistComplete) return null;
  const others = state.ballots.filter((b) => b.reviewerId !== s.reviewerId);
  let ballots = state.ballots;
  if (s.action === "vote_approve") {
    if (!s.amountMinor || s.amountMinor <= 0) return null;
    ballots = [...others, { reviewerId: s.reviewerId, vote: "APPROVE", approvedAmountMinor: s.amountMinor, conflictDeclared: false }];
  } else if (s.action === "vote_reject") {
    ballots = [...others, { reviewerId: s.reviewerId, vote: "REJECT", approvedAmountMinor: null, conflictDeclared: false }];
  } else if (s.action === "withdraw_vote") {
    ballots = [...others, { reviewerId: s.reviewerId, vote: null, approvedAmountMinor: null, conflictDeclared: false }];
  } else if (s.action === "declare_conflict") {
    ballots = [...others, { reviewerId: s.reviewerId, vote: null, approvedAmountMinor: null, conflictDeclared: true }];
  }
  let status = moveOf(s.action) ?? state.status;
  if (state.status === "VERIFIED" && ballots !== state.ballots && decide(ballots, requiredApprovals).outcome === "APPROVED")
    status = "APPROVED";
  return { status, ballots, checklistDone: state.checklistDone || s.action === "verify" };
}
