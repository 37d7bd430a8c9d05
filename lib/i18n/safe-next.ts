import { LOCALES } from "@/lib/i18n/routing";

const BASE = "http://padtrymka.invalid";

/**
 * A post-sign-in destination from the query string, accepted only if it is a path inside this app, and
 * returned in the form a redirect can carry: a CR, LF or any other control character (which would end
 * the Location header: a 500, or a header of the sender's choosing) is refused; anything else outside
 * ASCII is percent-encoded.
 */
export function safeNextPath(next: unknown, locale: string): string {
  const fallback = `/${locale}/me`;
  if (typeof next !== "string" || next.length > 512) return fallback;
  if (!next.startsWith("/") || next.startsWith("//") || next.includes("\\") || /[\u0000-\u001f\u007f]/.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const first = url.pathname.split("/")[1] ?? "";
  return (LOCALES as readonly string[]).includes(first) ? url.pathname + url.search + url.hash : fallback;
}
