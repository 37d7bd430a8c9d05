// The one mapping from a zod issue to a translation key under "validation" (client-safe: used by the
// server's action wrapper and by the browser's resolver alike). Our schemas name a key in every message
// they set ("required", "too_long", …); an issue zod raised with its own English text ("Invalid input:
// expected string, received undefined" for a field missing from the post) gets a key from its code, so a
// form never shows zod's wording or a made-up key. A key the catalogue lacks still never reaches the
// screen: next-intl's fallback shows a generic message (lib/i18n/fallback.ts).

/** Our message keys are snake_case identifiers; zod's own messages are sentences. */
const KEY = /^[a-z][a-z0-9_]*$/;

export type IssueLike = { code?: string; message?: string; format?: string };

const isBlank = (v: unknown) =>
  v === undefined || v === null || (typeof v === "string" && v.trim() === "") || (Array.isArray(v) && v.length === 0);

export function validationKey(issue: IssueLike, input?: unknown): string {
  if (issue.message && KEY.test(issue.message)) return issue.message;
  switch (issue.code) {
    case "invalid_type":
    case "too_small":
      return isBlank(input) ? "required" : "invalid";
    case "too_big":
      return "too_long";
    case "invalid_format":
      return issue.format === "email" ? "email" : "invalid";
    default:
      return isBlank(input) ? "required" : "invalid";
  }
}

/** The value at an issue's path in the parsed input (the first segment: our forms are flat). */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const p of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

/**
 * zod 4's per-parse error map (`schema.safeParse(data, { error })`, `zodResolver(schema, { error })`): it
 * applies only where a schema set no message of its own, and sees the issue's input.
 */
export const zodErrorMap = (issue: IssueLike & { input?: unknown }): string => validationKey(issue, issue.input);

/** Field name -> validation keys, from zod's issues (the server's result and a use case's AppError). */
export function fieldErrorsOf(issues: readonly (IssueLike & { path: readonly PropertyKey[] })[], input: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? "form");
    const k = validationKey(issue, valueAt(input, issue.path));
    if (!(out[key] ??= []).includes(k)) out[key].push(k);
  }
  return out;
}
