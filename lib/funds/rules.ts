// Pure rules of fund settings: which changes weaken a control and so need a second fund manager
// (docs/decisions/0028-second-fund-manager.md). Making a control stricter never waits for anyone.

export type GuardedSettings = {
  requiredApprovals: number;
  revealNeedsSecondReviewer: boolean;
  receiptConfirmationAboveMinor: number;
  retentionMonths: number;
};

/** A new fund keeps closed cases' personal data at most this long without a second fund manager. */
export const DEFAULT_RETENTION_MONTHS = 12;

/** Below this many distinct reviewers' approvals, a case is decided by fewer than four eyes. */
export const MIN_APPROVALS_ALONE = 2;

/**
 * Splits a change of the guarded settings into what applies now (unchanged or stricter) and what waits for
 * another fund manager (weaker): fewer required approvals, reveals without a second reviewer, a higher
 * amount below which receipts count without confirmation, keeping closed cases' data longer. `current` is null for a new fund, which starts
 * from the strict defaults: creating a fund never weakens anything alone either.
 */
export function splitGuardedChange(
  current: GuardedSettings | null,
  next: GuardedSettings,
): { now: GuardedSettings; held: Partial<GuardedSettings> } {
  const base = current ?? {
    requiredApprovals: Math.max(next.requiredApprovals, MIN_APPROVALS_ALONE),
    revealNeedsSecondReviewer: next.revealNeedsSecondReviewer,
    receiptConfirmationAboveMinor: Math.min(next.receiptConfirmationAboveMinor, DEFAULT_RECEIPT_THRESHOLD_MINOR),
    retentionMonths: Math.min(next.retentionMonths, DEFAULT_RETENTION_MONTHS),
  };
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
  // Keeping closed cases' personal data longer is weaker too (a planted manager would keep it for years).
  if (next.retentionMonths > base.retentionMonths) {
    held.retentionMonths = next.retentionMonths;
    now.retentionMonths = base.retentionMonths;
  }
  return { now, held };
}

/** The schema's default: receipts above 1,000 (in the fund's currency) need a second fund manager. */
export const DEFAULT_RECEIPT_THRESHOLD_MINOR = 100_000;

/** How far back receipts booked by one person count together against the threshold. */
export const RECEIPT_WINDOW_DAYS = 30;

/**
 * A receipt counts without a second fund manager only while the receipts of the fund booked that way in the
 * last RECEIPT_WINDOW_DAYS, this one included, stay within the threshold: splitting a large sum into many
 * small receipts (or many small pledges) does not get around it.
 */
export const receiptNeedsConfirmation = (amountMinor: number, thresholdMinor: number, bookedAloneMinor = 0) =>
  bookedAloneMinor + amountMinor > thresholdMinor;
