// `npm run bench:payouts`: 50 clients release payouts of one fund at the same moment, 1,000 trials
// (BENCH_TRIALS to change). Each trial: a fund that has received money for only 30 of 40 approved
// payouts; 50 concurrent clients approve-and-send, 10 of them racing a second client on the same payout
// with their own idempotency key (a double click from two managers). Runs the real use cases on a
// throwaway PostgreSQL (embedded, or the server in DATABASE_URL) with a 50-connection pool, and reads the
// invariants back from the database after every trial. Prints `metric value unit`; never fails.
import crypto from "node:crypto";
import { percentile } from "./lib/app";
import { withInProcessDatabase } from "./lib/in-process";

const TRIALS = Number(process.env.BENCH_TRIALS ?? 1000);
const CLIENTS = 50;
const DISTINCT = 40;
const AFFORDABLE = 30;
const AMOUNT = 10_000;

async function main() {
  await withInProcessDatabase(CLIENTS, async () => {
    const { db } = await import("@/lib/db/client");
    const { payoutStep } = await import("@/lib/payouts/payout-step");
    const { actorFor } = await import("@/lib/testing/actors");
    const { makeFund, makeOrganisation, makeUser, platformOrganisation } = await import("@/lib/testing/factories");

    const platform = await platformOrganisation(db());
    const org = await makeOrganisation(db());
    const fm1 = await makeUser(db(), { roles: [{ role: "FUND_MANAGER", organisationId: org.id }] });
    const fm2 = await actorFor((await makeUser(db(), { roles: [{ role: "FUND_MANAGER", organisationId: org.id }] })).id);
    const fm3 = await actorFor((await makeUser(db(), { roles: [{ role: "FUND_MANAGER", organisationId: org.id }] })).id);
    const applicant = await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: platform.id }] });

    let overspent = 0;
    let duplicateCommitments = 0;
    let duplicatePayoutEntries = 0;
    let unexpectedErrors = 0;
    let refusedFundShort = 0;
    let released = 0;
    let wrongCount = 0;
    const trialMs: number[] = [];
    let totalMs = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      // Setup (not timed): a fund, its receipt, 40 approved cases and 40 requested payouts, by SQL.
      const fund = await makeFund(db(), org.id, { perApplicantCapMinor: 1_000_000, eligiblePurposes: ["LIVING_COSTS"] });
      await db().ledgerEntry.create({ data: { fundId: fund.id, kind: "RECEIPT", amountMinor: AMOUNT * AFFORDABLE } });
      const ids = Array.from({ length: DISTINCT }, (_, i) => `b${trial}-${i}-${crypto.randomBytes(3).toString("hex")}`);
      await db().application.createMany({
        data: ids.map((id) => ({
          id,
          applicantId: applicant.id,
          fundId: fund.id,
          status: "APPROVED" as const,
          category: "DISMISSED_WORKER" as const,
          purpose: "LIVING_COSTS" as const,
          requestedAmountMinor: AMOUNT,
          approvedAmountMinor: AMOUNT,
          submittedAt: new Date(),
        })),
      });
      await db().payout.createMany({
        data: ids.map((id) => ({
          id: `p-${id}`,
          applicationId: id,
          fundId: fund.id,
          amountMinor: AMOUNT,
          method: "BANK_TRANSFER" as const,
          requestedById: fm1.id,
          idempotencyKey: `req-${id}`,
          reference: `PO-${id}`,
        })),
      });

      // 50 clients at once: client i releases payout i % 40 (clients 40..49 race clients 0..9).
      const t = performance.now();
      const results = await Promise.allSettled(
        Array.from({ length: CLIENTS }, async (_, i) => {
          const payoutId = `p-${ids[i % DISTINCT]}`;
          const actor = i < DISTINCT ? fm2 : fm3;
          await payoutStep(actor, { payoutId, action: "approve", method: "", reason: "", idempotencyKey: crypto.randomUUID() });
          await payoutStep(actor, { payoutId, action: "send", method: "", reason: "", idempotencyKey: crypto.randomUUID() });
          return payoutId;
        }),
      );
      const ms = performance.now() - t;
      trialMs.push(ms);
      totalMs += ms;
      for (const res of results) {
        if (res.status === "fulfilled") continue;
        const e = res.reason as { code?: string; messageKey?: string };
        if (e.messageKey === "payouts.fundShort" || e.messageKey === "payouts.fundShortNow") refusedFundShort++;
        else if (e.code === "INVALID_STATE")
          continue; // lost the race for the same payout: expected
        else {
          unexpectedErrors++;
          if (process.env.BENCH_DEBUG && unexpectedErrors <= 2) console.error(res.reason);
        }
      }

      // Invariants, read back from the database.
      const balance = await db().fundBalance.findMany({ where: { fundId: fund.id } });
      overspent += balance.filter((b) => b.committedMinor + b.paidMinor > b.receivedMinor || b.committedMinor < 0n).length;
      const perPayout = await db().ledgerEntry.groupBy({
        by: ["payoutId", "kind"],
        where: { fundId: fund.id, payoutId: { not: null } },
        _count: { _all: true },
      });
      duplicateCommitments += perPayout.filter((p) => p.kind === "COMMITMENT" && p._count._all > 1).length;
      duplicatePayoutEntries += perPayout.filter((p) => p.kind === "PAYOUT" && p._count._all > 1).length;
      const sent = await db().payout.count({ where: { fundId: fund.id, status: "SENT" } });
      released += sent;
      if (sent !== AFFORDABLE) wrongCount++;
    }
    trialMs.sort((a, b) => a - b);
    console.log(`trials ${TRIALS} count`);
    console.log(
      `clients_per_trial ${CLIENTS} count (${DISTINCT} payouts, ${CLIENTS - DISTINCT} duplicate clients, money for ${AFFORDABLE})`,
    );
    console.log(`payouts_released ${released} count`);
    console.log(
      `payouts_per_second ${((released / totalMs) * 1000).toFixed(0)} /s (approve + send, both steps, under contention on one fund)`,
    );
    console.log(`trial_p50 ${percentile(trialMs, 50).toFixed(0)} ms p95 ${percentile(trialMs, 95).toFixed(0)} ms`);
    console.log(`overspent_balances ${overspent} count`);
    console.log(`duplicate_commitments ${duplicateCommitments} count`);
    console.log(`duplicate_payout_entries ${duplicatePayoutEntries} count`);
    console.log(`trials_with_wrong_number_released ${wrongCount} count (expected ${AFFORDABLE} per trial)`);
    console.log(`refused_fund_short ${refusedFundShort} count`);
    console.log(`unexpected_errors ${unexpectedErrors} count`);
  });
}

void main();
