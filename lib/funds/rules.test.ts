import { describe, expect, it } from "vitest";
import { receiptNeedsConfirmation, splitGuardedChange, type GuardedSettings } from "@/lib/funds/rules";

const strict: GuardedSettings = {
  requiredApprovals: 2,
  revealNeedsSecondReviewer: true,
  receiptConfirmationAboveMinor: 100_000,
  retentionMonths: 12,
};

describe("changes that weaken a control wait for a second fund manager", () => {
  it("applies stricter and unchanged settings at once", () => {
    const next = { requiredApprovals: 3, revealNeedsSecondReviewer: true, receiptConfirmationAboveMinor: 50_000, retentionMonths: 6 };
    expect(splitGuardedChange(strict, next)).toEqual({ now: next, held: {} });
    expect(splitGuardedChange(strict, strict)).toEqual({ now: strict, held: {} });
  });

  it("holds fewer approvals, reveals without a second reviewer and a higher receipt threshold, and keeps the current values meanwhile", () => {
    const next = {
      requiredApprovals: 1,
      revealNeedsSecondReviewer: false,
      receiptConfirmationAboveMinor: 10_000_000,
      retentionMonths: 120,
    };
    expect(splitGuardedChange(strict, next)).toEqual({
      now: strict,
      held: { requiredApprovals: 1, revealNeedsSecondReviewer: false, receiptConfirmationAboveMinor: 10_000_000, retentionMonths: 120 },
    });
    // Lowering 3 -> 2 is weaker too, even though 2 is the usual value.
    expect(splitGuardedChange({ ...strict, requiredApprovals: 3 }, { ...strict, requiredApprovals: 2 }).held).toEqual({
      requiredApprovals: 2,
    });
  });

  it("starts a new fund from the strict defaults: one approval or a high threshold wait too", () => {
    const r = splitGuardedChange(null, {
      requiredApprovals: 1,
      revealNeedsSecondReviewer: false,
      receiptConfirmationAboveMinor: 5_000_000,
      retentionMonths: 60,
    });
    expect(r.now).toEqual({
      requiredApprovals: 2,
      revealNeedsSecondReviewer: false,
      receiptConfirmationAboveMinor: 100_000,
      retentionMonths: 12,
    });
    expect(r.held).toEqual({ requiredApprovals: 1, receiptConfirmationAboveMinor: 5_000_000, retentionMonths: 60 });
    expect(
      splitGuardedChange(null, {
        requiredApprovals: 3,
        revealNeedsSecondReviewer: true,
        receiptConfirmationAboveMinor: 0,
        retentionMonths: 3,
      }).held,
    ).toEqual({});
  });

  it("asks for confirmation of a receipt only above the threshold", () => {
    expect(receiptNeedsConfirmation(100_000, 100_000)).toBe(false);
    expect(receiptNeedsConfirmation(100_001, 100_000)).toBe(true);
    expect(receiptNeedsConfirmation(1, 0)).toBe(true);
    // Split into parts: what was booked alone recently counts too.
    expect(receiptNeedsConfirmation(1_000, 100_000, 99_000)).toBe(false);
    expect(receiptNeedsConfirmation(1_000, 100_000, 99_001)).toBe(true);
  });
});
