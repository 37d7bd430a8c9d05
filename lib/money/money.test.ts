import { describe, expect, it } from "vitest";
import { formatMoney, minorDigits, minorFromSql, minorToInput, parseMoneyInput, sumMinor } from "@/lib/money/money";

describe("money as integer minor units", () => {
  it("knows each currency's minor digits", () => {
    expect(minorDigits("USD")).toBe(2);
    expect(minorDigits("EUR")).toBe(2);
    expect(minorDigits("BYN")).toBe(2);
    expect(minorDigits("JPY")).toBe(0);
  });

  it("formats minor units in the reader's language", () => {
    expect(formatMoney(1_000_000, "USD", "en")).toBe("$10,000");
    expect(formatMoney(123_456, "USD", "en")).toBe("$1,234.56");
    expect(formatMoney(50_000_000, "USD", "ru")).toMatch(/^500\s000\s\$$/);
    expect(formatMoney(500, "JPY", "en")).toBe("¥500");
  });

  it("refuses fractional minor units", () => {
    expect(() => formatMoney(1.5, "USD", "en")).toThrow(RangeError);
  });

  it("parses typed amounts exactly, with comma or dot decimals and grouping", () => {
    expect(parseMoneyInput("1500", "USD")).toBe(150_000);
    expect(parseMoneyInput("1 500,50", "USD")).toBe(150_050);
    expect(parseMoneyInput("1,500.5", "USD")).toBe(150_050);
    expect(parseMoneyInput("0.29", "USD")).toBe(29); // 0.29 * 100 is 28.999… in floats
    expect(parseMoneyInput("12", "JPY")).toBe(12);
  });

  it("rejects what is not an amount", () => {
    for (const bad of ["", "-5", "1.234", "abc", "1e5", "12.5.1", "1,50,0"]) expect(parseMoneyInput(bad, "USD")).toBeNull();
    expect(parseMoneyInput("12.5", "JPY")).toBeNull();
    expect(parseMoneyInput("100000000", "USD")).toBeNull(); // above MAX_ENTRY_MINOR
  });

  it("sums without silently losing precision", () => {
    expect(sumMinor([1, 2, 3])).toBe(6);
    expect(() => sumMinor([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });

  it("reads SQL sums (bigint) exactly, and refuses past the safe range instead of rounding", () => {
    expect(minorFromSql(4_000_000_000_000_001n)).toBe(4_000_000_000_000_001);
    expect(minorFromSql(BigInt(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    expect(minorFromSql(-5n)).toBe(-5);
    expect(minorFromSql(null)).toBe(0);
    expect(() => minorFromSql(2n ** 53n)).toThrow(RangeError);
    expect(() => minorFromSql(-(2n ** 53n))).toThrow(RangeError);
  });
});

describe("minorToInput", () => {
  it("writes amounts back exactly, and parses back to the same value", () => {
    expect(minorToInput(150_000, "USD")).toBe("1500");
    expect(minorToInput(150_050, "USD")).toBe("1500.50");
    expect(minorToInput(5, "USD")).toBe("0.05");
    expect(minorToInput(1500, "JPY")).toBe("1500");
  });
});
