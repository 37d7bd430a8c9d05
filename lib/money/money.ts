// Money is an integer count of the currency's minor units (cents, kopecks): never a float
// (docs/decisions/0004-money.md). Amounts cross the wire as `amountMinor` integers.
import { LRUCache } from "lru-cache";

/** Largest amount a single entry may hold: 1e9 minor units (10 million in a 2-decimal currency). */
export const MAX_ENTRY_MINOR = 1_000_000_000;

// 1,000 currency codes (ISO 4217 has fewer than 200); no ttl: a currency's digits do not change.
const digitsByCurrency = new LRUCache<string, number>({ max: 1_000 });
export function minorDigits(currency: string): number {
  let d = digitsByCurrency.get(currency);
  if (d === undefined) {
    d = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, d);
  }
  return d;
}

export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError("amountMinor must be a safe integer");
  const digits = minorDigits(currency);
  const major = amountMinor / 10 ** digits;
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: digits % 1 === 0 && amountMinor % 10 ** digits === 0 ? 0 : digits,
    maximumFractionDigits: digits,
  }).format(major);
}

/**
 * Parses what a person types ("1 500", "1500,50", "1,500.5") into minor units, exactly (no float
 * arithmetic). Returns null for anything that is not a plain non-negative amount with at most the
 * currency's number of decimals.
 */
export function parseMoneyInput(input: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const s = input.replace(/[\s\u00a0\u202f']/g, "");
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:[.,](\d+))?$/.exec(s);
  if (!m) return null;
  const whole = m[1]!.replace(/,/g, "");
  const frac = m[2] ?? "";
  if (frac.length > digits) return null;
  const minor = BigInt(whole) * 10n ** BigInt(digits) + BigInt(frac.padEnd(digits, "0") || "0");
  return minor <= BigInt(MAX_ENTRY_MINOR) ? Number(minor) : null;
}

/** Sums minor-unit amounts, refusing to lose precision. */
export function sumMinor(amounts: Iterable<number>): number {
  let total = 0;
  for (const a of amounts) {
    if (!Number.isSafeInteger(a)) throw new RangeError("not an integer amount");
    total += a;
    if (!Number.isSafeInteger(total)) throw new RangeError("sum exceeds safe integer range");
  }
  return total;
}

/**
 * A sum of minor units as SQL returns it (`sum(...)::bigint` comes back as a bigint), as a number: exact,
 * or a RangeError past Number.MAX_SAFE_INTEGER (a float would silently round it).
 */
export function minorFromSql(v: bigint | number | string | null | undefined): number {
  const n = typeof v === "bigint" ? v : BigInt(v ?? 0);
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER)) throw new RangeError("sum exceeds safe integer range");
  return Number(n);
}

/** An amount as a person would type it back into a form ("1500", "1500.50"), exactly. */
export function minorToInput(amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(amountMinor);
  const s = String(amountMinor).padStart(digits + 1, "0");
  const whole = s.slice(0, -digits);
  const frac = s.slice(-digits);
  return /^0+$/.test(frac) ? whole : `${whole}.${frac}`;
}
