import { describe, expect, it } from "vitest";
import { isSameOrigin } from "@/lib/security/same-origin";

const req = (headers: Record<string, string>) =>
  new Request("http://localhost:3000/api/x", { method: "POST", headers: { host: "localhost:3000", ...headers } });

describe("isSameOrigin", () => {
  it("accepts our own origin", () => expect(isSameOrigin(req({ origin: "http://localhost:3000" }))).toBe(true));
  it("refuses a foreign, a missing and a malformed origin", () => {
    expect(isSameOrigin(req({ origin: "https://evil.example" }))).toBe(false);
    expect(isSameOrigin(req({ origin: "http://localhost:3000.evil.example" }))).toBe(false);
    expect(isSameOrigin(req({}))).toBe(false);
    expect(isSameOrigin(req({ origin: "not a url" }))).toBe(false);
  });
  it("accepts a null origin only when the browser says the form was on our page", () => {
    expect(isSameOrigin(req({ origin: "null" }))).toBe(false);
    expect(isSameOrigin(req({ origin: "null", "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(isSameOrigin(req({ origin: "null", "sec-fetch-site": "same-origin" }))).toBe(true);
  });
});
