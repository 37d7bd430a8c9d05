import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { verifyProof } from "@/lib/money/merkle";
import { payoutStep } from "@/lib/payouts/payout-step";
import { requestPayout } from "@/lib/payouts/request-payout";
import { applicantPayouts } from "@/lib/payouts/queries";
import { approvedCase, key, moneyWorld, receive, type MoneyWorld } from "@/lib/testing/money";
import { checkReceipt, transparencyReport } from "@/lib/transparency/queries";

async function pay(w: MoneyWorld, amount: string) {
  const c = await approvedCase(w, amount);
  const { payoutId } = await requestPayout(w.fm1, {
    applicationId: c.applicationId,
    amount,
    method: "CARD",
    details: "4000 0000 0000 0002",
    idempotencyKey: key(),
  });
  await payoutStep(w.fm2, { payoutId, action: "approve", method: "", reason: "", idempotencyKey: key() });
  await payoutStep(w.fm1, { payoutId, action: "send", method: "", reason: "", idempotencyKey: key() });
  return { ...c, payoutId };
}
const tokenOf = async (applicant: Actor, applicationId: string) => (await applicantPayouts(applicant, applicationId))[0]!.receiptToken!;
const reportOf = async (fundId: string, now?: Date) => (await transparencyReport(now)).find((f) => f.id === fundId)!;

