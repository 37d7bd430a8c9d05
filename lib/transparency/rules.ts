// Privacy rules of the public transparency page, pure (docs/decisions/0012-ledger-and-payouts.md):
// figures appear only after the fund's delay, grouped by week, and any cell of fewer than 5 people is
// shown as "fewer than 5" without its amount.
export const MIN_PEOPLE = 5;

export type Cell = { hidden: true } | { hidden: false; count: number; amountMinor: number };

export function cell(count: number, amountMinor: number): Cell {
  return count > 0 && count < MIN_PEOPLE ? { hidden: true } : { hidden: false, count, amountMinor };
}

/** Events before this instant are published. Delay 0 publishes everything up to now. */
export function publicationCutoff(now: Date, delayDays: number): Date {
  if (delayDays <= 0) return now;
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - delayDays);
  return d;
}

/** A week's root is final once the whole week lies before the cutoff. */
export function weekIsFinal(weekStart: string, cutoff: Date): boolean {
  const end = new Date(`${weekStart}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 7);
  return end.getTime() <= cutoff.getTime();
}

export const STAGES = ["SUBMITTED", "SHORTLISTED", "VERIFIED", "APPROVED", "PAID"] as const;
