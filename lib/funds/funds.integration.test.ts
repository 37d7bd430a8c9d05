import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { saveFund } from "@/lib/funds/manage-funds";
import { lapsePledge, recordPledge, recordReceipt } from "@/lib/funds/pledges";
import { decideConfirmation, pendingConfirmations } from "@/lib/funds/confirmations";
import { bucketFigures } from "@/lib/money/ledger";
import { FundSchema, PledgeSchema } from "@/lib/funds/schemas";
import { actorFor } from "@/lib/testing/actors";
import { makeOrganisation, makeUser } from "@/lib/testing/factories";
import { key, moneyWorld, type MoneyWorld } from "@/lib/testing/money";

let w: MoneyWorld;
beforeAll(async () => {
  w = await moneyWorld();
  // These tests record many receipts by one manager: the second-manager rule is tested on its own fund below.
  await db().fund.update({ where: { id: w.fundId }, data: { receiptConfirmationAboveMinor: 100_000_000 } });
});

const fundForm = (over: Record<string, unknown> = {}) =>
  FundSchema.parse({
    organisationId: w.orgId,
    name: "Academy debt relief",
    purpose: "Repays academy training debts of resigning officers.",
    currency: "USD",
    eligibleCategories: ["RESIGNING_OFFICER"],
    eligiblePurposes: ["ACADEMY_DEBT"],
    cap: "15000",
    requiredApprovals: "2",
    publicationDelayDays: "7",
    open: "on",
    checklist: "Resignation order seen\nDebt demand seen\n",
    legalNameRequirement: "REQUIRED",
    phoneRequirement: "OPTIONAL",
    cityRequirement: "HIDDEN",
    birthDateRequirement: "HIDDEN",
    ...over,
  });
const pledgeForm = (over: Record<string, unknown> = {}) =>
  PledgeSchema.parse({ fundId: w.fundId, donorName: "Company A", amount: "1000", currency: "USD", idempotencyKey: key(), ...over });

