import { describe, expect, it } from "vitest";
import { allocate, bucketFigures, figuresFromSums, pledgedTotal, pledgeStatus, totalFigures, type Entry } from "@/lib/money/ledger";

describe("ledger figures", () => {
  const entries: Entry[] = [
    { kind: "RECEIPT", amountMinor: 10_000, purpose: null },
    { kind: "RECEIPT", amountMinor: 5_000, purpose: "ACADEMY_DEBT" },
    { kind: "COMMITMENT", amountMinor: 4_000, purpose: "ACADEMY_DEBT" },
    { kind: "COMMITMENT", amountMinor: 3_000, purpose: null },
    { kind: "COMMITMENT_RELEASE", amountMinor: 3_000, purpose: null },
    { kind: "PAYOUT", amountMinor: 3_000, purpose: null },
    { kind: "REVERSAL", amountMinor: 1_000, purpose: null },
  ];
  it("derives received, committed, paid and available", () => {
    expect(totalFigures(entries)).toEqual({ received: 15_000, committed: 4_000, paid: 2_000, available: 9_000 });
  });
  it("keeps each bucket separate", () => {
    const b = bucketFigures(entries);
    expect(b.get("ANY")).toEqual({ received: 10_000, committed: 0, paid: 2_000, available: 8_000 });
    expect(b.get("ACADEMY_DEBT")).toEqual({ received: 5_000, committed: 4_000, paid: 0, available: 1_000 });
  });
  it("gives the same figures from SQL sums by kind", () => {
    expect(figuresFromSums(entries)).toEqual(totalFigures(entries));
  });
});

describe("allocate", () => {
  const avail = new Map([
    ["ANY", 1_000],
    ["ACADEMY_DEBT", 600],
    ["MEDICAL_REHABILITATION", 5_000],
  ]);
  it("uses money restricted to the case's purpose first", () => {
    expect(allocate(avail, "ACADEMY_DEBT", 500)).toEqual({ ok: true, parts: [{ bucket: "ACADEMY_DEBT", amountMinor: 500 }] });
  });
  it("splits across the restricted and the unrestricted bucket", () => {
    expect(allocate(avail, "ACADEMY_DEBT", 1_400)).toEqual({
      ok: true,
      parts: [
        { bucket: "ACADEMY_DEBT", amountMinor: 600 },
        { bucket: null, amountMinor: 800 },
      ],
    });
  });
  it("never uses money restricted to another purpose, and says what is available", () => {
    expect(allocate(avail, "FINES_LEGAL", 1_001)).toEqual({ ok: false, availableMinor: 1_000 });
    expect(allocate(avail, "ACADEMY_DEBT", 1_601)).toEqual({ ok: false, availableMinor: 1_600 });
  });
  it("refuses a non-positive amount", () => {
    expect(() => allocate(avail, "OTHER", 0)).toThrow(RangeError);
  });
});

describe("pledges", () => {
  it("counts lapsed pledges only for what was received", () => {
    expect(
      pledgedTotal([
        { amountMinor: 100, receivedMinor: 0, lapsed: false },
        { amountMinor: 500, receivedMinor: 120, lapsed: true },
      ]),
    ).toBe(220);
  });
  it("moves pledged -> partly received -> received", () => {
    expect(pledgeStatus(100, 0)).toBe("PLEDGED");
    expect(pledgeStatus(100, 40)).toBe("PARTLY_RECEIVED");
    expect(pledgeStatus(100, 100)).toBe("RECEIVED");
  });
});
