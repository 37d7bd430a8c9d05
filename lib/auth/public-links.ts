// Links that next-auth makes, on a deployment with several public addresses (AUTH_URL and PUBLIC_URLS,
// docs/decisions/0047-mirrors.md). next-auth itself only knows AUTH_URL, the primary; a person who signs in
// on a mirror or the onion address must stay there: a redirect after sign-in or sign-out is a path (the
// browser keeps the address it is on), and the magic link names the address the person asked from — but
// only when that address is one of ours. The Host header is the client's to choose, so a flooder asking for
// a link to someone's address with `Host: evil.example` gets the primary address in that mail, never theirs.
import { linkOriginFor, type PublicOrigins } from "@/lib/security/public-urls.mjs";

/**
 * next-auth's redirect callback: a path on this site stays a path; an absolute URL on one of our public
 * addresses becomes its path (so it opens on the address the browser is on); anything else goes home.
 */
export function redirectOnThisAddress(url: string, baseUrl: string, origins: PublicOrigins): string {
  if (url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\")) return url;
  try {
    const u = new URL(url);
    if (u.origin === new URL(baseUrl).origin || origins.list.includes(u.origin)) return `${u.pathname}${u.search}${u.hash}`;
  } catch {
    // not a URL: home
  }
  return "/";
}

/**
 * The magic link to mail: next-auth's link (on AUTH_URL) moved to the public address the request was sent
 * to (its Host, or a trusted proxy's X-Forwarded-Host), if that is one of ours; else left on the primary.
 */
export function mailedLink(url: string, requestHeaders: Headers, origins: PublicOrigins): string {
  const origin = linkOriginFor(
    requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host"),
    origins,
    requestHeaders.get("x-forwarded-proto"),
  );
  if (!origin) return url;
  const u = new URL(url);
  return `${origin}${u.pathname}${u.search}${u.hash}`;
}

/**
 * A response of next-auth's route handler whose Location points at one of our public addresses (next-auth
 * writes AUTH_URL there: an expired link's error page, sign-in pages) gets that Location as a path.
 */
export function keepOnThisAddress(res: Response, origins: PublicOrigins): Response {
  const location = res.headers.get("location");
  if (!location || location.startsWith("/")) return res;
  let u: URL;
  try {
    u = new URL(location);
  } catch {
    return res;
  }
  if (!origins.list.includes(u.origin)) return res;
  const headers = new Headers(res.headers);
  headers.set("location", `${u.pathname}${u.search}${u.hash}`);
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}
