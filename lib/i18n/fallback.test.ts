// A missing message shows a generic translated sentence, never its key (next-intl's default fallback
// is `namespace.key`), in the same translator next-intl builds for pages and client components.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import be from "@/messages/be.json";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";
import { LAST_RESORT, messageFallback } from "@/lib/i18n/fallback";

describe("message fallback", () => {
  for (const [locale, messages] of Object.entries({ be, ru, en })) {
    it(`shows a generic sentence in ${locale}, not the key`, () => {
      const errors: string[] = [];
      const t = createTranslator({
        locale,
        messages: messages as never,
        onError: (e) => errors.push(e.code),
        getMessageFallback: ({ namespace, key }) => messageFallback(messages, { namespace, key }),
      });
      const missingField = (t as unknown as (k: string) => string)("validation.Invalid input: expected string, received undefined");
      expect(missingField).toBe(messages.validation.invalid);
      const missingLabel = (t as unknown as (k: string) => string)("review.noSuchLabel");
      expect(missingLabel).toBe(messages.fallback.text);
      expect(errors).toEqual(["MISSING_MESSAGE", "MISSING_MESSAGE"]);
      for (const s of [missingField, missingLabel]) {
        expect(s).not.toMatch(/[a-z]+\.[A-Za-z_]+/);
        expect(s).not.toMatch(/\{[a-zA-Z]+\}/);
      }
    });
  }
  it("has a last resort that is neither a key nor a placeholder", () => {
    expect(messageFallback(undefined, { namespace: "admin", key: "x" })).toBe(LAST_RESORT);
  });
});
