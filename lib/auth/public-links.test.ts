// The flooder's move: ask for a sign-in link to someone's address with `Host: evil.example` (or a forged
// X-Forwarded-Host), hoping the mail points at their host and the victim hands them the token.
import { describe, expect, it } from "vitest";
import { keepOnThisAddress, mailedLink, redirectOnThisAddress } from "@/lib/auth/public-links";
import { publicOriginsOf } from "@/lib/security/public-urls.mjs";

const ONION = "http://padtrymkaexampleonionaddressxxxxxxxxxxxxxxxxxxxxxxxx.onion";
const origins = publicOriginsOf("https://padtrymka.example", `https://mirror.example,${ONION}`);
const link = "https://padtrymka.example/api/auth/callback/nodemailer?callbackUrl=%2Fen%2Fme&token=t0k3n&email=a%40b.example";
const headers = (h: Record<string, string>) => new Headers(h);

describe("the magic link's address", () => {
  it("is the public address the person asked from", () => {
    expect(mailedLink(link, headers({ host: "mirror.example" }), origins)).toBe(
      link.replace("https://padtrymka.example", "https://mirror.example"),
    );
    expect(mailedLink(link, headers({ host: new URL(ONION).host }), origins)).toBe(link.replace("https://padtrymka.example", ONION));
    expect(mailedLink(link, headers({ host: "padtrymka.example" }), origins)).toBe(link);
    // Behind a declared proxy (the app server keeps X-Forwarded-Host only from TRUSTED_PROXIES).
    expect(mailedLink(link, headers({ host: "10.0.0.5:3000", "x-forwarded-host": "mirror.example" }), origins)).toBe(
      link.replace("https://padtrymka.example", "https://mirror.example"),
    );
  });

  it("is the primary, never the flooder's host, when the request names a host that is not ours", () => {
    for (const h of [
      { host: "evil.example" },
      { host: "10.0.0.5:3000", "x-forwarded-host": "evil.example" },
      { host: "mirror.example.evil.example" },
      {},
    ] as Record<string, string>[]) {
      const mailed = mailedLink(link, headers(h), origins);
      expect(mailed, JSON.stringify(h)).toBe(link);
      expect(mailed).not.toContain("evil");
    }
  });

  it("keeps the token, the address and the path where the link leads", () => {
    const u = new URL(mailedLink(link, headers({ host: "mirror.example" }), origins));
    expect(u.pathname).toBe("/api/auth/callback/nodemailer");
    expect(Object.fromEntries(u.searchParams)).toEqual({ callbackUrl: "/en/me", token: "t0k3n", email: "a@b.example" });
  });
});

describe("redirects after sign-in and sign-out", () => {
  const base = "https://padtrymka.example";
  it("are paths on whichever public address the browser is on", () => {
    expect(redirectOnThisAddress("/en/me", base, origins)).toBe("/en/me");
    expect(redirectOnThisAddress("https://padtrymka.example/en/me?x=1#a", base, origins)).toBe("/en/me?x=1#a");
    expect(redirectOnThisAddress(`${ONION}/ru/me`, base, origins)).toBe("/ru/me");
  });

  it("never lead to another site", () => {
    for (const url of ["https://evil.example/en/me", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "not a url"])
      expect(redirectOnThisAddress(url, base, origins), url).toBe("/");
  });

  it("of next-auth's own pages are made paths when they point at one of our addresses", () => {
    const moved = keepOnThisAddress(
      new Response(null, { status: 302, headers: { location: "https://padtrymka.example/sign-in?error=Verification" } }),
      origins,
    );
    expect(moved.status).toBe(302);
    expect(moved.headers.get("location")).toBe("/sign-in?error=Verification");
    const foreign = new Response(null, { status: 302, headers: { location: "https://evil.example/" } });
    expect(keepOnThisAddress(foreign, origins)).toBe(foreign);
  });

  it("keep every cookie the response sets", () => {
    const h = new Headers({ location: "https://padtrymka.example/en/me" });
    h.append("set-cookie", "a=1; Path=/");
    h.append("set-cookie", "b=2; Path=/");
    expect(keepOnThisAddress(new Response(null, { status: 302, headers: h }), origins).headers.getSetCookie()).toEqual([
      "a=1; Path=/",
      "b=2; Path=/",
    ]);
  });
});
