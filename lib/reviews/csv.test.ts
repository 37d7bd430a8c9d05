import { describe, expect, it } from "vitest";
import { neutraliseCell } from "@/lib/reviews/csv";

describe("CSV formula injection", () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `'=HYPERLINK("http://evil","x")`],
    ["+375291234567", "'+375291234567"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["PAD-7KQ4-M9XD", "PAD-7KQ4-M9XD"],
    ["", ""],
  ])("%s -> %s", (input, out) => {
    expect(neutraliseCell(input)).toBe(out);
  });

  it("keeps numbers and empty values plain", () => {
    expect(neutraliseCell(1500)).toBe("1500");
    expect(neutraliseCell(null)).toBe("");
  });
});
