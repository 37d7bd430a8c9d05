// Every UI string exists in all three languages, with the same placeholders.
import { parse, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import be from "@/messages/be.json";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";

type Tree = { [k: string]: string | Tree };

function flatten(t: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(t)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

// Argument names from the real ICU parser (also inside plural/select branches); branch texts are not arguments.
function placeholders(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if ("value" in el && el.type !== 0 && typeof el.value === "string") names.add(el.value);
      if ("options" in el) for (const o of Object.values(el.options)) walk((o as { value: MessageFormatElement[] }).value);
    }
  };
  walk(parse(message));
  return [...names].sort();
}
const catalogues = { be: flatten(be as Tree), ru: flatten(ru as Tree), en: flatten(en as Tree) };

describe("message catalogues", () => {
  const allKeys = new Set([...catalogues.be.keys(), ...catalogues.ru.keys(), ...catalogues.en.keys()]);
  for (const [locale, messages] of Object.entries(catalogues)) {
    it(`${locale} has every key`, () => {
      const missing = [...allKeys].filter((k) => !messages.has(k));
      expect(missing).toEqual([]);
    });
    it(`${locale} has no empty message`, () => {
      expect([...messages].filter(([, v]) => !v.trim()).map(([k]) => k)).toEqual([]);
    });
  }
  it("uses the same placeholders in every language", () => {
    const mismatched = [...allKeys].filter((k) => {
      const p = placeholders(catalogues.en.get(k) ?? "").join();
      return placeholders(catalogues.be.get(k) ?? "").join() !== p || placeholders(catalogues.ru.get(k) ?? "").join() !== p;
    });
    expect(mismatched).toEqual([]);
  });
});
