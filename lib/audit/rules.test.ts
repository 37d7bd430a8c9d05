import { describe, expect, it } from "vitest";
import { containsPattern, dayStart, filterQuery } from "@/lib/audit/rules";
import { parseLogFilter } from "@/lib/audit/schemas";

describe("log filters", () => {
  it("starts a day at midnight in Minsk (UTC+3)", () => {
    expect(dayStart("2026-12-01").toISOString()).toBe("2026-11-30T21:00:00.000Z");
    expect(dayStart("2026-12-01", "Europe/Minsk", 1).toISOString()).toBe("2026-12-01T21:00:00.000Z");
    expect(dayStart("2026-07-01", "UTC").toISOString()).toBe("2026-07-01T00:00:00.000Z");
  });
  it("takes LIKE wildcards literally", () => {
    expect(containsPattern("A_b%")).toBe("%a\\_b\\%%");
  });
  it("drops only the malformed fields and normalises the reference code", () => {
    expect(
      parseLogFilter({ who: " reviewer@demo ", case: "pad demo 0001", from: "2026-02-30x", to: "2026-12-01", after: "12;drop" }),
    ).toEqual({ who: "reviewer@demo", case: "PAD-DEMO-0001", to: "2026-12-01" });
    expect(parseLogFilter({ who: ["a", "b"], case: "" })).toEqual({ who: "a" });
  });
  it("builds the next page's link from the filter", () => {
    expect(filterQuery({ who: "x", case: "PAD-DEMO-0001" }, "41")).toBe("who=x&case=PAD-DEMO-0001&after=41");
  });
});
