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
});

describe("reference codes", () => {
  it("normalises what people type or read aloud", () => {
    expect(normaliseReferenceCode("pad 7kq4 m9xd")).toBe("PAD-7KQ4-M9XD");
    expect(normaliseReferenceCode("7KQ4M9XD")).toBe("PAD-7KQ4-M9XD");
    expect(StatusLookupSchema.safeParse({ code: " pad-7kq4-m9xd " }).success).toBe(true);
    expect(StatusLookupSchema.safeParse({ code: "hello" }).success).toBe(false);
  });
});
