import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  CHECKED_HEADER,
  formPostHeaders,
  guardRequest,
  hstsHeader,
  localeOf,
  PREPARED_HEADER,
  prepareFormPost,
  refusal,
  sameOrigin,
} from "@/lib/security/form-post.mjs";
import { publicOriginsOf } from "@/lib/security/public-urls.mjs";

// Nothing configured (a bare `next dev`): the Origin must name the request's own host.
const NONE = publicOriginsOf(undefined, undefined);
const ONION = "http://padtrymkaexampleonionaddressxxxxxxxxxxxxxxxxxxxxxxxx.onion";
// A deployment with mirrors (ADR 0047).
const MIRRORS = publicOriginsOf("https://padtrymka.example", `https://mirror.example,${ONION},http://localhost:3000`);

const getter = (h: Record<string, string>) => (name: string) => h[name] ?? null;

function nodeRequest(method: string, url: string, headers: Record<string, string>) {
  const req = { method, url, headers: { host: "localhost:3000", ...headers } } as unknown as IncomingMessage;
  const set: Record<string, string> = {};
  const res = { setHeader: (k: string, v: string) => (set[k.toLowerCase()] = v) } as unknown as ServerResponse;
  return { req, res, responseHeaders: set };
}

describe("sameOrigin", () => {
  it("compares the Origin with the host the request was sent to (or the forwarded host)", () => {
    expect(sameOrigin(getter({ origin: "http://localhost:3000", host: "localhost:3000" }), NONE)).toBe(true);
    expect(
      sameOrigin(getter({ origin: "https://padtrymka.example", host: "10.0.0.5:3000", "x-forwarded-host": "padtrymka.example" }), NONE),
    ).toBe(true);
    expect(sameOrigin(getter({ origin: "https://evil.example", host: "localhost:3000" }), NONE)).toBe(false);
    expect(sameOrigin(getter({ host: "localhost:3000" }), NONE)).toBe(false);
    expect(sameOrigin(getter({ origin: "null", host: "localhost:3000" }), NONE)).toBe(false);
    expect(sameOrigin(getter({ origin: "null", "sec-fetch-site": "same-origin", host: "localhost:3000" }), NONE)).toBe(true);
  });
});

describe("sameOrigin on a deployment with mirrors (AUTH_URL, PUBLIC_URLS)", () => {
  it("accepts each public address's own posts, with JavaScript or without", () => {
    expect(sameOrigin(getter({ origin: "https://padtrymka.example", host: "padtrymka.example" }), MIRRORS)).toBe(true);
    expect(sameOrigin(getter({ origin: "https://mirror.example", host: "mirror.example" }), MIRRORS)).toBe(true);
    expect(sameOrigin(getter({ origin: ONION, host: new URL(ONION).host }), MIRRORS)).toBe(true);
    expect(sameOrigin(getter({ origin: "null", "sec-fetch-site": "same-origin", host: new URL(ONION).host }), MIRRORS)).toBe(true);
    expect(
      sameOrigin(getter({ origin: "https://mirror.example", host: "10.0.0.5:3000", "x-forwarded-host": "mirror.example" }), MIRRORS),
    ).toBe(true);
  });

  it("refuses a host the configuration does not name, even when Origin and Host agree (a flooder, a rebound DNS name)", () => {
    expect(sameOrigin(getter({ origin: "https://evil.example", host: "evil.example" }), MIRRORS)).toBe(false);
    expect(sameOrigin(getter({ origin: "null", "sec-fetch-site": "same-origin", host: "evil.example" }), MIRRORS)).toBe(false);
    expect(sameOrigin(getter({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }), MIRRORS)).toBe(false);
    // Without the configuration the same request passes: that is what the configuration adds.
    expect(sameOrigin(getter({ origin: "https://evil.example", host: "evil.example" }), NONE)).toBe(true);
  });

  it("refuses one public address's page posting to another, and a foreign Origin to any of them", () => {
    expect(sameOrigin(getter({ origin: "https://mirror.example", host: "padtrymka.example" }), MIRRORS)).toBe(false);
    expect(sameOrigin(getter({ origin: "https://evil.example", host: "mirror.example" }), MIRRORS)).toBe(false);
    expect(sameOrigin(getter({ origin: "http://mirror.example", host: "mirror.example" }), MIRRORS)).toBe(false);
    expect(sameOrigin(getter({ host: "mirror.example" }), MIRRORS)).toBe(false);
  });
});

