import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { bucketFigures } from "@/lib/money/ledger";
import { applicantPayoutStep } from "@/lib/payouts/confirm-payout";
import { payoutStep } from "@/lib/payouts/payout-step";
import { requestPayout } from "@/lib/payouts/request-payout";
import { PayoutStepSchema } from "@/lib/payouts/schemas";
import { approvedCase, key, moneyWorld, receive, type MoneyWorld } from "@/lib/testing/money";

let w: MoneyWorld;
beforeAll(async () => {
  w = await moneyWorld();
});

const request = (actor: Actor, applicationId: string, amount: string, k = key()) =>
  requestPayout(actor, {
    applicationId,
    amount,
    method: "BANK_TRANSFER",
    details: "BY00 ALFA 3014 0000 0000 0000 0000",
    idempotencyKey: k,
  });
const step = (actor: Actor, payoutId: string, action: string, more: Record<string, unknown> = {}) =>
  payoutStep(actor, PayoutStepSchema.parse({ payoutId, action, idempotencyKey: key(), ...more }));
const applicantStep = (actor: Actor, payoutId: string, action: string) =>
  applicantPayoutStep(actor, PayoutStepSchema.parse({ payoutId, action, idempotencyKey: key() }));

async function balances(fundId: string) {
  const entries = await db().ledgerEntry.findMany({ where: { fundId }, select: { kind: true, amountMinor: true, purpose: true } });
  const derived = bucketFigures(entries);
  const projected = await db().fundBalance.findMany({ where: { fundId } });
  // The database's projection always equals the ledger sums.
  for (const b of projected) {
    const d = derived.get(b.bucket)!;
    expect([Number(b.receivedMinor), Number(b.committedMinor), Number(b.paidMinor)]).toEqual([d.received, d.committed, d.paid]);
  }
  return derived;
}

