// Convenience only: locale routing (next-intl) and a redirect to sign-in for signed-out visits to
// signed-in pages. The real checks are in the domain layer (lib/authz, each use case and query).
//
// It deliberately does not run next-auth's `auth()`: that wrapper re-issues the session cookie on every
// request, and on the sign-out request it raced the action's own cookie deletion (the user stayed signed
// in). Presence of a session cookie is all a redirect needs; pages verify the session itself.
//
// The common form post (a same-origin POST to a page under a locale) is prepared the same way, with the
// same code (lib/security/form-post.mjs), by the app server in front of Next.js, which marks it so that
// this proxy does not run for it (docs/decisions/0022-form-posts-prepared-by-the-app-server.md). Under
// `next dev` every request still comes here: the second matcher also brings API routes, Next internals and
// paths with a dot here when the app server has not checked them (CHECKED_HEADER), for the method and CSRF
// checks alone (docs/decisions/0031-every-request-checked.md).
import createIntlMiddleware from "next-intl/middleware";
import { NextRequest, NextResponse } from "next/server";
import { publicOrigins } from "@/lib/env";
import { routing } from "@/lib/i18n/routing";
import { formPostHeaders, localeOf, newNonce, pageCsp, PROXIED, refusal, SESSION_COOKIE, SIGNED_IN } from "@/lib/security/form-post.mjs";

const intl = createIntlMiddleware(routing);

export default function proxy(req: NextRequest) {
  return route(req, newNonce());
}

function route(req: NextRequest, nonce: string): NextResponse {
  const { pathname, search } = req.nextUrl;

  // A method the app does not answer: 405. CSRF: every state-changing request (server actions are POSTs to
  // pages) must come from our own origin. Next.js checks a foreign Origin itself but lets a request with no
  // Origin through; we refuse both, and a `null` Origin unless the browser says the form was on our page
  // (lib/security/form-post.mjs, the same rule as the app server's).
  const refused = refusal(req.method, (name) => req.headers.get(name), publicOrigins());
  if (refused) return new NextResponse(refused.body, { status: refused.status, headers: refused.headers });
  // Brought here only by the second matcher (no app server): nothing else to do for it.
  if (!PROXIED.test(pathname)) return NextResponse.next();

  if (SIGNED_IN.test(pathname) && !req.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name))) {
    const url = new URL(`/${pathname.split("/")[1]}/sign-in`, req.nextUrl);
    url.searchParams.set("next", pathname + search);
    return NextResponse.redirect(url);
  }

  // A form post (server action) to a page under a locale: its origin, the page's nonce and the locale, as
  // the app server does it (lib/security/form-post.mjs); none of the locale negotiation.
  const locale = localeOf(pathname);
  if (req.method === "POST" && locale) {
    const prepared = formPostHeaders((name) => req.headers.get(name), locale, nonce);
    const headers = new Headers(req.headers);
    for (const [k, v] of Object.entries(prepared.headers)) headers.set(k, v);
    const response = NextResponse.next({ request: { headers } });
    response.headers.set("Content-Security-Policy", prepared.csp);
    return response;
  }
  // Pages (GET): a nonce per response. Next.js reads it from the request's policy and puts it on its
  // scripts; the browser gets the same policy (docs/threat-model.md, XSS). next-intl passes the request
  // headers on; only the headers of this request object matter: Next applies them to the real request.
  const csp = pageCsp(nonce);
  const headers = new Headers(req.headers);
  headers.set("content-security-policy", csp);
  headers.set("x-nonce", nonce);
  const response = intl(new NextRequest(req.url, { headers }));
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    // Pages: everything except API routes, Next internals and files with an extension (the same pattern as
    // PROXIED in lib/security/form-post.mjs), and except a form post the app server has prepared: the key
    // is PREPARED_HEADER (a literal here: Next.js reads this config without running it).
    { source: "/((?!api|_next|_vercel|.*\\..*).*)", missing: [{ type: "header", key: "x-padtrymka-prepared" }] },
    // Every request the app server has not checked (CHECKED_HEADER): under `next dev` all of them, for the
    // method and CSRF checks; behind the app server none.
    { source: "/:path*", missing: [{ type: "header", key: "x-padtrymka-checked" }] },
  ],
};
