// Convenience only: locale routing (next-intl) and a redirect to sign-in for signed-out visits to
// signed-in pages. The real checks are in the domain layer (lib/authz, each use case and query).
//
// It deliberately does not run next-auth's `auth()`: that wrapper re-issues the session cookie on every
// request, and on the sign-out request it raced the action's own cookie deletion (the user stayed signed
// in). Presence of a session cookie is all a redirect needs; pages verify the session itself.
import { hasLocale } from "next-intl";
import createIntlMiddleware from "next-intl/middleware";
import { NextRequest, NextResponse } from "next/server";
import { routing } from "@/lib/i18n/routing";
import { newNonce, pageCsp } from "@/lib/security/csp";
import { isSameOrigin } from "@/lib/security/same-origin";

const intl = createIntlMiddleware(routing);

// Route groups are not in the URL, so the signed-in area is listed explicitly.
const SIGNED_IN = /^\/(be|ru|en)\/(me|review|funds|payouts|pledges|provider|admin)(\/|$)/;
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

export default function proxy(req: NextRequest) {
  return route(req, newNonce());
}

function route(req: NextRequest, nonce: string): NextResponse {
  const { pathname, search } = req.nextUrl;

  // CSRF: every state-changing request to a page (server actions are POSTs to pages) must come from our own
  // origin. Next.js checks a foreign Origin itself but lets a request with no Origin through; we refuse
  // both, and a `null` Origin unless the browser says the form was on our page (lib/security/same-origin.ts).
  if (req.method !== "GET" && req.method !== "HEAD" && !isSameOrigin(req)) {
    return new NextResponse("Forbidden: this request did not come from this site.", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }


  if (SIGNED_IN.test(pathname) && !req.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name))) {
    const url = new URL(`/${pathname.split("/")[1]}/sign-in`, req.nextUrl);
    url.searchParams.set("next", pathname + search);
    return NextResponse.redirect(url);
  }

  // With Referrer-Policy: no-referrer, a plain form POST (JavaScript off) carries `Origin: null`, which
  // Next's server-action CSRF check rejects. Sec-Fetch-Site is set by the browser itself and cannot be
  // set by a page: "same-origin" proves the form was on our own page, so restore the real origin only
  // then (next-intl passes the request headers on). Any other null-origin POST is still refused by Next.
  const headers = new Headers(req.headers);
  if (req.method === "POST" && req.headers.get("origin") === "null" && req.headers.get("sec-fetch-site") === "same-origin") {
    headers.set("origin", req.nextUrl.origin);
  }
  // A nonce per response: Next.js reads it from the request's policy and puts it on its scripts; the
  // browser gets the same policy (docs/threat-model.md, XSS). next-intl passes the request headers on.
  const csp = pageCsp(nonce);
  headers.set("content-security-policy", csp);
  headers.set("x-nonce", nonce);
  // A form post (server action) to a page under a locale needs none of the locale negotiation: only the
  // locale, which next-intl reads from this header on the server. Pages (GET) go through next-intl.
  const prefix = pathname.split("/")[1];
  if (req.method === "POST" && hasLocale(routing.locales, prefix)) {
    headers.set("x-next-intl-locale", prefix);
    const response = NextResponse.next({ request: { headers } });
    response.headers.set("Content-Security-Policy", csp);
    return response;
  }
  // Only the headers of this request object matter: Next applies them to the real request.
  const response = intl(new NextRequest(req.url, { headers }));
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Everything except API routes, Next internals and files with an extension.
  matcher: "/((?!api|_next|_vercel|.*\\..*).*)",
};
