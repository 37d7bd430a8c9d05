import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { saveFund } from "@/lib/funds/manage-funds";
import { lapsePledge, recordPledge, recordReceipt } from "@/lib/funds/pledges";
import { FundSchema, PledgeSchema } from "@/lib/funds/schemas";
import { actorFor } from "@/lib/testing/actors";
import { makeOrganisation, makeUser } from "@/lib/testing/factories";
import { key, moneyWorld, type MoneyWorld } from "@/lib/testing/money";

let w: MoneyWorld;
beforeAll(async () => {
  w = await moneyWorld();
});

const fundForm = (over: Record<string, unknown> = {}) =>
  FundSchema.parse({
    organisationId: w.orgId, name: "Academy debt relief", purpose: "Repays academy training debts of resigning officers.", currency: "USD",
    eligibleCategories: ["RESIGNING_OFFICER"], eligiblePurposes: ["ACADEMY_DEBT"], cap: "15000", requiredApprovals: "2", publicationDelayDays: "7", open: "on",
    checklist: "Resignation order seen\nDebt demand seen\n", legalNameRequirement: "REQUIRED", phoneRequirement: "OPTIONAL", cityRequirement: "HIDDEN", birthDateRequirement: "HIDDEN", ...over,
  });
const pledgeForm = (over: Record<string, unknown> = {}) =>
  PledgeSchema.parse({ fundId: w.fundId, donorName: "Company A", amount: "1000", currency: "USD", idempotencyKey: key(), ...over });

describe("funds", () => {
  it("a fund manager creates and edits a fund of their organisation, audited", async () => {
    const { fundId } = await saveFund(w.fm1, fundForm());
    let fund = await db().fund.findUniqueOrThrow({ where: { id: fundId } });
    expect([fund.perApplicantCapMinor, fund.status, fund.verificationChecklist, fund.publicationDelayDays]).toEqual([1_500_000, "OPEN", ["Resignation order seen", "Debt demand seen"], 7]);
    await saveFund(w.fm2, fundForm({ fundId, open: undefined, requiredApprovals: "3", cap: "12000.50" }));
    fund = await db().fund.findUniqueOrThrow({ where: { id: fundId } });
    expect([fund.status, fund.requiredApprovals, fund.perApplicantCapMinor]).toEqual(["CLOSED", 3, 1_200_050]);
    expect((await db().auditEvent.findMany({ where: { entityId: fundId }, orderBy: { seq: "asc" } })).map((e) => e.action)).toEqual(["fund.created", "fund.updated"]);
  });

  it("refuses other organisations' funds and a currency change once money or cases exist", async () => {
    const other = await makeOrganisation(db());
    await expect(saveFund(w.fm1, fundForm({ organisationId: other.id }))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(saveFund(w.r1, fundForm())).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { fundId } = await saveFund(w.fm1, fundForm());
    await recordPledge(w.fm1, pledgeForm({ fundId }));
    await expect(saveFund(w.fm1, fundForm({ fundId, currency: "EUR" }))).rejects.toMatchObject({ fieldErrors: { currency: ["currency_fixed"] } });
  });
});

describe("pledges and receipts", () => {
  it("moves a pledge pledged -> partly received -> received, with receipts in the ledger", async () => {
    const { pledgeId } = await recordPledge(w.fm1, pledgeForm({ purposeRestriction: "ACADEMY_DEBT" }));
    expect((await recordReceipt(w.fm1, { pledgeId, amount: "400", currency: "USD", idempotencyKey: key() })).status).toBe("PARTLY_RECEIVED");
    await expect(recordReceipt(w.fm1, { pledgeId, amount: "600.01", currency: "USD", idempotencyKey: key() })).rejects.toMatchObject({ messageKey: "money.overOutstanding", messageValues: { amount: { minor: 60_000, currency: "USD" } } });
    await expect(recordReceipt(w.fm1, { pledgeId, amount: "600", currency: "EUR", idempotencyKey: key() })).rejects.toMatchObject({ fieldErrors: { currency: ["wrong_currency"] } });
    expect((await recordReceipt(w.fm2, { pledgeId, amount: "600", currency: "USD", idempotencyKey: key() })).status).toBe("RECEIVED");
    const entries = await db().ledgerEntry.findMany({ where: { pledgeId } });
    expect(entries.map((e) => [e.kind, e.amountMinor, e.purpose])).toEqual([["RECEIPT", 40_000, "ACADEMY_DEBT"], ["RECEIPT", 60_000, "ACADEMY_DEBT"]]);
    await expect(lapsePledge(w.fm1, { pledgeId, idempotencyKey: key() })).rejects.toMatchObject({ messageKey: "money.cannotLapse" });
  });

  it("a retried receipt is recorded once", async () => {
    const { pledgeId } = await recordPledge(w.fm1, pledgeForm());
    const k = key();
    await recordReceipt(w.fm1, { pledgeId, amount: "100", currency: "USD", idempotencyKey: k });
    await recordReceipt(w.fm1, { pledgeId, amount: "100", currency: "USD", idempotencyKey: k });
    expect(await db().ledgerEntry.count({ where: { pledgeId } })).toBe(1);
  });

  it("lapses a partly received pledge; no more receipts after that", async () => {
    const { pledgeId } = await recordPledge(w.fm1, pledgeForm());
    await recordReceipt(w.fm1, { pledgeId, amount: "10", currency: "USD", idempotencyKey: key() });
    await lapsePledge(w.fm1, { pledgeId, idempotencyKey: key() });
    await expect(recordReceipt(w.fm1, { pledgeId, amount: "10", currency: "USD", idempotencyKey: key() })).rejects.toMatchObject({ messageKey: "money.pledgeIsLapsed" });
  });

  it("a donor pledges to an open fund in their own name (or anonymously) but cannot record receipts", async () => {
    const donorsOrg = await makeOrganisation(db(), { kind: "DONOR" });
    const donor = await actorFor((await makeUser(db(), { roles: [{ role: "DONOR", organisationId: donorsOrg.id }] })).id);
    const { pledgeId } = await recordPledge(donor, pledgeForm({ donorName: "", anonymous: "on" }));
    const p = await db().pledge.findUniqueOrThrow({ where: { id: pledgeId } });
    expect([p.donorUserId, p.isAnonymous]).toEqual([donor.userId, true]);
    await expect(recordPledge(donor, pledgeForm({ donorName: "" }))).rejects.toMatchObject({ fieldErrors: { donorName: ["required"] } });
    await expect(recordReceipt(donor, { pledgeId, amount: "1", currency: "USD", idempotencyKey: key() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await db().fund.update({ where: { id: w.fundId }, data: { status: "CLOSED" } });
    await expect(recordPledge(donor, pledgeForm({ donorName: "Me" }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await db().fund.update({ where: { id: w.fundId }, data: { status: "OPEN" } });
  });

  it("refuses a wrong currency and a negative amount with field errors", async () => {
    await expect(recordPledge(w.fm1, pledgeForm({ currency: "EUR" }))).rejects.toMatchObject({ messageKey: "money.wrongCurrency", messageValues: { currency: "USD" } });
    await expect(recordPledge(w.fm1, pledgeForm({ amount: "-5" }))).rejects.toMatchObject({ fieldErrors: { amount: ["amount_format"] } });
  });
});
