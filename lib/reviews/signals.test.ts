import { describe, expect, it } from "vitest";
import { normalisePayoutDetails, p95, signalsFrom, type SignalFacts } from "@/lib/reviews/signals";

const none: SignalFacts = {
  duplicateRefs: [],
  sharedPayoutRefs: [],
  accountCases: 1,
  rejectedBefore: 0,
  requestedMinor: 100_000,
  fundP95Minor: 500_000,
};

describe("fraud signals", () => {
  it("a clean case has no signal", () => expect(signalsFrom(none)).toEqual([]));
  it("each fact gives its labelled signal with its reason", () => {
    const s = signalsFrom({
      duplicateRefs: ["PAD-AAAA-BBBB"],
      sharedPayoutRefs: ["PAD-CCCC-DDDD", "PAD-EEEE-FFFF"],
      accountCases: 3,
      rejectedBefore: 1,
      requestedMinor: 600_000,
      fundP95Minor: 500_000,
    });
    expect(s.map((x) => [x.key, x.level])).toEqual([
      ["duplicate_identity", "warning"],
      ["shared_payout_details", "warning"],
      ["many_cases_one_account", "info"],
      ["rejected_before", "info"],
      ["amount_above_usual", "info"],
    ]);
    expect(s[1]!.values).toEqual({ refs: "PAD-CCCC-DDDD, PAD-EEEE-FFFF", count: 2 });
  });
  it("two cases are not many; the 95th percentile itself is not above usual; no percentile, no signal", () => {
    expect(signalsFrom({ ...none, accountCases: 2 })).toEqual([]);
    expect(signalsFrom({ ...none, requestedMinor: 500_000 })).toEqual([]);
    expect(signalsFrom({ ...none, requestedMinor: 9_000_000, fundP95Minor: null })).toEqual([]);
  });
  it("payout details match whatever their formatting", () => {
    expect(normalisePayoutDetails("BY12 ALFA 3014-0000")).toBe(normalisePayoutDetails("by12alfa30140000"));
    expect(normalisePayoutDetails("BY12 ALFA 3014")).not.toBe(normalisePayoutDetails("BY12 ALFA 3015"));
  });
  it("the 95th percentile needs 20 cases", () => {
    expect(p95(Array.from({ length: 19 }, (_, i) => i))).toBeNull();
    expect(p95(Array.from({ length: 20 }, (_, i) => i + 1))).toBe(19);
    expect(p95(Array.from({ length: 100 }, (_, i) => i + 1))).toBe(95);
  });
});
