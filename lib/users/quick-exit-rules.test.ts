import { describe, expect, it } from "vitest";
import { quickExitMayAct, signsOutOnQuickExit } from "@/lib/users/quick-exit-rules";

const headers = (h: Record<string, string>) => (name: string) => h[name] ?? null;

describe("quick exit rules", () => {
  it("signs out by default only accounts without email", () => {
    expect(signsOutOnQuickExit({ quickExitSignOut: null, email: null })).toBe(true);
    expect(signsOutOnQuickExit({ quickExitSignOut: null, email: "a@b.test" })).toBe(false);
    expect(signsOutOnQuickExit({ quickExitSignOut: false, email: null })).toBe(false);
    expect(signsOutOnQuickExit({ quickExitSignOut: true, email: "a@b.test" })).toBe(true);
  });

  it("acts for the user's own navigation, never for another site's link or a prefetch", () => {
    expect(quickExitMayAct(headers({ "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(quickExitMayAct(headers({ "sec-fetch-site": "none" }))).toBe(true); // typed in the address bar
    expect(quickExitMayAct(headers({}))).toBe(true); // a browser that sends no fetch metadata
    expect(quickExitMayAct(headers({ "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(quickExitMayAct(headers({ "sec-fetch-site": "same-site" }))).toBe(false);
    expect(quickExitMayAct(headers({ "sec-fetch-site": "same-origin", "sec-purpose": "prefetch;prerender" }))).toBe(false);
    expect(quickExitMayAct(headers({ purpose: "prefetch" }))).toBe(false);
    expect(quickExitMayAct(headers({ "x-moz": "prefetch" }))).toBe(false);
  });
});
