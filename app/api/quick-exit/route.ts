// Quick exit: the Quick exit link (and Shift pressed three times) comes here, with JavaScript or without,
// and leaves for a neutral site. On the way it signs this device out when the account's setting says so
// and tells the browser to drop what it keeps of this site: `Clear-Site-Data: "cache"` evicts the pages
// the back/forward cache holds (Chromium restores `no-store` pages from it), and signing out changes the
// HttpOnly session cookie, which makes Chromium refuse to restore any `no-store` page loaded before it.
// Only for a navigation the user started here or typed: another site's link or a prefetch only leaves.
import { NextResponse } from "next/server";
import { cookies } from "next/headers";
import { currentSession } from "@/lib/authz/current-actor";
import { SESSION_COOKIE } from "@/lib/security/form-post.mjs";
import { quickExit } from "@/lib/users/quick-exit";
import { NEUTRAL_URL, quickExitMayAct } from "@/lib/users/quick-exit-rules";

export async function GET(req: Request) {
  const res = new NextResponse(null, { status: 303, headers: { Location: NEUTRAL_URL, "Cache-Control": "no-store" } });
  if (!quickExitMayAct((name) => req.headers.get(name))) return res;
  const session = await currentSession().catch(() => null);
  const signedOut = await quickExit(session?.actor ?? null, session?.deviceSessionId);
  if (signedOut) {
    for (const { name } of (await cookies()).getAll()) {
      if (SESSION_COOKIE.test(name))
        res.cookies.set(name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
    }
  }
  res.headers.set("Clear-Site-Data", signedOut ? '"cache", "cookies", "storage"' : '"cache"');
  return res;
}
