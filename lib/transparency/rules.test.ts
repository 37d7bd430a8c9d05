import { describe, expect, it } from "vitest";
import { cell, publicationCutoff, weekIsFinal } from "@/lib/transparency/rules";

describe("transparency privacy rules", () => {
  it("hides cells of 1 to 4 people, with their amounts", () => {
    expect(cell(4, 400)).toEqual({ hidden: true });
    expect(cell(1, 100)).toEqual({ hidden: true });
    expect(cell(5, 500)).toEqual({ hidden: false, count: 5, amountMinor: 500 });
    expect(cell(0, 0)).toEqual({ hidden: false, count: 0, amountMinor: 0 });
  });
  it("publishes up to the start of the day N days ago, or up to now with no delay", () => {
    const now = new Date("2026-11-26T16:00:00Z");
    expect(publicationCutoff(now, 7).toISOString()).toBe("2026-11-19T00:00:00.000Z");
    expect(publicationCutoff(now, 0)).toBe(now);
  });
  it("freezes a week's root once the week is entirely published", () => {
    expect(weekIsFinal("2026-11-09", new Date("2026-11-16T00:00:00Z"))).toBe(true);
    expect(weekIsFinal("2026-11-16", new Date("2026-11-19T00:00:00Z"))).toBe(false);
  });
});
