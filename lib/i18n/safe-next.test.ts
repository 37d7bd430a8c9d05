import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/i18n/safe-next";
import { normaliseReferenceCode, StatusLookupSchema } from "@/lib/applications/schemas";

describe("post-sign-in destination", () => {
  it("keeps paths inside the app", () => {
    expect(safeNextPath("/en/review", "en")).toBe("/en/review");
    expect(safeNextPath("/ru/funds/abc?x=1", "en")).toBe("/ru/funds/abc?x=1");
  });
  it.each(["https://evil.example", "//evil.example", "/\\evil.example", "/xx/review", "review", 42, undefined])("refuses %s", (next) => {
    expect(safeNextPath(next, "be")).toBe("/be/me");
  });
  it.each([
    "/en/me\r\nSet-Cookie: x=1",
    "/en/me\nX: 1",
    "/en/me\r",
    "/en/\tme",
    "/en/me\u0000",
    "/en/me\u007f",
    "/\t/evil.example",
    "/en/../../\u000a/evil.example",
  ])("refuses a control character: %j", (next) => {
    expect(safeNextPath(next, "en")).toBe("/en/me");
  });
  it("returns only what a Location header can carry: other characters percent-encoded", () => {
    expect(safeNextPath("/ru/курсы?q=мова", "en")).toBe("/ru/%D0%BA%D1%83%D1%80%D1%81%D1%8B?q=%D0%BC%D0%BE%D0%B2%D0%B0");
    expect(safeNextPath("/en/a b", "en")).toBe("/en/a%20b");
    for (const next of ["/ru/курсы", "/en/x?y=\u00e9", "/en/a b#c"]) expect(safeNextPath(next, "en")).toMatch(/^[\x21-\x7e]+$/);
  });
  it("refuses a path that leaves the locales once resolved", () => {
    expect(safeNextPath("/en/../admin", "be")).toBe("/be/me");
    expect(safeNextPath("/en/../ru/me", "be")).toBe("/ru/me");
  });
});

describe("reference codes", () => {
  it("normalises what people type or read aloud", () => {
    expect(normaliseReferenceCode("pad 7kq4 m9xd")).toBe("PAD-7KQ4-M9XD");
    expect(normaliseReferenceCode("7KQ4M9XD")).toBe("PAD-7KQ4-M9XD");
    expect(StatusLookupSchema.safeParse({ code: " pad-7kq4-m9xd " }).success).toBe(true);
    expect(StatusLookupSchema.safeParse({ code: "hello" }).success).toBe(false);
  });
});
