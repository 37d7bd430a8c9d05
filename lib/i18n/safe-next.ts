import { LOCALES } from "@/lib/i18n/routing";

/** A post-sign-in destination from the query string, accepted only if it is a path inside this app. */
export function safeNextPath(next: unknown, locale: string): string {
  const fallback = `/${locale}/me`;
  if (typeof next !== "string" || next.length > 512) return fallback;
  if (!next.startsWith("/") || next.startsWith("//") || next.includes("\\")) return fallback;
  const first = next.split("/")[1] ?? "";
  return (LOCALES as readonly string[]).includes(first) ? next : fallback;
}