describe("funds", () => {
  it("a fund manager creates and edits a fund of their organisation, audited", async () => {
    const { fundId } = await saveFund(w.fm1, fundForm());
    let fund = await db().fund.findUniqueOrThrow({ where: { id: fundId } });
    expect([fund.perApplicantCapMinor, fund.status, fund.verificationChecklist, fund.publicationDelayDays]).toEqual([
      1_500_000,
      "OPEN",
      ["Resignation order seen", "Debt demand seen"],
      7,
    ]);
    await saveFund(w.fm2, fundForm({ fundId, open: undefined, requiredApprovals: "3", cap: "12000.50" }));
    fund = await db().fund.findUniqueOrThrow({ where: { id: fundId } });
    expect([fund.status, fund.requiredApprovals, fund.perApplicantCapMinor]).toEqual(["CLOSED", 3, 1_200_050]);
    expect((await db().auditEvent.findMany({ where: { entityId: fundId }, orderBy: { seq: "asc" } })).map((e) => e.action)).toEqual([
      "fund.created",
      "fund.updated",
    ]);
  });

  it("refuses other organisations' funds and a currency change once money or cases exist", async () => {
    const other = await makeOrganisation(db());
    await expect(saveFund(w.fm1, fundForm({ organisationId: other.id }))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(saveFund(w.r1, fundForm())).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { fundId } = await saveFund(w.fm1, fundForm());
    await recordPledge(w.fm1, pledgeForm({ fundId }));
    await expect(saveFund(w.fm1, fundForm({ fundId, currency: "EUR" }))).rejects.toMatchObject({
      fieldErrors: { currency: ["currency_fixed"] },
    });
  });
});

describe("what one fund manager may not do alone", () => {
  // Its own fund: receipts booked alone count together over 30 days, so they must not mix with other tests'.
  let w: MoneyWorld;
  beforeAll(async () => {
    w = await moneyWorld();
  });
  const pledgeForm = (over: Record<string, unknown> = {}) =>
    PledgeSchema.parse({ fundId: w.fundId, donorName: "Company A", amount: "1000", currency: "USD", idempotencyKey: key(), ...over });
  const received = async (fundId: string) =>
    bucketFigures(await db().ledgerEntry.findMany({ where: { fundId }, select: { kind: true, amountMinor: true, purpose: true } })).get(
      "ANY",
    )?.received ?? 0;

  it("a receipt above the threshold counts only once another fund manager confirms it; never the one who recorded it", async () => {
    const { pledgeId } = await recordPledge(w.fm1, pledgeForm({ amount: "50000" }));
    const before = await received(w.fundId);
    expect((await recordReceipt(w.fm1, { pledgeId, amount: "20000", currency: "USD", idempotencyKey: key() })).status).toBe(
      "WAITING_FOR_CONFIRMATION",
    );
    expect(await received(w.fundId)).toBe(before); // not on the transparency page yet
    // What waits counts against the pledge: a second receipt cannot take the total above it.
    await expect(recordReceipt(w.fm2, { pledgeId, amount: "30000.01", currency: "USD", idempotencyKey: key() })).rejects.toMatchObject({
      messageKey: "money.overOutstanding",
      messageValues: { amount: { minor: 3_000_000 } },
    });
    const [request] = await pendingConfirmations(w.fm2, w.fundId).then((rs) => rs.filter((r) => r.pledgeId === pledgeId));
    expect(request).toMatchObject({ kind: "RECEIPT", amountMinor: 2_000_000, mine: false });
    await expect(decideConfirmation(w.fm1, { requestId: request!.id, decision: "confirm" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      messageKey: "money.confirmationOwn",
    });
    await expect(decideConfirmation(w.r1, { requestId: request!.id, decision: "confirm" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const outsider = await actorFor(
      (await makeUser(db(), { roles: [{ role: "FUND_MANAGER", organisationId: (await makeOrganisation(db())).id }] })).id,
    );
    await expect(decideConfirmation(outsider, { requestId: request!.id, decision: "confirm" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // The database refuses it too, whatever the code does.
    await expect(
      db().confirmationRequest.update({
        where: { id: request!.id },
        data: { status: "CONFIRMED", decidedById: w.fm1.userId, decidedAt: new Date() },
      }),
    ).rejects.toThrow(/ConfirmationRequest_decider_not_requester/);
    expect(await decideConfirmation(w.fm2, { requestId: request!.id, decision: "confirm" })).toEqual({
      fundId: w.fundId,
      status: "CONFIRMED",
    });
    expect(await received(w.fundId)).toBe(before + 2_000_000);
    expect((await db().pledge.findUniqueOrThrow({ where: { id: pledgeId } })).status).toBe("PARTLY_RECEIVED");
    await expect(decideConfirmation(w.fm3, { requestId: request!.id, decision: "confirm" })).rejects.toMatchObject({
      messageKey: "money.confirmationDecided",
    });
    // Below the threshold one manager is enough; a refused receipt changes nothing.
    expect((await recordReceipt(w.fm1, { pledgeId, amount: "1000", currency: "USD", idempotencyKey: key() })).status).toBe(
      "PARTLY_RECEIVED",
    );
    await recordReceipt(w.fm1, { pledgeId, amount: "5000", currency: "USD", idempotencyKey: key() });
    const [second] = (await pendingConfirmations(w.fm2, w.fundId)).filter((r) => r.pledgeId === pledgeId);
    await decideConfirmation(w.fm2, { requestId: second!.id, decision: "refuse" });
    expect(await received(w.fundId)).toBe(before + 2_100_000);
    const actions = (
      await db().auditEvent.findMany({
        where: { OR: [{ entityId: pledgeId }, { entityId: w.fundId, action: { startsWith: "confirmation." } }] },
        orderBy: { seq: "asc" },
      })
    ).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(["confirmation.requested", "confirmation.confirmed", "pledge.received", "confirmation.refused"]),
    );
  });

  it("cannot be got around by splitting a large sum into small receipts or small pledges", async () => {
    const fresh = await moneyWorld();
    const small = async () => {
      const { pledgeId } = await recordPledge(
        fresh.fm1,
        PledgeSchema.parse({ fundId: fresh.fundId, donorName: "Anonymous donor", amount: "600", currency: "USD", idempotencyKey: key() }),
      );
      return (await recordReceipt(fresh.fm1, { pledgeId, amount: "600", currency: "USD", idempotencyKey: key() })).status;
    };
    expect(await small()).toBe("RECEIVED"); // 600 of the 1,000 one person may book alone in 30 days
    expect(await small()).toBe("WAITING_FOR_CONFIRMATION"); // 1,200 > 1,000
    expect(await small()).toBe("WAITING_FOR_CONFIRMATION");
    const ledger = await db().ledgerEntry.aggregate({ where: { fundId: fresh.fundId, kind: "RECEIPT" }, _sum: { amountMinor: true } });
    expect(ledger._sum.amountMinor).toBe(60_000);
  });

  it("fewer required approvals, reveals without a second reviewer or a higher threshold wait for another fund manager; stricter ones apply at once", async () => {
    const { fundId, waiting } = await saveFund(w.fm1, fundForm({ organisationId: w.orgId, requiredApprovals: "1" }));
    expect(waiting).toEqual(["requiredApprovals"]);
    expect((await db().fund.findUniqueOrThrow({ where: { id: fundId } })).requiredApprovals).toBe(2); // created with four eyes
    const [asked] = await pendingConfirmations(w.fm1, fundId);
    expect(asked).toMatchObject({ kind: "FUND_SETTINGS", settings: { requiredApprovals: 1 }, mine: true });
    await expect(decideConfirmation(w.fm1, { requestId: asked!.id, decision: "confirm" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await decideConfirmation(w.fm2, { requestId: asked!.id, decision: "confirm" });
    expect((await db().fund.findUniqueOrThrow({ where: { id: fundId } })).requiredApprovals).toBe(1);

    // Stricter: at once. Weaker again (reveal alone, threshold up, approvals down): held, the rest applies.
    expect(
      (
        await saveFund(
          w.fm1,
          fundForm({
            organisationId: w.orgId,
            fundId,
            requiredApprovals: "3",
            revealNeedsSecondReviewer: "on",
            receiptThreshold: "0",
            name: "Renamed fund",
          }),
        )
      ).waiting,
    ).toEqual([]);
    let fund = await db().fund.findUniqueOrThrow({ where: { id: fundId } });
    expect([fund.requiredApprovals, fund.revealNeedsSecondReviewer, fund.receiptConfirmationAboveMinor, fund.name]).toEqual([
      3,
      true,
      0,
      "Renamed fund",
    ]);
    expect(
      (
        await saveFund(
          w.fm1,
          fundForm({ organisationId: w.orgId, fundId, requiredApprovals: "2", receiptThreshold: "1000000", cap: "9000" }),
        )
      ).waiting.sort(),
    ).toEqual(["receiptConfirmationAboveMinor", "requiredApprovals", "revealNeedsSecondReviewer"]);
    fund = await db().fund.findUniqueOrThrow({ where: { id: fundId } });
    expect([fund.requiredApprovals, fund.revealNeedsSecondReviewer, fund.receiptConfirmationAboveMinor, fund.perApplicantCapMinor]).toEqual(
      [3, true, 0, 900_000],
    );
    const [held] = (await pendingConfirmations(w.fm2, fundId)).filter((r) => r.kind === "FUND_SETTINGS");
    // A later save makes the request stale: it can no longer be confirmed (nor can a request older than a week).
    await saveFund(
      w.fm1,
      fundForm({
        organisationId: w.orgId,
        fundId,
        requiredApprovals: "3",
        revealNeedsSecondReviewer: "on",
        receiptThreshold: "0",
        cap: "9500",
      }),
    );
    await expect(decideConfirmation(w.fm2, { requestId: held!.id, decision: "confirm" })).rejects.toMatchObject({
      messageKey: "money.confirmationStale",
    });
    await decideConfirmation(w.fm2, { requestId: held!.id, decision: "refuse" });
    fund = await db().fund.findUniqueOrThrow({ where: { id: fundId } });
    expect([fund.requiredApprovals, fund.revealNeedsSecondReviewer, fund.receiptConfirmationAboveMinor]).toEqual([3, true, 0]);
  });
});

describe("pledges and receipts", () => {
  it("moves a pledge pledged -> partly received -> received, with receipts in the ledger", async () => {
    const { pledgeId } = await recordPledge(w.fm1, pledgeForm({ purposeRestriction: "ACADEMY_DEBT" }));
    expect((await recordReceipt(w.fm1, { pledgeId, amount: "400", currency: "USD", idempotencyKey: key() })).status).toBe(
      "PARTLY_RECEIVED",
    );
    await expect(recordReceipt(w.fm1, { pledgeId, amount: "600.01", currency: "USD", idempotencyKey: key() })).rejects.toMatchObject({
      messageKey: "money.overOutstanding",
      messageValues: { amount: { minor: 60_000, currency: "USD" } },
    });
    await expect(recordReceipt(w.fm1, { pledgeId, amount: "600", currency: "EUR", idempotencyKey: key() })).rejects.toMatchObject({
      fieldErrors: { currency: ["wrong_currency"] },
    });
    expect((await recordReceipt(w.fm2, { pledgeId, amount: "600", currency: "USD", idempotencyKey: key() })).status).toBe("RECEIVED");
    const entries = await db().ledgerEntry.findMany({ where: { pledgeId } });
    expect(entries.map((e) => [e.kind, e.amountMinor, e.purpose])).toEqual([
      ["RECEIPT", 40_000, "ACADEMY_DEBT"],
      ["RECEIPT", 60_000, "ACADEMY_DEBT"],
    ]);
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
    await expect(recordReceipt(w.fm1, { pledgeId, amount: "10", currency: "USD", idempotencyKey: key() })).rejects.toMatchObject({
      messageKey: "money.pledgeIsLapsed",
    });
  });

  it("a donor pledges to an open fund in their own name (or anonymously) but cannot record receipts", async () => {
    const donorsOrg = await makeOrganisation(db(), { kind: "DONOR" });
    const donor = await actorFor((await makeUser(db(), { roles: [{ role: "DONOR", organisationId: donorsOrg.id }] })).id);
    const { pledgeId } = await recordPledge(donor, pledgeForm({ donorName: "", anonymous: "on" }));
    const p = await db().pledge.findUniqueOrThrow({ where: { id: pledgeId } });
    expect([p.donorUserId, p.isAnonymous]).toEqual([donor.userId, true]);
    await expect(recordPledge(donor, pledgeForm({ donorName: "" }))).rejects.toMatchObject({ fieldErrors: { donorName: ["required"] } });
    await expect(recordReceipt(donor, { pledgeId, amount: "1", currency: "USD", idempotencyKey: key() })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await db().fund.update({ where: { id: w.fundId }, data: { status: "CLOSED" } });
    await expect(recordPledge(donor, pledgeForm({ donorName: "Me" }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await db().fund.update({ where: { id: w.fundId }, data: { status: "OPEN" } });
  });

  it("refuses a wrong currency and a negative amount with field errors", async () => {
    await expect(recordPledge(w.fm1, pledgeForm({ currency: "EUR" }))).rejects.toMatchObject({
      messageKey: "money.wrongCurrency",
      messageValues: { currency: "USD" },
    });
    await expect(recordPledge(w.fm1, pledgeForm({ amount: "-5" }))).rejects.toMatchObject({ fieldErrors: { amount: ["amount_format"] } });
  });
});
