// What a screen shows when a message is missing or cannot be formatted: a generic translated sentence,
// never the raw key (next-intl's default prints `namespace.key`). Used by the server's request config
// (lib/i18n/request.ts) and the browser's provider (components/layout/intl-client-provider.tsx); both
// also report the key so a missing translation is found and fixed. Client-safe: no server imports.

type Tree = { [k: string]: unknown };

const pick = (messages: Tree | undefined, path: string): string | undefined => {
  let v: unknown = messages;
  for (const p of path.split(".")) v = v && typeof v === "object" ? (v as Tree)[p] : undefined;
  return typeof v === "string" ? v : undefined;
};

/** Last resort when even the generic sentence is absent: punctuation, which is no key and no placeholder. */
export const LAST_RESORT = "…";

export function messageFallback(messages: Tree | undefined, { namespace, key }: { namespace?: string; key: string }): string {
  const full = namespace ? `${namespace}.${key}` : key;
  const generic = full.startsWith("validation.") ? pick(messages, "validation.invalid") : pick(messages, "fallback.text");
  return generic ?? LAST_RESORT;
}

/** A log line's fields for an i18n error: the code and next-intl's description (names the key, never values). */
export function describeIntlError(error: { code?: string; originalMessage?: string; message?: string }) {
  return { event: "i18n.error", code: error.code ?? "UNKNOWN", detail: (error.originalMessage ?? error.message ?? "").slice(0, 300) };
}