describe("payouts", () => {
  it("goes requested -> approved by another manager -> sent -> confirmed, with a balanced ledger and a paid case", async () => {
    await receive(w, "5000");
    const { applicationId, applicant } = await approvedCase(w, "1000");
    const { payoutId, reference } = await request(w.fm1, applicationId, "1000");
    expect(reference).toMatch(/^PO-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const row = await db().payout.findUniqueOrThrow({ where: { id: payoutId } });
    expect(row.detailsEnc).not.toContain("ALFA");
    expect(await step(w.fm2, payoutId, "approve")).toEqual({ payoutId, status: "APPROVED" });
    expect((await balances(w.fundId)).get("ANY")).toMatchObject({ committed: 100_000, paid: 0 });
    expect(await step(w.fm1, payoutId, "send")).toEqual({ payoutId, status: "SENT" });
    expect((await balances(w.fundId)).get("ANY")).toMatchObject({ committed: 0, paid: 100_000 });
    expect((await db().application.findUniqueOrThrow({ where: { id: applicationId } })).status).toBe("PAID");
    expect(await db().payoutReceipt.count({ where: { payoutId } })).toBe(1);
    expect(await applicantStep(applicant, payoutId, "confirm")).toEqual({ payoutId, status: "CONFIRMED" });
    const audit = (await db().auditEvent.findMany({ where: { entityId: payoutId }, orderBy: { seq: "asc" } })).map((e) => e.action);
    expect(audit).toEqual(["payout.requested", "payout.approve", "payout.send", "payout.confirm"]);
  });

  it("separates duties: never the requester, never a reviewer who voted, never the applicant", async () => {
    await receive(w, "1000");
    const { applicationId, applicant } = await approvedCase(w, "100");
    const { payoutId } = await request(w.fm1, applicationId, "100");
    await expect(step(w.fm1, payoutId, "approve")).rejects.toMatchObject({ code: "FORBIDDEN", messageKey: "payouts.refused.same_person" });
    // A reviewer who voted and is also a fund manager of the organisation.
    await db().membership.create({ data: { userId: w.r1.userId, organisationId: w.orgId, role: "FUND_MANAGER" } });
    const { actorFor } = await import("@/lib/testing/actors");
    const reviewerManager = await actorFor(w.r1.userId);
    await expect(step(reviewerManager, payoutId, "approve")).rejects.toMatchObject({
      code: "FORBIDDEN",
      messageKey: "payouts.refused.voted_on_case",
    });
    await expect(step(applicant, payoutId, "approve")).rejects.toMatchObject({ code: "FORBIDDEN" });
    // The database refuses it too, whatever the code does.
    await expect(db().payout.update({ where: { id: payoutId }, data: { approvedById: w.fm1.userId } })).rejects.toThrow(
      /Payout_approver_not_requester/,
    );
    expect((await step(w.fm2, payoutId, "approve")).status).toBe("APPROVED");
  });

  it("refuses a payout for a case that is not approved, and amounts above what is left of the approval", async () => {
    const { applicationId } = await approvedCase(w, "300");
    await expect(request(w.fm1, applicationId, "300.01")).rejects.toMatchObject({
      messageKey: "payouts.overRemaining",
      messageValues: { amount: { minor: 30_000, currency: "USD" } },
    });
    await request(w.fm1, applicationId, "200");
    await expect(request(w.fm1, applicationId, "150")).rejects.toMatchObject({
      messageKey: "payouts.overRemaining",
      messageValues: { amount: { minor: 10_000 } },
    });
    const second = await request(w.fm1, applicationId, "100");
    expect((await db().payout.findUniqueOrThrow({ where: { id: second.payoutId } })).tranche).toBe(2);
  });

  it("keeps at most one live payout per case and tranche, in the database", async () => {
    const { applicationId } = await approvedCase(w, "100");
    const { payoutId } = await request(w.fm1, applicationId, "100");
    const p = await db().payout.findUniqueOrThrow({ where: { id: payoutId } });
    await expect(
      db().payout.create({
        data: {
          applicationId,
          fundId: w.fundId,
          tranche: 1,
          amountMinor: 1,
          requestedById: w.fm1.userId,
          idempotencyKey: key(),
          reference: `PO-TEST-${key().slice(0, 4)}`,
        },
      }),
    ).rejects.toThrow();
    await step(w.fm2, p.id, "cancel", { reason: "Wrong account" });
    const again = await request(w.fm1, applicationId, "100");
    expect((await db().payout.findUniqueOrThrow({ where: { id: again.payoutId } })).tranche).toBe(1);
  });

  it("returns the first result for a retried request instead of paying twice", async () => {
    await receive(w, "500");
    const { applicationId } = await approvedCase(w, "100");
    const k = key();
    const first = await request(w.fm1, applicationId, "100", k);
    const retry = await request(w.fm1, applicationId, "100", k);
    expect(retry).toEqual(first);
    expect(await db().payout.count({ where: { applicationId } })).toBe(1);
    const approveKey = key();
    const a = await payoutStep(w.fm2, PayoutStepSchema.parse({ payoutId: first.payoutId, action: "approve", idempotencyKey: approveKey }));
    const b = await payoutStep(w.fm2, PayoutStepSchema.parse({ payoutId: first.payoutId, action: "approve", idempotencyKey: approveKey }));
    expect(b).toEqual(a);
    expect(await db().ledgerEntry.count({ where: { payoutId: first.payoutId, kind: "COMMITMENT" } })).toBe(1);
  });

  it("pays restricted money only for its purpose, and says how much is available", async () => {
    const world = await moneyWorld();
    await receive(world, "1000", "ACADEMY_DEBT");
    await receive(world, "200");
    const living = await approvedCase(world, "500", "LIVING_COSTS");
    const p1 = await request(world.fm1, living.applicationId, "500");
    await expect(step(world.fm2, p1.payoutId, "approve")).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "payouts.fundShort",
      messageValues: { amount: { minor: 20_000 } },
    });
    const debt = await approvedCase(world, "1100", "ACADEMY_DEBT");
    const p2 = await request(world.fm1, debt.applicationId, "1100");
    await step(world.fm2, p2.payoutId, "approve");
    const b = await balances(world.fundId);
    expect(b.get("ACADEMY_DEBT")).toMatchObject({ committed: 100_000, available: 0 });
    expect(b.get("ANY")).toMatchObject({ committed: 10_000, available: 10_000 });
  });

  it("reads a fund's balance as an exact integer: past 2^53 minor units it refuses rather than rounds", async () => {
    const own = await moneyWorld();
    await receive(own, "1000");
    const { applicationId } = await approvedCase(own, "1000");
    const { payoutId } = await request(own.fm1, applicationId, "1000");
    // 2^53 + 1 minor units: a float reads it as 2^53 and would approve on a figure that is not the fund's.
    await db().fundBalance.update({
      where: { fundId_bucket: { fundId: own.fundId, bucket: "ANY" } },
      data: { receivedMinor: 2n ** 53n + 1n },
    });
    await expect(step(own.fm2, payoutId, "approve")).rejects.toThrow(RangeError);
    expect((await db().payout.findUniqueOrThrow({ where: { id: payoutId } })).status).toBe("REQUESTED");
  });

  it("never overspends when many approvals race, and the database refuses an overspend even without the code's check", async () => {
    const world = await moneyWorld();
    await receive(world, "1000");
    const cases = await Promise.all(Array.from({ length: 8 }, () => approvedCase(world, "300")));
    const requested = [];
    for (const c of cases) requested.push(await request(world.fm1, c.applicationId, "300"));
    const results = await Promise.allSettled(requested.map((r) => step(world.fm2, r.payoutId, "approve")));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT" });
    expect((await balances(world.fundId)).get("ANY")).toMatchObject({ committed: 90_000, available: 10_000 });
    await expect(db().ledgerEntry.create({ data: { fundId: world.fundId, kind: "COMMITMENT", amountMinor: 10_001 } })).rejects.toThrow(
      /FundBalance_not_overspent/,
    );
    await expect(db().ledgerEntry.updateMany({ where: { fundId: world.fundId }, data: { amountMinor: 1 } })).rejects.toThrow(/append-only/);
  });

  it("handles 'not received': investigate, then resend (new attempt) or cancel (money back)", async () => {
    const world = await moneyWorld();
    await receive(world, "1000");
    const c = await approvedCase(world, "400");
    const { payoutId } = await request(world.fm1, c.applicationId, "400");
    await step(world.fm2, payoutId, "approve");
    await step(world.fm1, payoutId, "send");
    await expect(
      applicantPayoutStep(world.fm1, PayoutStepSchema.parse({ payoutId, action: "confirm", idempotencyKey: key() })),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await applicantStep(c.applicant, payoutId, "report_not_received")).status).toBe("NOT_RECEIVED");
    await expect(step(world.fm1, payoutId, "investigate")).rejects.toMatchObject({ fieldErrors: { reason: ["required"] } });
    await step(world.fm1, payoutId, "investigate", { reason: "Bank says the card is frozen" });
    await step(world.fm1, payoutId, "resend", { method: "THIRD_PARTY" });
    const p = await db().payout.findUniqueOrThrow({ where: { id: payoutId } });
    expect([p.status, p.attempt, p.method]).toEqual(["SENT", 2, "THIRD_PARTY"]);
    expect(await db().payoutReceipt.count({ where: { payoutId } })).toBe(2);
    expect((await balances(world.fundId)).get("ANY")).toMatchObject({ paid: 40_000, available: 60_000 });
    await applicantStep(c.applicant, payoutId, "report_not_received");
    await step(world.fm1, payoutId, "investigate", { reason: "Still missing" });
    await step(world.fm1, payoutId, "cancel", { reason: "Returned by the bank" });
    expect((await balances(world.fundId)).get("ANY")).toMatchObject({ paid: 0, committed: 0, available: 100_000 });
  });

  it("refuses a step from a stale tab: the payout moved on, or came round to the same state again", async () => {
    const world = await moneyWorld();
    await receive(world, "1000");
    const c = await approvedCase(world, "300");
    const { payoutId } = await request(world.fm1, c.applicationId, "300");
    // fm1's page still shows REQUESTED (cancel offered); fm2 approved meanwhile. Cancelling an approved payout
    // is allowed in itself, so only the stale check stops it.
    await step(world.fm2, payoutId, "approve", { expectedStatus: "REQUESTED", expectedAttempt: "1" });
    await expect(
      step(world.fm1, payoutId, "cancel", { reason: "Duplicate request", expectedStatus: "REQUESTED", expectedAttempt: "1" }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", messageKey: "payouts.notAtThisStage", messageValues: { status: "APPROVED" } });
    await step(world.fm1, payoutId, "send", { expectedStatus: "APPROVED", expectedAttempt: "1" });
    await applicantStep(c.applicant, payoutId, "report_not_received");
    await step(world.fm1, payoutId, "investigate", { reason: "Card frozen", expectedStatus: "NOT_RECEIVED", expectedAttempt: "1" });
    // fm2 opens the page: investigating, attempt 1, "Send again". fm1 sends again, it fails again and is
    // investigated again: investigating, attempt 2. fm2's old tab must not send a third time.
    await step(world.fm1, payoutId, "resend", { method: "THIRD_PARTY", expectedStatus: "INVESTIGATING", expectedAttempt: "1" });
    await applicantStep(c.applicant, payoutId, "report_not_received");
    await step(world.fm1, payoutId, "investigate", { reason: "Still missing", expectedStatus: "NOT_RECEIVED", expectedAttempt: "2" });
    await expect(
      step(world.fm2, payoutId, "resend", { method: "CARD", expectedStatus: "INVESTIGATING", expectedAttempt: "1" }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", messageValues: { status: "INVESTIGATING" } });
    const p = await db().payout.findUniqueOrThrow({ where: { id: payoutId } });
    expect([p.status, p.attempt, p.method]).toEqual(["INVESTIGATING", 2, "THIRD_PARTY"]);
    // The applicant's page showed "sent": once they reported it, a stale "I received the money" is refused.
    await step(world.fm1, payoutId, "resend", { method: "THIRD_PARTY", expectedStatus: "INVESTIGATING", expectedAttempt: "2" });
    await applicantStep(c.applicant, payoutId, "report_not_received");
    await expect(
      applicantPayoutStep(
        c.applicant,
        PayoutStepSchema.parse({ payoutId, action: "confirm", idempotencyKey: key(), expectedStatus: "SENT" }),
      ),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("hides payouts of other organisations and other applicants", async () => {
    const other = await moneyWorld();
    await receive(w, "100");
    const c = await approvedCase(w, "50");
    const { payoutId } = await request(w.fm1, c.applicationId, "50");
    await expect(step(other.fm2, payoutId, "approve")).rejects.toMatchObject({ code: "NOT_FOUND" });
    const stranger = (await approvedCase(other, "10")).applicant;
    await expect(applicantStep(stranger, payoutId, "confirm")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(request(other.fm1, c.applicationId, "10")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
