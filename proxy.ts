// Convenience only: locale routing (next-intl) and a redirect to sign-in for signed-out visits to
// signed-in pages. The real checks are in the domain layer (lib/authz, each use case and query).
import NextAuth from "next-auth";
import createIntlMiddleware from "next-intl/middleware";
import { NextResponse } from "next/server";
import { authConfig } from "@/lib/auth/config";
import { routing } from "@/lib/i18n/routing";

const intl = createIntlMiddleware(routing);
const { auth } = NextAuth(authConfig);

// Route groups are not in the URL, so the signed-in area is listed explicitly.
const SIGNED_IN = /^\/(be|ru|en)\/(me|review|funds|payouts|provider|admin)(\/|$)/;

export default auth((req) => {
  const { pathname, search } = req.nextUrl;
  // With Referrer-Policy: no-referrer, a plain form POST (JavaScript off) carries `Origin: null`, which
  // Next's server-action CSRF check rejects. Sec-Fetch-Site is set by the browser itself and cannot be
  // forged by a page: "same-origin" proves the form was on our own page, so restore the real origin
  // only then. Any other null-origin POST is still refused by Next.
  if (req.method === "POST" && req.headers.get("origin") === "null" && req.headers.get("sec-fetch-site") === "same-origin") {
    const headers = new Headers(req.headers);
    headers.set("origin", req.nextUrl.origin);
    return NextResponse.next({ request: { headers } });
  }
  if (SIGNED_IN.test(pathname) && !req.auth?.user) {
    const locale = pathname.split("/")[1];
    const url = new URL(`/${locale}/sign-in`, req.nextUrl);
    url.searchParams.set("next", pathname + search);
    return NextResponse.redirect(url);
  }
  return intl(req);
});

export const config = {
  // Everything except API routes, Next internals and files with an extension.
  matcher: "/((?!api|_next|_vercel|.*\\..*).*)",
};