describe("formPostHeaders", () => {
  it("gives a JavaScript-free post from our page the origin Next.js compares with the host, a nonce policy and the locale", () => {
    const { headers, csp } = formPostHeaders(
      getter({ origin: "null", "sec-fetch-site": "same-origin", host: "localhost:3000" }),
      "be",
      "bm9uY2U=",
    );
    expect(headers).toEqual({
      origin: "http://localhost:3000",
      "content-security-policy": csp,
      "x-nonce": "bm9uY2U=",
      "x-next-intl-locale": "be",
    });
    expect(csp).toContain("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'");
  });

  it("keeps a real Origin, and uses the forwarded host and scheme behind a reverse proxy", () => {
    expect(formPostHeaders(getter({ origin: "http://localhost:3000", host: "localhost:3000" }), "en", "n").headers.origin).toBeUndefined();
    const behind = formPostHeaders(
      getter({
        origin: "null",
        "sec-fetch-site": "same-origin",
        host: "10.0.0.5:3000",
        "x-forwarded-host": "padtrymka.example",
        "x-forwarded-proto": "https",
      }),
      "ru",
      "n",
    );
    expect(behind.headers.origin).toBe("https://padtrymka.example");
  });
});

describe("the app server's preparation of a form post (prepareFormPost)", () => {
  const own = { origin: "http://localhost:3000" };

  it("prepares a same-origin post to a page under a locale, as the proxy would, and marks it", () => {
    const { req, res, responseHeaders } = nodeRequest("POST", "/en/apply/app-1?x=1", own);
    expect(prepareFormPost(req, res, NONE)).toBe(true);
    expect(req.headers[PREPARED_HEADER]).toBe("1");
    expect(req.headers["x-next-intl-locale"]).toBe("en");
    expect(req.headers["content-security-policy"]).toContain(`'nonce-${req.headers["x-nonce"]}'`);
    expect(responseHeaders["content-security-policy"]).toBe(req.headers["content-security-policy"]);
  });

  it("gives every post its own nonce", () => {
    const a = nodeRequest("POST", "/en/apply/app-1", own);
    const b = nodeRequest("POST", "/en/apply/app-1", own);
    prepareFormPost(a.req, a.res, NONE);
    prepareFormPost(b.req, b.res, NONE);
    expect(a.req.headers["x-nonce"]).not.toBe(b.req.headers["x-nonce"]);
  });

  it("restores the origin of a JavaScript-free post from our own page", () => {
    const { req, res } = nodeRequest("POST", "/be/apply/app-1", { origin: "null", "sec-fetch-site": "same-origin" });
    expect(prepareFormPost(req, res, NONE)).toBe(true);
    expect(req.headers.origin).toBe("http://localhost:3000");
  });

  it("leaves to the proxy (unmarked) a post it would refuse or redirect, and anything that is not a post to a page", () => {
    const cases: [string, string, Record<string, string>][] = [
      ["POST", "/en/apply/app-1", { origin: "https://evil.example" }],
      ["POST", "/en/apply/app-1", { origin: "null" }],
      ["POST", "/en/apply/app-1", { origin: "null", "sec-fetch-site": "cross-site" }],
      ["POST", "/en/apply/app-1", {}],
      ["POST", "/en/me", own], // signed out, into the signed-in area: the proxy redirects to sign-in
      ["POST", "/", own], // no locale: the proxy negotiates it
      ["POST", "/api/funds/x/export", own],
      ["POST", "/en/file.txt", own],
      ["GET", "/en/apply", own],
      ["PUT", "/en/apply/app-1", own],
    ];
    for (const [method, url, headers] of cases) {
      const { req, res, responseHeaders } = nodeRequest(method, url, headers);
      expect(prepareFormPost(req, res, NONE), `${method} ${url} ${JSON.stringify(headers)}`).toBe(false);
      expect(req.headers[PREPARED_HEADER]).toBeUndefined();
      expect(responseHeaders).toEqual({});
    }
  });

  it("prepares a signed-in post into the signed-in area", () => {
    const { req, res } = nodeRequest("POST", "/en/me/app-1", { ...own, cookie: "theme=x; authjs.session-token=abc" });
    expect(prepareFormPost(req, res, NONE)).toBe(true);
    const chunked = nodeRequest("POST", "/en/review", { ...own, cookie: "__Secure-authjs.session-token.0=abc" });
    expect(prepareFormPost(chunked.req, chunked.res, NONE)).toBe(true);
  });

  it("never takes the mark from a client: it is removed from every request, also one it then leaves to the proxy", () => {
    for (const [method, url, headers] of [
      ["POST", "/en/apply/app-1", { origin: "https://evil.example", [PREPARED_HEADER]: "1" }],
      ["POST", "/en/apply/app-1", { [PREPARED_HEADER]: "1" }],
      ["GET", "/en/me", { [PREPARED_HEADER]: "1" }],
    ] as const) {
      const { req, res } = nodeRequest(method, url, headers);
      expect(prepareFormPost(req, res, NONE)).toBe(false);
      expect(req.headers[PREPARED_HEADER]).toBeUndefined();
    }
  });

  it("is the mark that proxy.ts's matcher skips (a literal there)", () => {
    const proxy = fs.readFileSync(path.join(import.meta.dirname, "..", "..", "proxy.ts"), "utf8");
    expect(proxy).toContain(`missing: [{ type: "header", key: "${PREPARED_HEADER}" }]`);
  });
});

