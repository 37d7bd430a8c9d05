// The ledger's arithmetic, pure (docs/decisions/0012-ledger-and-payouts.md). Money lives in buckets:
// `null` is unrestricted, a purpose is money restricted to that purpose. Every figure shown to people is
// derived from ledger entries with these functions or the equivalent SQL sums.
import type { AidPurpose, LedgerEntryKind } from "@/lib/db/generated/enums";
import { sumMinor } from "@/lib/money/money";

export type Bucket = AidPurpose | null;
export type Entry = { kind: LedgerEntryKind; amountMinor: number; purpose: Bucket };
export type Figures = { received: number; committed: number; paid: number; available: number };

const ZERO: Figures = { received: 0, committed: 0, paid: 0, available: 0 };

/** The signed effect of one entry on received, committed and paid. */
export function effect(kind: LedgerEntryKind, amount: number): Omit<Figures, "available"> {
  switch (kind) {
    case "RECEIPT":
      return { received: amount, committed: 0, paid: 0 };
    case "COMMITMENT":
      return { received: 0, committed: amount, paid: 0 };
    case "COMMITMENT_RELEASE":
      return { received: 0, committed: -amount, paid: 0 };
    case "PAYOUT":
      return { received: 0, committed: 0, paid: amount };
    case "REVERSAL":
      return { received: 0, committed: 0, paid: -amount };
  }
}

function add(f: Figures, kind: LedgerEntryKind, amount: number): Figures {
  const e = effect(kind, amount);
  const received = sumMinor([f.received, e.received]);
  const committed = sumMinor([f.committed, e.committed]);
  const paid = sumMinor([f.paid, e.paid]);
  return { received, committed, paid, available: received - committed - paid };
}

/** Figures per bucket (key "ANY" for unrestricted money). */
export function bucketFigures(entries: Iterable<Entry>): Map<string, Figures> {
  const out = new Map<string, Figures>();
  for (const e of entries) {
    const key = e.purpose ?? "ANY";
    out.set(key, add(out.get(key) ?? ZERO, e.kind, e.amountMinor));
  }
  return out;
}

/** A fund's total figures. */
export function totalFigures(entries: Iterable<Entry>): Figures {
  let f = ZERO;
  for (const e of entries) f = add(f, e.kind, e.amountMinor);
  return f;
}

/** Figures from SQL sums by kind (and bucket): the same arithmetic as `totalFigures`. */
export function figuresFromSums(sums: Iterable<{ kind: LedgerEntryKind; amountMinor: number }>): Figures {
  let f = ZERO;
  for (const s of sums) f = add(f, s.kind, s.amountMinor);
  return f;
}

export type Allocation = { ok: true; parts: { bucket: Bucket; amountMinor: number }[] } | { ok: false; availableMinor: number };

/**
 * Which buckets pay `amount` for a case with `purpose`: first money restricted to that purpose, then
 * unrestricted money. Money restricted to another purpose is never used. When both together are short,
 * says how much is available for this purpose.
 */
export function allocate(available: Map<string, number>, purpose: AidPurpose, amount: number): Allocation {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new RangeError("amount must be a positive integer");
  const restricted = Math.max(0, available.get(purpose) ?? 0);
  const free = Math.max(0, available.get("ANY") ?? 0);
  if (restricted + free < amount) return { ok: false, availableMinor: restricted + free };
  const parts: { bucket: Bucket; amountMinor: number }[] = [];
  const fromRestricted = Math.min(restricted, amount);
  if (fromRestricted > 0) parts.push({ bucket: purpose, amountMinor: fromRestricted });
  if (amount - fromRestricted > 0) parts.push({ bucket: null, amountMinor: amount - fromRestricted });
  return { ok: true, parts };
}

/** Pledged money: pledges that did not lapse count in full, a lapsed one counts what was received. */
export function pledgedTotal(pledges: Iterable<{ amountMinor: number; receivedMinor: number; lapsed: boolean }>): number {
  return sumMinor([...pledges].map((p) => (p.lapsed ? p.receivedMinor : p.amountMinor)));
}

/** A pledge's status from what was received against it. */
export function pledgeStatus(amountMinor: number, receivedMinor: number): "PLEDGED" | "PARTLY_RECEIVED" | "RECEIVED" {
  if (receivedMinor <= 0) return "PLEDGED";
  return receivedMinor >= amountMinor ? "RECEIVED" : "PARTLY_RECEIVED";
}
