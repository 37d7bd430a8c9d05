// Quick exit (docs/decisions/0037-quick-exit-leaves-nothing-behind.md). Pure: also imported by the
// client component, which has no server code.

/** Where quick exit goes: a neutral weather site (a link the user follows; nothing is loaded from it). */
export const NEUTRAL_URL = "https://www.gismeteo.by/";

/** Our own step before it: signs out when the account says so and clears this site's data in the browser. */
export const QUICK_EXIT_PATH = "/api/quick-exit";

/** "Sign me out on quick exit": the account's choice, else on for accounts without email. */
export function signsOutOnQuickExit(user: { quickExitSignOut: boolean | null; email: string | null }): boolean {
  return user.quickExitSignOut ?? user.email === null;
}

/**
 * Whether a request to the quick-exit path may act (sign out, clear site data): only a navigation the
 * user started on this site or typed, never one another site started or a browser's prefetch.
 */
export function quickExitMayAct(get: (header: string) => string | null): boolean {
  const site = get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") return false;
  return !/prefetch|prerender/i.test(`${get("sec-purpose") ?? ""} ${get("purpose") ?? ""} ${get("x-moz") ?? ""}`);
}
