// Property-based test of the ledger model: any sequence of receipts, approvals (commitments), sends,
// resends, reversals and cancellations, applied through the same rules the use cases use, keeps every
// bucket non-negative, never overspent, and the totals equal the sum of the buckets.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AidPurpose, PayoutStatus } from "@/lib/db/generated/enums";
import { allocate, bucketFigures, totalFigures, type Bucket, type Entry } from "@/lib/money/ledger";
import { ledgerEntriesFor, nextStatus, type PayoutAction } from "@/lib/payouts/rules";

const purposes: AidPurpose[] = ["ACADEMY_DEBT", "MEDICAL_REHABILITATION", "OTHER"];
type Op =
  | { t: "receipt"; amount: number; purpose: AidPurpose | null }
  | { t: "request"; amount: number; purpose: AidPurpose }
  | { t: "step"; payout: number; action: PayoutAction };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    t: fc.constant("receipt" as const),
    amount: fc.integer({ min: 1, max: 5_000 }),
    purpose: fc.option(fc.constantFrom(...purposes), { nil: null }),
  }),
  fc.record({ t: fc.constant("request" as const), amount: fc.integer({ min: 1, max: 4_000 }), purpose: fc.constantFrom(...purposes) }),
  fc.record({
    t: fc.constant("step" as const),
    payout: fc.nat(20),
    action: fc.constantFrom<PayoutAction>("approve", "send", "report_not_received", "investigate", "resend", "cancel", "confirm"),
  }),
);

describe("ledger (property-based)", () => {
  it("keeps balances non-negative, never overspent, and sums consistent", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 80 }), (ops) => {
        const ledger: Entry[] = [];
        const keys = new Set<string>();
        const payouts: {
          id: string;
          status: PayoutStatus;
          amount: number;
          purpose: AidPurpose;
          parts: { bucket: Bucket; amountMinor: number }[];
          attempt: number;
        }[] = [];
        for (const op of ops) {
          if (op.t === "receipt") ledger.push({ kind: "RECEIPT", amountMinor: op.amount, purpose: op.purpose });
          else if (op.t === "request")
            payouts.push({ id: `p${payouts.length}`, status: "REQUESTED", amount: op.amount, purpose: op.purpose, parts: [], attempt: 1 });
          else {
            const p = payouts[op.payout];
            if (!p) continue;
            const to = nextStatus(op.action, p.status);
            if (!to) continue;
            if (op.action === "approve") {
              const available = new Map([...bucketFigures(ledger)].map(([k, f]) => [k, f.available]));
              const a = allocate(available, p.purpose, p.amount);
              if (!a.ok) {
                expect(a.availableMinor).toBeLessThan(p.amount);
                continue;
              }
              p.parts = a.parts;
            }
            for (const e of ledgerEntriesFor(p.id, op.action, p.status, p.parts, p.attempt)) {
              expect(keys.has(e.idempotencyKey)).toBe(false);
              keys.add(e.idempotencyKey);
              ledger.push(e);
            }
            if (op.action === "resend") p.attempt += 1;
            p.status = to;
          }
          const buckets = bucketFigures(ledger);
          for (const [bucket, f] of buckets) {
            expect(f.received).toBeGreaterThanOrEqual(0);
            expect(f.committed).toBeGreaterThanOrEqual(0);
            expect(f.paid).toBeGreaterThanOrEqual(0);
            expect(f.committed + f.paid).toBeLessThanOrEqual(f.received);
            // Restricted money only ever pays its own purpose.
            if (bucket !== "ANY")
              for (const p of payouts) for (const part of p.parts) if (part.bucket === bucket) expect(p.purpose).toBe(bucket);
          }
          const total = totalFigures(ledger);
          const sum = [...buckets.values()].reduce(
            (s, f) => ({
              received: s.received + f.received,
              committed: s.committed + f.committed,
              paid: s.paid + f.paid,
              available: s.available + f.available,
            }),
            { received: 0, committed: 0, paid: 0, available: 0 },
          );
          expect(total).toEqual(sum);
          // Paid equals the amounts of payouts that are out (sent, confirmed, reported, investigating).
          const out = payouts
            .filter((p) => ["SENT", "CONFIRMED", "NOT_RECEIVED", "INVESTIGATING"].includes(p.status))
            .reduce((s, p) => s + p.amount, 0);
          expect(total.paid).toBe(out);
          const committed = payouts.filter((p) => p.status === "APPROVED").reduce((s, p) => s + p.amount, 0);
          expect(total.committed).toBe(committed);
        }
      }),
      { numRuns: 300 },
    );
  });
});
