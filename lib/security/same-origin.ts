// CSRF defence for route handlers that change state or release data on POST (server actions get the same
// check from Next.js). A request must carry our own Origin; a `null` Origin (a plain form post under
// Referrer-Policy: no-referrer) is accepted only when the browser itself says the form was on our page
// (Sec-Fetch-Site cannot be set by a page). A missing Origin is refused.
export function isSameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (origin === null) return false;
  if (origin === "null") return req.headers.get("sec-fetch-site") === "same-origin";
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  try {
    return !!host && new URL(origin).host === host;
  } catch {
    return false;
  }
}
