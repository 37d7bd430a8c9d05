// Pure rules of fund settings: which changes weaken a control and so need a second fund manager
// (docs/decisions/0028-second-fund-manager.md). Making a control stricter never waits for anyone.

export type GuardedSettings = { requiredApprovals: number; revealNeedsSecondReviewer: boolean; receiptConfirmationAboveMinor: number };

/** Below this many distinct reviewers' approvals, a case is decided by fewer than four eyes. */
export const MIN_APPROVALS_ALONE = 2;

/**
 * Splits a change of the guarded settings into what applies now (unchanged or stricter) and what waits for
 * another fund manager (weaker): fewer required approvals, reveals without a second reviewer, a higher
 * amount below which receipts count without confirmation. `current` is null for a new fund, which starts
 * from the strict defaults: creating a fund never weakens anything alone either.
 */
export function splitGuardedChange(current: GuardedSettings | null, next: GuardedSettings): { now: GuardedSettings; held: Partial<GuardedSettings> } {
  const base = current ?? { requiredApprovals: Math.max(next.requiredApprovals, MIN_APPROVALS_ALONE), revealNeedsSecondReviewer: next.revealNeedsSecondReviewer, receiptConfirmationAboveMinor: Math.min(next.receiptConfirmationAboveMinor, DEFAULT_RECEIPT_THRESHOLD_MINOR) };
  const held: Partial<GuardedSettings> = {};
  const now = { ...next };
  if (next.requiredApprovals < base.requiredApprovals) {
    held.requiredApprovals = next.requiredApprovals;
    now.requiredApprovals = base.requiredApprovals;
  }
  if (base.revealNeedsSecondReviewer && !next.revealNeedsSecondReviewer) {
    held.revealNeedsSecondReviewer = false;
    now.revealNeedsSecondReviewer = true;
  }
  if (next.receiptConfirmationAboveMinor > base.receiptConfirmationAboveMinor) {
    held.receiptConfirmationAboveMinor = next.receiptConfirmationAboveMinor;
    now.receiptConfirmationAboveMinor = base.receiptConfirmationAboveMinor;
  }
  return { now, held };
}

/** The schema's default: receipts above 1,000 (in the fund's currency) need a second fund manager. */
export const DEFAULT_RECEIPT_THRESHOLD_MINOR = 100_000;

/** A receipt above the fund's threshold counts only once a second fund manager confirms it. */
export const receiptNeedsConfirmation = (amountMinor: number, thresholdMinor: number) => amountMinor > thresholdMinor;
