// What the app does to a request before Next.js handles it, in one place: the methods it answers, the
// CSRF check on everything that is not a GET or HEAD (every path, also API routes and paths with a dot),
// and the headers a form post to a page (a server action, with or without JavaScript) gets — the origin
// of a JavaScript-free post, the page's Content-Security-Policy nonce, the locale.
//
// Used by proxy.ts and by the app server in front of Next.js (scripts/lib/app-server.mjs), which prepares
// the common form post itself so that Next.js need not run the proxy for it (docs/decisions/0022-form-posts-
// prepared-by-the-app-server.md). Plain JavaScript so that the app server can load it without a build;
// types in form-post.d.mts.
import { policy } from "./csp-policy.mjs";
import { isOnionHost, normalHost, originForHost } from "./public-urls.mjs";

export const LOCALES = ["be", "ru", "en"];

/** The signed-in area (route groups are not in the URL, so it is listed). */
export const SIGNED_IN = /^\/(be|ru|en)\/(me|review|funds|payouts|pledges|provider|admin)(\/|$)/;
export const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/**
 * Set by the app server on a form post it has prepared; proxy.ts does not run for a request that has it
 * (its matcher). Never taken from a client: the app server removes it from every request it receives,
 * and a production build does not start without the app server (app-server-mark.mjs).
 */
export const PREPARED_HEADER = "x-padtrymka-prepared";

/**
 * Set by the app server on every request it has checked itself (method and CSRF, `guardRequest`); proxy.ts's
 * second matcher runs the same checks for every request without it (`next dev`, where there is no app
 * server). The app server removes a client's copy. A browser page cannot add it to a cross-site request
 * (a custom header needs a CORS preflight, which is refused), so it can only spare non-browser clients a
 * check that does not concern them.
 */
export const CHECKED_HEADER = "x-padtrymka-checked";

/** The methods the app answers. Anything else (TRACE, PUT, OPTIONS, made-up ones) gets 405 with Allow. */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST"];

/**
 * CSRF: a state-changing request must come from our own origin. A `null` Origin (a plain form post under
 * Referrer-Policy: no-referrer) is accepted only when the browser itself says the form was on our page
 * (Sec-Fetch-Site cannot be set by a page). A missing Origin is refused.
 * With the deployment's public addresses configured (AUTH_URL, PUBLIC_URLS: `origins`, from
 * lib/security/public-urls.mjs), the request must also be addressed to one of them and its Origin be that
 * address: each mirror accepts its own pages' posts, and a host the configuration does not name (a
 * flooder's Host header, a rebound DNS name) is refused even when its Origin agrees (ADR 0047). With none
 * configured (a bare `next dev`), the Origin must name the request's own host.
 * @param {(name: string) => string | null | undefined} get a request header, by lower-case name
 * @param {import("./public-urls.mjs").PublicOrigins} origins
 */
export function sameOrigin(get, origins) {
  const origin = get("origin");
  if (origin === null || origin === undefined) return false;
  const host = get("x-forwarded-host") ?? get("host");
  if (!host) return false;
  const configured = origins.list.length > 0;
  if (configured && !originForHost(host, origins)) return false;
  if (origin === "null") return get("sec-fetch-site") === "same-origin";
  try {
    const url = new URL(origin);
    if (url.host !== normalHost(host)) return false;
    return !configured || origins.list.includes(url.origin);
  } catch {
    return false;
  }
}

/**
 * The answer to a request the app refuses before any route sees it, or null: 405 for a method it does not
 * answer, 403 for anything but GET/HEAD that did not come from our own origin (`sameOrigin`). The same
 * rule for the app server (`guardRequest`) and proxy.ts.
 * @param {string | undefined} method
 * @param {(name: string) => string | null | undefined} get
 * @param {import("./public-urls.mjs").PublicOrigins} origins
 * @returns {{ status: number, headers: Record<string, string>, body: string } | null}
 */
export function refusal(method, get, origins) {
  const headers = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };
  if (!ALLOWED_METHODS.includes(method ?? ""))
    return { status: 405, headers: { ...headers, Allow: ALLOWED_METHODS.join(", ") }, body: "Method not allowed." };
  if (method !== "GET" && method !== "HEAD" && !sameOrigin(get, origins))
    return { status: 403, headers, body: "Forbidden: this request did not come from this site." };
  return null;
}

/**
 * Strict-Transport-Security for a deployment whose public URL (AUTH_URL) is https: browsers then never
 * try plain http for two years, on this host and its subdomains. Null for http (development, tests).
 * Never sent to an onion service's visitors (`guardRequest`): Tor already protects that connection, and
 * an onion address is reached over plain http.
 * @param {string | undefined} authUrl
 * @returns {string | null}
 */
export function hstsHeader(authUrl) {
  try {
    return authUrl && new URL(authUrl).protocol === "https:" ? "max-age=63072000; includeSubDomains" : null;
  } catch {
    return null;
  }
}

