// Pure helpers of the log lists: day boundaries in the app's time zone, LIKE patterns, page links.
import type { LogFilter } from "@/lib/audit/schemas";

/** The app shows every time in this zone (lib/i18n/request.ts); "from 2026-12-01" means its midnight there. */
export const APP_TIME_ZONE = "Europe/Minsk";

/** The instant a calendar day starts in `timeZone` (`YYYY-MM-DD`; `plusDays` for the day after a range). */
export function dayStart(ymd: string, timeZone = APP_TIME_ZONE, plusDays = 0): Date {
  const utcMidnight = Date.parse(`${ymd}T00:00:00Z`) + plusDays * 86_400_000;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(new Date(utcMidnight))
      .map((p) => [p.type, p.value]),
  );
  const asLocal = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return new Date(utcMidnight - (asLocal - utcMidnight));
}

/** A LIKE pattern matching `text` anywhere, with LIKE's own wildcards taken literally. */
export const containsPattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The query string of a filtered list, optionally from a later cursor (empty fields left out). */
export function filterQuery(filter: LogFilter, after?: string): string {
  const q = new URLSearchParams();
  for (const k of ["who", "case", "from", "to"] as const) if (filter[k]) q.set(k, filter[k]!);
  if (after) q.set("after", after);
  return q.toString();
}