describe("the checks on every request (refusal, guardRequest)", () => {
  function answered(method: string, url: string, headers: Record<string, string>, hsts: string | null = null, origins = NONE) {
    const req = { method, url, headers: { host: "localhost:3000", ...headers } } as unknown as IncomingMessage;
    const out = {
      status: 0,
      headers: {} as Record<string, string>,
      body: undefined as string | undefined,
      set: {} as Record<string, string>,
    };
    const res = {
      setHeader: (k: string, v: string) => (out.set[k.toLowerCase()] = v),
      writeHead: (status: number, h: Record<string, string>) => {
        out.status = status;
        out.headers = h;
      },
      end: (body?: string) => (out.body = body),
    } as unknown as ServerResponse;
    return { passed: guardRequest(req, res, { hsts, origins }), req, out };
  }

  it("answers 405 with Allow to a method the app does not answer, on any path", () => {
    for (const method of ["TRACE", "TRACK", "PUT", "DELETE", "PATCH", "OPTIONS", "PROPFIND", "BREW", ""]) {
      for (const url of ["/en", "/api/health", "/en/apply/x.x", "/_next/static/x.js"]) {
        const { passed, out, req } = answered(method, url, { origin: "http://localhost:3000" });
        expect(passed, `${method} ${url}`).toBe(false);
        expect(out.status).toBe(405);
        expect(out.headers.Allow).toBe("GET, HEAD, POST");
        expect(req.headers[CHECKED_HEADER]).toBeUndefined();
      }
    }
  });

  it("refuses a post without our Origin on every path: pages with a dot in them, API routes, Next internals", () => {
    for (const url of [
      "/en/apply/app-1.x",
      "/en/apply/app-1",
      "/api/auth/callback/credentials",
      "/api/funds/x/export",
      "/_next/image",
      "/favicon.ico",
      "/",
    ]) {
      for (const headers of [
        {},
        { origin: "https://evil.example" },
        { origin: "null" },
        { origin: "null", "sec-fetch-site": "cross-site" },
        { origin: "http://localhost:3000", "x-forwarded-host": "evil.example" },
      ] as Record<string, string>[]) {
        const { passed, out } = answered("POST", url, headers);
        expect(passed, `${url} ${JSON.stringify(headers)}`).toBe(false);
        expect(out.status).toBe(403);
        expect(out.body).toBe("Forbidden: this request did not come from this site.");
      }
    }
  });

  it("lets through, and marks as checked, reads and posts from our own pages (with JavaScript or without)", () => {
    for (const [method, url, headers] of [
      ["GET", "/en/apply/app-1.x", {}],
      ["HEAD", "/api/health", { origin: "https://evil.example" }],
      ["POST", "/en/apply/app-1.x", { origin: "http://localhost:3000" }],
      ["POST", "/api/auth/callback/credentials", { origin: "http://localhost:3000" }],
      ["POST", "/en/sign-in", { origin: "null", "sec-fetch-site": "same-origin" }],
    ] as const) {
      const { passed, req } = answered(method, url, headers);
      expect(passed, `${method} ${url}`).toBe(true);
      expect(req.headers[CHECKED_HEADER]).toBe("1");
    }
  });

  it("never takes the checked mark from a client", () => {
    const { passed, req } = answered("POST", "/en/apply/app-1.x", { [CHECKED_HEADER]: "1" });
    expect(passed).toBe(false);
    expect(req.headers[CHECKED_HEADER]).toBeUndefined();
  });

  it("the same refusals for proxy.ts (refusal)", () => {
    const get = (h: Record<string, string>) => (name: string) => h[name];
    expect(refusal("TRACE", get({}), NONE)?.status).toBe(405);
    expect(refusal("POST", get({}), NONE)?.status).toBe(403);
    expect(refusal("GET", get({}), NONE)).toBeNull();
    expect(refusal("POST", get({ origin: "http://localhost:3000", host: "localhost:3000" }), NONE)).toBeNull();
  });

  it("sends Strict-Transport-Security on every response when the public URL is https, never on http", () => {
    expect(hstsHeader("https://padtrymka.example")).toBe("max-age=63072000; includeSubDomains");
    for (const url of ["http://localhost:3000", undefined, "", "not a url"]) expect(hstsHeader(url)).toBeNull();
    const hsts = hstsHeader("https://padtrymka.example");
    expect(answered("GET", "/en", {}, hsts).out.set["strict-transport-security"]).toBe(hsts);
    expect(answered("TRACE", "/en", {}, hsts).out.set["strict-transport-security"]).toBe(hsts);
    expect(answered("GET", "/en", {}, null).out.set["strict-transport-security"]).toBeUndefined();
  });

  it("sends no Strict-Transport-Security to an onion service's visitors", () => {
    const hsts = hstsHeader("https://padtrymka.example");
    expect(answered("GET", "/en", { host: "padtrymka.example" }, hsts, MIRRORS).out.set["strict-transport-security"]).toBe(hsts);
    expect(answered("GET", "/en", { host: new URL(ONION).host }, hsts, MIRRORS).out.set["strict-transport-security"]).toBeUndefined();
    expect(answered("POST", "/en/status", { host: new URL(ONION).host, origin: ONION }, hsts, MIRRORS)).toMatchObject({
      passed: true,
      out: { set: {} },
    });
  });

  it("refuses, on a deployment with mirrors, a post to a host it does not serve", () => {
    const { passed, out } = answered("POST", "/en/status", { host: "evil.example", origin: "https://evil.example" }, null, MIRRORS);
    expect(passed).toBe(false);
    expect(out.status).toBe(403);
    expect(answered("POST", "/en/status", { host: "mirror.example", origin: "https://mirror.example" }, null, MIRRORS).passed).toBe(true);
  });

  it("is the mark that proxy.ts's second matcher skips (a literal there)", () => {
    const proxy = fs.readFileSync(path.join(import.meta.dirname, "..", "..", "proxy.ts"), "utf8");
    expect(proxy).toContain(`{ source: "/:path*", missing: [{ type: "header", key: "${CHECKED_HEADER}" }] }`);
  });
});

describe("localeOf", () => {
  it("reads the locale prefix of a path", () => {
    expect(localeOf("/en/apply")).toBe("en");
    expect(localeOf("/be")).toBe("be");
    expect(localeOf("/de/apply")).toBeNull();
    expect(localeOf("/")).toBeNull();
  });
});
