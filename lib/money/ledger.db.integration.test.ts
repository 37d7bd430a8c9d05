// Property-based test of the ledger against PostgreSQL: random sequences of receipts, payout requests,
// approvals (commitments), sends, "not received" reports, resends, reversals and cancellations, all
// through the real use cases. After every step the database's balances equal the ledger sums, no bucket
// is negative or overspent, and paid/committed match the payouts' states.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { AidPurpose } from "@/lib/db/generated/enums";
import { bucketFigures, totalFigures } from "@/lib/money/ledger";
import { applicantPayoutStep } from "@/lib/payouts/confirm-payout";
import { payoutStep } from "@/lib/payouts/payout-step";
import { requestPayout } from "@/lib/payouts/request-payout";
import type { PayoutAction } from "@/lib/payouts/rules";
import { actorFor } from "@/lib/testing/actors";
import { makeFund, makeUser } from "@/lib/testing/factories";
import { key, moneyWorld, receive } from "@/lib/testing/money";

type Op =
  | { t: "receipt"; amount: number; purpose: AidPurpose | "" }
  | { t: "request"; app: number; amount: number }
  | { t: "step"; payout: number; action: PayoutAction };

const PURPOSES: AidPurpose[] = ["ACADEMY_DEBT", "LIVING_COSTS"];
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    t: fc.constant("receipt" as const),
    amount: fc.integer({ min: 1, max: 500 }),
    purpose: fc.constantFrom<AidPurpose | "">("", ...PURPOSES),
  }),
  fc.record({ t: fc.constant("request" as const), app: fc.nat(5), amount: fc.integer({ min: 1, max: 400 }) }),
  fc.record({
    t: fc.constant("step" as const),
    payout: fc.nat(8),
    action: fc.constantFrom<PayoutAction>("approve", "send", "report_not_received", "investigate", "resend", "cancel", "confirm"),
  }),
  fc.record({ t: fc.constant("step" as const), payout: fc.nat(8), action: fc.constantFrom<PayoutAction>("approve", "send") }),
);

describe("ledger against the database (property-based)", () => {
  it("keeps balances equal to the ledger, non-negative and never overspent, whatever happens", async () => {
    const w = await moneyWorld(PURPOSES);
    const applicantUser = await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: w.platformId }] });
    const applicant = await actorFor(applicantUser.id);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 25 }), async (ops) => {
        run++;
        const fund = await makeFund(db(), w.orgId, {
          perApplicantCapMinor: 1_000_000,
          eligiblePurposes: PURPOSES,
          eligibleCategories: ["DISMISSED_WORKER"],
        });
        const world = { ...w, fundId: fund.id };
        const apps = Array.from({ length: 6 }, (_, i) => `prop-${run}-${i}-${key().slice(0, 6)}`);
        await db().application.createMany({
          data: apps.map((id, i) => ({
            id,
            applicantId: applicant.userId,
            fundId: fund.id,
            status: "APPROVED" as const,
            category: "DISMISSED_WORKER" as const,
            purpose: PURPOSES[i % 2]!,
            requestedAmountMinor: 100_000,
            approvedAmountMinor: 100_000,
            submittedAt: new Date(),
          })),
        });
        const payouts: string[] = [];
        for (const op of ops) {
          try {
            if (op.t === "receipt") await receive(world, String(op.amount), op.purpose);
            else if (op.t === "request")
              payouts.push(
                (
                  await requestPayout(w.fm1, {
                    applicationId: apps[op.app]!,
                    amount: String(op.amount),
                    method: "CARD",
                    details: "card 4000",
                    idempotencyKey: key(),
                  })
                ).payoutId,
              );
            else {
              const payoutId = payouts[op.payout % Math.max(1, payouts.length)];
              if (!payoutId) continue;
              const input = { payoutId, action: op.action, method: "" as const, reason: "property test", idempotencyKey: key() };
              if (op.action === "confirm" || op.action === "report_not_received") await applicantPayoutStep(applicant, input);
              else await payoutStep(w.fm2, input);
            }
          } catch (e) {
            // Refusals are fine (wrong stage, fund short, over the approved amount); anything else is not.
            expect(["INVALID_STATE", "CONFLICT", "INVALID_INPUT"]).toContain((e as { code?: string }).code);
          }
          const entries = await db().ledgerEntry.findMany({
            where: { fundId: fund.id },
            select: { kind: true, amountMinor: true, purpose: true },
          });
          const derived = bucketFigures(entries);
          const projected = await db().fundBalance.findMany({ where: { fundId: fund.id } });
          expect(projected.length).toBe(derived.size);
          for (const b of projected) {
            const d = derived.get(b.bucket)!;
            expect([Number(b.receivedMinor), Number(b.committedMinor), Number(b.paidMinor)]).toEqual([d.received, d.committed, d.paid]);
            expect(d.committed).toBeGreaterThanOrEqual(0);
            expect(d.paid).toBeGreaterThanOrEqual(0);
            expect(d.committed + d.paid).toBeLessThanOrEqual(d.received);
          }
          const rows = await db().payout.findMany({ where: { fundId: fund.id }, select: { status: true, amountMinor: true } });
          const sum = (st: string[]) => rows.filter((r) => st.includes(r.status)).reduce((s, r) => s + r.amountMinor, 0);
          const total = totalFigures(entries);
          expect(total.committed).toBe(sum(["APPROVED"]));
          expect(total.paid).toBe(sum(["SENT", "CONFIRMED", "NOT_RECEIVED", "INVESTIGATING"]));
        }
        // At most one live payout per case and tranche.
        const live = await db().payout.groupBy({
          by: ["applicationId", "tranche"],
          where: { fundId: fund.id, status: { not: "CANCELLED" } },
          _count: { _all: true },
        });
        expect(live.every((l) => l._count._all === 1)).toBe(true);
      }),
      { numRuns: 12 },
    );
  }, 180_000);
});