describe("transparency", () => {
  it("publishes nothing before the fund's delay, then figures with fewer than 5 people hidden", async () => {
    const w = await moneyWorld();
    await receive(w, "10000");
    const paid = [];
    for (let i = 0; i < 3; i++) paid.push(await pay(w, "100"));
    let r = await reportOf(w.fundId);
    expect([r.delayDays, r.received, r.pledged]).toEqual([7, 0, 0]);
    await db().fund.update({ where: { id: w.fundId }, data: { publicationDelayDays: 0 } });
    r = await reportOf(w.fundId);
    expect([r.received, r.pledged]).toEqual([1_000_000, 1_000_000]);
    expect(r.paid).toBeNull();
    expect(r.peoplePaid).toEqual({ hidden: true });
    expect(r.funnel[0]).toEqual({ hidden: true });
    for (let i = 0; i < 2; i++) paid.push(await pay(w, "200"));
    r = await reportOf(w.fundId);
    expect(r.paid).toBe(70_000);
    expect(r.available).toBe(930_000);
    expect(r.funnel.map((c) => (c.hidden ? "hidden" : c.count))).toEqual([5, 5, 5, 5, 5]);
    expect(r.funnel[4]).toEqual({ hidden: false, count: 5, amountMinor: 70_000 });
    expect(r.byPurpose).toEqual([{ key: "LIVING_COSTS", cells: r.funnel }]);
    expect(r.weeks).toHaveLength(1);
    expect(r.byCategory[0]!.key).toBe("DISMISSED_WORKER");
    // Nothing personal in the report.
    expect(JSON.stringify(r)).not.toMatch(/4000 0000|PAD-|@test/);
  });

  it("sums money as exact integers: large sums come out exact, and past 2^53 minor units it refuses rather than rounds", async () => {
    const w = await moneyWorld();
    await db().fund.update({ where: { id: w.fundId }, data: { publicationDelayDays: 0 } });
    const day = (d: number) => new Date(Date.now() - d * 86_400_000);
    const ledger = (d: number, amountMinor: bigint) =>
      db().ledgerDaily.create({ data: { fundId: w.fundId, day: day(d), kind: "RECEIPT", amountMinor } });
    await ledger(30, 4_000_000_000_000_001n);
    await ledger(31, 1n);
    expect((await reportOf(w.fundId)).received).toBe(4_000_000_000_000_002);
    // 2^53 + 1 in all: past what a number holds exactly, so the report refuses.
    await ledger(32, 2n ** 53n - 4_000_000_000_000_001n);
    await expect(transparencyReport(new Date(), w.fundId)).rejects.toThrow(RangeError);
    // The whole page refuses with such a fund in it: the other tests read all funds.
    await db().ledgerDaily.deleteMany({ where: { fundId: w.fundId } });
  });

  it("adds the open week's stage figures to the closed weeks' exactly, and refuses past 2^53 minor units", async () => {
    const w = await moneyWorld();
    await db().fund.update({ where: { id: w.fundId }, data: { publicationDelayDays: 0 } });
    const week = new Date(Date.UTC(2026, 0, 5)); // a Monday long closed
    const stage = { fundId: w.fundId, stageRank: 4, category: "DISMISSED_WORKER", purpose: "LIVING_COSTS", count: 5 } as const;
    await db().fundStageWeekly.create({ data: { ...stage, week, amountMinor: 2n ** 53n - 2n } });
    // Today's figure, in the open week (read from the daily rollup and added in JavaScript).
    await db().fundStageDaily.create({ data: { ...stage, day: new Date(), amountMinor: 1n } });
    expect((await reportOf(w.fundId)).funnel[4]).toEqual({ hidden: false, count: 10, amountMinor: 2 ** 53 - 1 });
    // 2^53 + 1 in all: floats add it up to 2^53.
    await db().fundStageDaily.updateMany({ where: { fundId: w.fundId }, data: { amountMinor: 3n } });
    await expect(transparencyReport(new Date(), w.fundId)).rejects.toThrow(RangeError);
    await db().fundStageDaily.deleteMany({ where: { fundId: w.fundId } });
  });

  it("lets a recipient prove their payout is in the published week's Merkle root, and nobody else's token", async () => {
    const w = await moneyWorld();
    await receive(w, "1000");
    const a = await pay(w, "100");
    const b = await pay(w, "150");
    const token = await tokenOf(a.applicant, a.applicationId);
    expect(await checkReceipt(token)).toMatchObject({ result: "not_yet_published" });
    await db().fund.update({ where: { id: w.fundId }, data: { publicationDelayDays: 0 } });
    const check = await checkReceipt(token);
    if (check.result !== "included") throw new Error(`expected included, got ${check.result}`);
    expect(verifyProof(check.leaf, check.proof, check.root)).toBe(true);
    const report = await reportOf(w.fundId);
    expect(report.roots[0]!.root).toBe(check.root);
    expect(report.roots[0]!.leaves).toEqual({ hidden: true });
    expect((await checkReceipt(await tokenOf(b.applicant, b.applicationId))).result).toBe("included");
    // Another applicant cannot read a's payouts; a tampered token is not found.
    expect(await applicantPayouts(b.applicant, a.applicationId)).toEqual([]);
    const tampered = Buffer.from(
      JSON.stringify([...JSON.parse(Buffer.from(token, "base64url").toString()).slice(0, 3), 99_999, "USD", "0".repeat(32)]),
    ).toString("base64url");
    expect((await checkReceipt(tampered)).result).toBe("not_found");
    expect((await checkReceipt("garbage")).result).toBe("invalid");
  });

  it("freezes a finished week's root once, and the database refuses to change it", async () => {
    const w = await moneyWorld();
    await receive(w, "1000");
    await pay(w, "100");
    await db().fund.update({ where: { id: w.fundId }, data: { publicationDelayDays: 0 } });
    const later = new Date(Date.now() + 8 * 86_400_000);
    const r = await reportOf(w.fundId, later);
    expect(r.roots[0]!.final).toBe(true);
    const frozen = await db().payoutWeekRoot.findFirstOrThrow({ where: { fundId: w.fundId } });
    expect(frozen.root).toBe(r.roots[0]!.root);
    await expect(
      db().payoutWeekRoot.update({ where: { fundId_weekStart: { fundId: w.fundId, weekStart: frozen.weekStart } }, data: { root: "x" } }),
    ).rejects.toThrow(/written once/);
  });
});