/**
 * The app server's first step on every request (before `prepareFormPost`, after the client address,
 * lib/security/client-address.mjs): removes a client's CHECKED_HEADER, sets Strict-Transport-Security when
 * configured (not for a request to a .onion host), and answers a refused request itself (405, 403; see `refusal`) — for every path, including
 * the API routes and paths with a dot that proxy.ts's page matcher does not cover. Marks the rest as
 * checked. Returns false when it has answered.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {{ hsts: string | null, origins: import("./public-urls.mjs").PublicOrigins }} config `hsts` from `hstsHeader`
 */
export function guardRequest(req, res, { hsts, origins }) {
  delete req.headers[CHECKED_HEADER];
  /** @param {string} name */
  const get = (name) => {
    const v = req.headers[name];
    return Array.isArray(v) ? v.join(", ") : v;
  };
  if (hsts && !isOnionHost(get("x-forwarded-host") ?? get("host"))) res.setHeader("Strict-Transport-Security", hsts);
  const refused = refusal(req.method, get, origins);
  if (refused) {
    res.writeHead(refused.status, refused.headers);
    res.end(req.method === "HEAD" ? undefined : refused.body);
    return false;
  }
  req.headers[CHECKED_HEADER] = "1";
  return true;
}

/** Pages: nothing from another origin, scripts only with this response's nonce (Next.js puts it on its own). */
export function pageCsp(nonce) {
  return policy(`'self' 'nonce-${nonce}' 'strict-dynamic'`);
}

/** A fresh, unguessable nonce per response (128 bits, base64). */
export function newNonce() {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The request headers a same-origin form post to a page gets before Next.js sees it, and the policy for
 * its response:
 * - with Referrer-Policy: no-referrer, a plain form post (JavaScript off) carries `Origin: null`, which
 *   Next's own server-action check refuses; `sameOrigin` has already proved it came from our page, so the
 *   request gets the origin Next.js compares with the host;
 * - the page's nonce (Next.js reads it from the request's policy and puts it on its scripts);
 * - the locale from the path, which next-intl reads on the server (no locale negotiation for a post).
 * @param {(name: string) => string | null | undefined} get
 * @param {string | null} locale the path's locale prefix, if it has one
 * @param {string} nonce
 * @returns {{ headers: Record<string, string>, csp: string }}
 */
export function formPostHeaders(get, locale, nonce) {
  const csp = pageCsp(nonce);
  /** @type {Record<string, string>} */
  const headers = { "content-security-policy": csp, "x-nonce": nonce };
  const host = get("x-forwarded-host") ?? get("host");
  if (get("origin") === "null" && get("sec-fetch-site") === "same-origin" && host) {
    headers.origin = `${get("x-forwarded-proto")?.split(",")[0]?.trim() || "http"}://${host}`;
  }
  if (locale) headers["x-next-intl-locale"] = locale;
  return { headers, csp };
}

/** The locale prefix of a path to a page ("/en/apply/x" -> "en"), or null. */
export function localeOf(pathname) {
  const prefix = pathname.split("/")[1] ?? "";
  return LOCALES.includes(prefix) ? prefix : null;
}

// What proxy.ts's page matcher covers (the same pattern): everything except API routes, Next internals and
// files with an extension.
export const PROXIED = /^\/(?!api|_next|_vercel|.*\..*)/;

/**
 * The app server's part (ADR 0022), on Node's own request and response objects: removes a client's
 * PREPARED_HEADER from every request, and prepares a form post that the proxy would only have passed on —
 * a same-origin POST to a page under a locale, not a signed-out post into the signed-in area — exactly as
 * the proxy does, then marks it so the proxy is not run for it. Every other request (a refusal, a
 * redirect, a GET) is left to the proxy. Returns whether it prepared the request.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {import("./public-urls.mjs").PublicOrigins} origins
 */
export function prepareFormPost(req, res, origins) {
  delete req.headers[PREPARED_HEADER];
  if (req.method !== "POST") return false;
  const pathname = (req.url ?? "/").split("?")[0] ?? "/";
  const locale = localeOf(pathname);
  if (!locale || !PROXIED.test(pathname)) return false;
  /** @param {string} name */
  const get = (name) => {
    const v = req.headers[name];
    return Array.isArray(v) ? v.join(", ") : v;
  };
  if (!sameOrigin(get, origins)) return false;
  if (SIGNED_IN.test(pathname) && !hasSessionCookie(get("cookie"))) return false;
  const { headers, csp } = formPostHeaders(get, locale, newNonce());
  Object.assign(req.headers, headers);
  req.headers[PREPARED_HEADER] = "1";
  res.setHeader("Content-Security-Policy", csp);
  return true;
}

/** @param {string | null | undefined} cookieHeader */
function hasSessionCookie(cookieHeader) {
  if (!cookieHeader) return false;
  return cookieHeader.split(";").some((c) => SESSION_COOKIE.test(c.split("=")[0]?.trim() ?? ""));
}
