// Rubric scoring, fund-manager rulings on rejections, bulk screening with undo, reveal confirmation by a
// second reviewer, messages with templates, fraud signals and personal exports — against PostgreSQL.
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { saveApplication } from "@/lib/applications/save-application";
import { startApplication } from "@/lib/applications/start-application";
import type { Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { requestPayout } from "@/lib/payouts/request-payout";
import { RequestPayoutSchema } from "@/lib/payouts/schemas";
import { accessLog } from "@/lib/reviews/access-log";
import { decideRevealRequest, requestReveal } from "@/lib/reviews/reveal-requests";
import { revealIdentity } from "@/lib/reviews/reveal-identity";
import { sendApplicantMessage } from "@/lib/reviews/add-note";
import { bulkScreen, undoBulk, UNDO_WINDOW_MS } from "@/lib/reviews/bulk";
import { caseSignals } from "@/lib/reviews/case-signals";
import { openCaseText } from "@/lib/crypto/case-text";
import { exportFundCases, FundExportSchema } from "@/lib/reviews/export-cases";
import { listQueue, QueueFilterSchema } from "@/lib/reviews/queue";
import { reviewCase } from "@/lib/reviews/review-case";
import { blockedCases, ruleOnRejection } from "@/lib/reviews/rule-on-rejection";
import { ReviewActionSchema } from "@/lib/reviews/schemas";
import { scoreCase } from "@/lib/reviews/score-case";
import { actorFor } from "@/lib/testing/actors";
import { makeFund, makeOrganisation, makeUser, platformOrganisation } from "@/lib/testing/factories";

let platformId: string;
let orgId: string;
let fundId: string;
let r1: Actor, r2: Actor, r3: Actor, fm: Actor;

const as = async (role: "REVIEWER" | "FUND_MANAGER", org = orgId) =>
  actorFor((await makeUser(db(), { roles: [{ role, organisationId: org }] })).id);
const applicantActor = async () => actorFor((await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: platformId }] })).id);
const act = (actor: Actor, applicationId: string, action: string, more: Record<string, unknown> = {}) =>
  reviewCase(actor, ReviewActionSchema.parse({ applicationId, action, ...more }));

async function submitted(o: { applicant?: Actor; amount?: string; phone?: string; fund?: string } = {}) {
  const a = o.applicant ?? (await applicantActor());
  const { applicationId } = await startApplication(a, { fundId: o.fund ?? fundId });
  await saveApplication(a, applicationId, {
    intent: "submit",
    submissionKey: crypto.randomUUID(),
    category: "DISMISSED_WORKER",
    purpose: "LIVING_COSTS",
    region: "GOMEL",
    amount: o.amount ?? "1000",
    statement: "Dismissed for striking at the plant; no income since.",
    ...(o.phone ? { phone: o.phone, legalName: "Canary Person" } : {}),
  });
  return { a, applicationId };
}
async function verified() {
  const c = await submitted();
  await act(r1, c.applicationId, "shortlist");
  await act(r1, c.applicationId, "verify", { items: [] });
  return c;
}
const row = (id: string) => db().application.findUniqueOrThrow({ where: { id } });

beforeAll(async () => {
  platformId = (await platformOrganisation(db())).id;
  orgId = (await makeOrganisation(db())).id;
  fundId = (
    await makeFund(db(), orgId, {
      perApplicantCapMinor: 500_000,
      eligibleCategories: ["DISMISSED_WORKER"],
      eligiblePurposes: ["LIVING_COSTS"],
      requiredApprovals: 2,
      phoneRequirement: "OPTIONAL",
      legalNameRequirement: "OPTIONAL",
    })
  ).id;
  await db().fund.update({
    where: { id: fundId },
    data: {
      rubric: [
        { label: "Need", weight: 3 },
        { label: "Evidence", weight: 1 },
      ],
    },
  });
  [r1, r2, r3, fm] = [await as("REVIEWER"), await as("REVIEWER"), await as("REVIEWER"), await as("FUND_MANAGER")];
});

describe("rubric scoring", () => {
  it("scores per reviewer, keeps the case's mean, and sorts the queue best-first with unscored last", async () => {
    const low = await submitted();
    const high = await submitted();
    const none = await submitted();
    for (const c of [low, high, none]) await act(r1, c.applicationId, "shortlist");
    await expect(scoreCase(r1, low.applicationId, [1, 1])).resolves.toEqual({ myScore: 20, caseScore: 20 });
    await scoreCase(r1, high.applicationId, [5, 5]);
    await expect(scoreCase(r2, high.applicationId, [5, 0])).resolves.toEqual({ myScore: 75, caseScore: 88 });
    expect((await row(high.applicationId)).score).toBe(88);
    expect((await row(high.applicationId)).status).toBe("SHORTLISTED"); // scoring never moves the stage
    const page = await listQueue(r3, QueueFilterSchema.parse({ fund: fundId, stage: "SHORTLISTED", sort: "score" }));
    const order = page.rows.map((r) => r.id).filter((id) => [low, high, none].some((c) => c.applicationId === id));
    expect(order).toEqual([high.applicationId, low.applicationId, none.applicationId]);
  });

  it("refuses a missing criterion, a score out of range and the wrong stage, saying which rule", async () => {
    const c = await submitted();
    await expect(scoreCase(r1, c.applicationId, [3, 3])).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "review.notAtThisStage",
    });
    await act(r1, c.applicationId, "shortlist");
    await expect(scoreCase(r1, c.applicationId, [3])).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { scores: ["score_range"] },
    });
    await expect(scoreCase(r1, c.applicationId, [3, 6])).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const outsider = await as("REVIEWER", (await makeOrganisation(db())).id);
    await expect(scoreCase(outsider, c.applicationId, [3, 3])).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("keyset pages by score never repeat or skip a case", async () => {
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const p = await listQueue(r3, QueueFilterSchema.parse({ fund: fundId, sort: "score", after }));
      seen.push(...p.rows.map((r) => r.id));
      after = p.next ?? undefined;
    } while (after);
    const all = await db().application.count({ where: { fundId, status: { in: ["SUBMITTED", "SHORTLISTED", "VERIFIED", "NEEDS_INFO"] } } });
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(all);
  });
});

describe("a fund manager rules on a rejection", () => {
  it("overrule: the rejection stays on record and the case is approved by the approvals already in", async () => {
    const { applicationId } = await verified();
    await act(r1, applicationId, "vote_approve", { amount: "1000" });
    await act(r2, applicationId, "vote_reject", { reason: "Evidence looks thin" });
    await act(r3, applicationId, "vote_approve", { amount: "900" });
    expect((await row(applicationId)).status).toBe("VERIFIED");
    expect((await blockedCases(fm, fundId)).map((b) => b.id)).toContain(applicationId);
    await expect(ruleOnRejection(fm, applicationId, "overrule", "Order seen in person by the coordinator")).resolves.toEqual({
      status: "APPROVED",
      fundId,
    });
    const after = await db().application.findUniqueOrThrow({ where: { id: applicationId }, include: { reviews: true } });
    expect(after.approvedAmountMinor).toBe(90_000);
    const overruled = after.reviews.find((r) => r.vote === "REJECT")!;
    expect(overruled.overruledById).toBe(fm.userId);
    expect(overruled.overruleReason).not.toContain("coordinator"); // sealed under the case's key
    expect(openCaseText(applicationId, overruled.overruleReason)).toBe("Order seen in person by the coordinator");
    expect(await db().auditEvent.count({ where: { entityId: applicationId, action: "review.rejection_overruled" } })).toBe(1);
  });

  it("whoever overruled a rejection does not vote on the case too, and a rejection cast again after a withdrawal blocks again", async () => {
    const { applicationId } = await verified();
    const fmReviewer = await actorFor(
      (
        await makeUser(db(), {
          roles: [
            { role: "REVIEWER", organisationId: orgId },
            { role: "FUND_MANAGER", organisationId: orgId },
          ],
        })
      ).id,
    );
    await act(r2, applicationId, "vote_reject", { reason: "Evidence looks thin" });
    await ruleOnRejection(fmReviewer, applicationId, "overrule", "Order seen in person by the coordinator");
    await expect(act(fmReviewer, applicationId, "vote_approve", { amount: "1000" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      messageKey: "review.votedAfterRuling",
    });
    await act(r2, applicationId, "withdraw_vote");
    await act(r2, applicationId, "vote_reject", { reason: "Now the order is missing" });
    expect((await blockedCases(fm, fundId)).map((b) => b.id)).toContain(applicationId); // not "already overruled"
    await act(r1, applicationId, "vote_approve", { amount: "1000" });
    await act(r3, applicationId, "vote_approve", { amount: "1000" });
    expect((await row(applicationId)).status).toBe("VERIFIED");
  });

  it("uphold rejects the case; nobody rules on a case they voted on; an unblocked case has nothing to rule", async () => {
    const { applicationId } = await verified();
    const fmReviewer = await actorFor(
      (
        await makeUser(db(), {
          roles: [
            { role: "REVIEWER", organisationId: orgId },
            { role: "FUND_MANAGER", organisationId: orgId },
          ],
        })
      ).id,
    );
    await act(fmReviewer, applicationId, "vote_reject", { reason: "Not eligible" });
    await expect(ruleOnRejection(fmReviewer, applicationId, "overrule", "I changed my mind")).rejects.toMatchObject({
      code: "FORBIDDEN",
      messageKey: "review.rulingOwnVote",
    });
    await expect(ruleOnRejection(fm, applicationId, "uphold", "Not eligible for this fund")).resolves.toEqual({
      status: "REJECTED",
      fundId,
    });
    const other = await verified();
    await expect(ruleOnRejection(fm, other.applicationId, "overrule", "Nothing to overrule")).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "review.notBlocked",
    });
    await expect(ruleOnRejection(r2, other.applicationId, "overrule", "Reviewers cannot rule")).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("the database refuses an overrule by the rejecting reviewer even when the code is bypassed", async () => {
    const { applicationId } = await verified();
    await act(r2, applicationId, "vote_reject", { reason: "No" });
    await expect(
      db().review.updateMany({
        where: { applicationId, reviewerId: r2.userId },
        data: { overruledById: r2.userId, overruledAt: new Date() },
      }),
    ).rejects.toThrow(/Review_overruler_not_reviewer/);
  });
});

// The funnel counter's stripes summed, as the queue shows it (docs/decisions/0020-striped-hot-rows.md).
const shortlistedCount = async () =>
  (await db().fundStageCount.aggregate({ where: { fundId, stageRank: 1 }, _sum: { count: true } }))._sum.count ?? 0;

describe("bulk screening", () => {
  it("moves every submitted case with its own history and audit event, reports the rest, and undo restores within the window", async () => {
    const cases = [await submitted(), await submitted(), await submitted()];
    const moved = cases[2]!.applicationId;
    await act(r2, moved, "shortlist"); // already moved by a colleague: refused with its stage
    const before = await shortlistedCount();
    const result = await bulkScreen(
      r1,
      "shortlist",
      [...cases.map((c) => c.applicationId), "no-such-case"],
      "Clear eligibility, complete evidence",
    );
    expect(result.moved).toBe(2);
    expect(result.refused.map((r) => r.reason).sort()).toEqual(["not_at_stage", "not_found"]);
    expect(await shortlistedCount()).toBe(before + 2);
    for (const c of cases.slice(0, 2)) {
      expect((await row(c.applicationId)).status).toBe("SHORTLISTED");
      expect(
        await db().auditEvent.count({
          where: { entityId: c.applicationId, action: "review.shortlist", data: { path: ["bulkId"], equals: result.bulkId } },
        }),
      ).toBe(1);
    }
    // A colleague moves one of them on before the undo: it stays where the colleague put it.
    await act(r2, cases[1]!.applicationId, "decline", { reason: "Duplicate of another case" });
    const undo = await undoBulk(r1, result.bulkId);
    expect(undo.restored).toBe(1);
    expect(undo.kept).toHaveLength(1);
    expect((await row(cases[0]!.applicationId)).status).toBe("SUBMITTED");
    expect((await row(cases[1]!.applicationId)).status).toBe("REJECTED");
    // The funnel no longer counts the taken-back shortlist (the declined one did reach it).
    expect(await shortlistedCount()).toBe(before + 1);
    await expect(undoBulk(r1, result.bulkId)).rejects.toMatchObject({ messageKey: "review.bulkAlreadyUndone" });
  });

  it("undo is refused after the window and for someone else's operation", async () => {
    const c = await submitted();
    const result = await bulkScreen(r1, "decline", [c.applicationId], "Outside this fund's purpose");
    expect((await row(c.applicationId)).status).toBe("REJECTED");
    await expect(undoBulk(r2, result.bulkId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(undoBulk(r1, result.bulkId, new Date(Date.now() + UNDO_WINDOW_MS + 1000))).rejects.toMatchObject({
      messageKey: "review.bulkUndoExpired",
    });
    expect((await row(c.applicationId)).status).toBe("REJECTED");
  });

  it("never moves the reviewer's own case or one they declared a conflict on", async () => {
    const self = await actorFor(
      (
        await makeUser(db(), {
          roles: [
            { role: "REVIEWER", organisationId: orgId },
            { role: "APPLICANT", organisationId: platformId },
          ],
        })
      ).id,
    );
    const own = await submitted({ applicant: self });
    const conflicted = await submitted();
    await act(self, conflicted.applicationId, "declare_conflict", { reason: "I know this person" });
    const result = await bulkScreen(self, "shortlist", [own.applicationId, conflicted.applicationId], "Looks complete to me");
    expect(result.moved).toBe(0);
    expect((await row(own.applicationId)).status).toBe("SUBMITTED");
    expect((await row(conflicted.applicationId)).status).toBe("SUBMITTED");
  });
});

describe("reveal with a second reviewer's confirmation", () => {
  it("needs a different reviewer's confirmation, records each step, and then reveals", async () => {
    const strictFund = (
      await makeFund(db(), orgId, {
        perApplicantCapMinor: 500_000,
        eligibleCategories: ["DISMISSED_WORKER"],
        eligiblePurposes: ["LIVING_COSTS"],
        phoneRequirement: "OPTIONAL",
        legalNameRequirement: "OPTIONAL",
      })
    ).id;
    await db().fund.update({ where: { id: strictFund }, data: { revealNeedsSecondReviewer: true } });
    const { applicationId } = await submitted({ fund: strictFund, phone: "+375 29 111-22-33" });
    await expect(revealIdentity(r1, applicationId, "Need to call about the payout account")).rejects.toMatchObject({
      messageKey: "review.revealNeedsConfirmation",
    });
    await requestReveal(r1, applicationId, "Need to call about the payout account");
    await expect(requestReveal(r1, applicationId, "Asking twice")).rejects.toMatchObject({ messageKey: "review.revealRequestOpen" });
    const req = await db().revealRequest.findFirstOrThrow({ where: { applicationId } });
    await expect(decideRevealRequest(r1, req.id, "confirm")).rejects.toMatchObject({ messageKey: "review.revealOwnRequest" });
    await expect(db().revealRequest.update({ where: { id: req.id }, data: { deciderId: r1.userId } })).rejects.toThrow(
      /RevealRequest_decider_not_requester/,
    );
    await decideRevealRequest(r2, req.id, "confirm");
    await expect(decideRevealRequest(r3, req.id, "refuse")).rejects.toMatchObject({ messageKey: "review.revealDecided" });
    const shown = await revealIdentity(r1, applicationId, "Need to call about the payout account");
    expect(shown.legalName).toBe("Canary Person");
    // r2's confirmation does not let r2 see it.
    await expect(revealIdentity(r2, applicationId, "Curious")).rejects.toMatchObject({ messageKey: "review.revealNeedsConfirmation" });
    const log = (
      await accessLog(await actorFor((await makeUser(db(), { roles: [{ role: "ADMIN", organisationId: platformId }] })).id), {
        applicationId,
      })
    ).map((l) => l.action);
    expect(log).toEqual(expect.arrayContaining(["identity.reveal_requested", "identity.reveal_confirmed", "identity.revealed"]));
  });
});

describe("messages to the applicant", () => {
  it("stores the template key and the free text encrypted; the stage does not move", async () => {
    const { applicationId } = await submitted();
    await sendApplicantMessage(r1, applicationId, { template: "upload_document", message: "The dismissal order, please: CANARY-MSG-7731" });
    const m = await db().applicationMessage.findFirstOrThrow({ where: { applicationId, kind: "REVIEWER_MESSAGE" } });
    expect(m.templateKey).toBe("upload_document");
    expect(m.bodyEnc).not.toContain("CANARY-MSG-7731");
    expect((await row(applicationId)).status).toBe("SUBMITTED");
  });
});

describe("fraud signals", () => {
  it("labels shared payout details, several cases from one account, a repeat after rejection and a blind-index duplicate", async () => {
    const applicant = await applicantActor();
    const first = await submitted({ applicant, phone: "+375 29 555-00-11" });
    await act(r1, first.applicationId, "decline", { reason: "Incomplete" });
    await submitted({ applicant });
    const third = await submitted({ applicant, phone: "+375295550011" });
    const otherPerson = await submitted({ phone: "+375 29 555 00 11" });
    const signals = (await caseSignals(r1, third.applicationId)).map((s) => s.key);
    expect(signals).toEqual(expect.arrayContaining(["duplicate_identity_hidden", "many_cases_one_account", "rejected_before"]));
    // Which case matches is named only once the reviewer revealed this case's identity, with a reason.
    const hidden = (await caseSignals(r1, otherPerson.applicationId)).find((s) => s.key === "duplicate_identity_hidden");
    expect(hidden?.values).toEqual({ count: 2 });
    await revealIdentity(r1, otherPerson.applicationId, "To check the duplicate against the phone");
    expect((await caseSignals(r1, otherPerson.applicationId)).find((s) => s.key === "duplicate_identity")?.values.count).toBe(2);
    // The same bank account on two approved cases.
    const fmA = await as("FUND_MANAGER");
    const a1 = await verified();
    const a2 = await verified();
    for (const c of [a1, a2]) {
      await act(r1, c.applicationId, "vote_approve", { amount: "1000" });
      await act(r2, c.applicationId, "vote_approve", { amount: "1000" });
    }
    await requestPayout(
      fmA,
      RequestPayoutSchema.parse({
        applicationId: a1.applicationId,
        amount: "1000",
        method: "BANK_TRANSFER",
        details: "BY12 ALFA 3014 0000 1111",
        idempotencyKey: crypto.randomUUID(),
      }),
    );
    await requestPayout(
      fmA,
      RequestPayoutSchema.parse({
        applicationId: a2.applicationId,
        amount: "1000",
        method: "BANK_TRANSFER",
        details: "by12alfa301400001111",
        idempotencyKey: crypto.randomUUID(),
      }),
    );
    const shared = (await caseSignals(r1, a2.applicationId)).find((s) => s.key === "shared_payout_details");
    expect(shared?.values.refs).toBe((await row(a1.applicationId)).referenceCode);
    expect((await caseSignals(r1, (await verified()).applicationId)).map((s) => s.key)).not.toContain("shared_payout_details");
  });
});

describe("fraud signals stay inside what the reviewer may see", () => {
  it("never name, count or flag a case of another organisation, one the reviewer declared a conflict on, or their own", async () => {
    const otherOrg = (await makeOrganisation(db())).id;
    const otherFund = (
      await makeFund(db(), otherOrg, {
        perApplicantCapMinor: 500_000,
        eligibleCategories: ["DISMISSED_WORKER"],
        eligiblePurposes: ["LIVING_COSTS"],
        requiredApprovals: 2,
        phoneRequirement: "OPTIONAL",
        legalNameRequirement: "OPTIONAL",
      })
    ).id;
    const [b1, b2, fmB] = [await as("REVIEWER", otherOrg), await as("REVIEWER", otherOrg), await as("FUND_MANAGER", otherOrg)];
    const phone = `+375 29 ${crypto.randomInt(100, 999)}-${crypto.randomInt(10, 99)}-${crypto.randomInt(10, 99)}`;
    // One account applied three times to the other organisation and was rejected there, with this phone and
    // these payout details; now it applies here.
    const applicant = await applicantActor();
    const elsewhere = await submitted({ applicant, fund: otherFund });
    await act(b1, elsewhere.applicationId, "decline", { reason: "Incomplete" });
    await submitted({ applicant, fund: otherFund });
    const paidElsewhere = await submitted({ applicant, fund: otherFund });
    await act(b1, paidElsewhere.applicationId, "shortlist");
    await act(b1, paidElsewhere.applicationId, "verify", { items: [] });
    await act(b1, paidElsewhere.applicationId, "vote_approve", { amount: "1000" });
    await act(b2, paidElsewhere.applicationId, "vote_approve", { amount: "1000" });
    await requestPayout(
      fmB,
      RequestPayoutSchema.parse({
        applicationId: paidElsewhere.applicationId,
        amount: "1000",
        method: "BANK_TRANSFER",
        details: "BY99 OTHR 0000 2222 3333",
        idempotencyKey: crypto.randomUUID(),
      }),
    );
    const someoneElseElsewhere = await submitted({ phone, fund: otherFund }); // another account, same phone
    const here = await submitted({ applicant, phone });
    await act(r1, here.applicationId, "shortlist");
    await act(r1, here.applicationId, "verify", { items: [] });
    await act(r1, here.applicationId, "vote_approve", { amount: "1000" });
    await act(r2, here.applicationId, "vote_approve", { amount: "1000" });
    await requestPayout(
      fm,
      RequestPayoutSchema.parse({
        applicationId: here.applicationId,
        amount: "1000",
        method: "BANK_TRANSFER",
        details: "by99othr000022223333",
        idempotencyKey: crypto.randomUUID(),
      }),
    );

    expect(await caseSignals(r3, here.applicationId)).toEqual([]);
    expect((await row(here.applicationId)).isDuplicateFlagged).toBe(false);
    expect((await row(someoneElseElsewhere.applicationId)).isDuplicateFlagged).toBe(false);
    // The other organisation's reviewers do not learn of this case either.
    const seenThere = String(
      (await caseSignals(b2, someoneElseElsewhere.applicationId)).find((s) => s.key === "duplicate_identity")?.values.refs,
    );
    expect(seenThere).not.toContain(String((await row(here.applicationId)).referenceCode));

    // Inside the organisation the same phone is a signal, but not through a case the reviewer declared a conflict on.
    const samePerson = await submitted({ phone });
    await revealIdentity(r3, samePerson.applicationId, "To check the duplicate against the phone");
    expect((await caseSignals(r3, samePerson.applicationId)).find((s) => s.key === "duplicate_identity")?.values.refs).toBe(
      (await row(here.applicationId)).referenceCode,
    );
    expect((await row(samePerson.applicationId)).isDuplicateFlagged).toBe(true);
    const third = await submitted({ phone });
    await act(r3, samePerson.applicationId, "declare_conflict", { reason: "I know this person" });
    await revealIdentity(r3, third.applicationId, "To check the duplicate against the phone");
    const refs = String((await caseSignals(r3, third.applicationId)).find((s) => s.key === "duplicate_identity")?.values.refs);
    expect(refs).toContain(String((await row(here.applicationId)).referenceCode));
    expect(refs).not.toContain(String((await row(samePerson.applicationId)).referenceCode));
  });
});

describe("exports with personal fields", () => {
  it("only for the permission that allows it, with a reason, and every exported case lands in the access log", async () => {
    const c = await submitted({ phone: "+375 29 777-66-55" });
    await expect(
      exportFundCases(r1, fundId, FundExportSchema.parse({ personal: "1", reason: "Paying the approved cases this week" })),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(FundExportSchema.safeParse({ personal: "1", reason: "" }).success).toBe(false);
    const plain = await exportFundCases(fm, fundId, FundExportSchema.parse({ personal: "" }));
    expect(plain.csv).not.toContain("Canary Person");
    expect(plain.csv.split("\n")[0]).not.toContain("legal_name");
    const full = await exportFundCases(
      fm,
      fundId,
      FundExportSchema.parse({ personal: "1", reason: "Paying the approved cases this week" }),
    );
    expect(full.csv).toContain("Canary Person");
    expect(full.csv).toContain("+375 29 777-66-55");
    expect(
      await db().auditEvent.count({
        where: { entityId: c.applicationId, action: "identity.exported", data: { path: ["exportCode"], equals: full.exportCode } },
      }),
    ).toBe(1);
    const otherOrgFm = await as("FUND_MANAGER", (await makeOrganisation(db())).id);
    await expect(exportFundCases(otherOrgFm, fundId, FundExportSchema.parse({ personal: "" }))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("queue: waiting time and the next case", () => {
  it("filters cases waiting longer than N days and links each case to the next open one of its fund", async () => {
    const quietFund = (
      await makeFund(db(), orgId, {
        perApplicantCapMinor: 500_000,
        eligibleCategories: ["DISMISSED_WORKER"],
        eligiblePurposes: ["LIVING_COSTS"],
      })
    ).id;
    const old = await submitted({ fund: quietFund });
    const fresh = await submitted({ fund: quietFund });
    await db().application.update({ where: { id: old.applicationId }, data: { submittedAt: new Date(Date.now() - 10 * 86_400_000) } });
    const waiting = await listQueue(r1, QueueFilterSchema.parse({ fund: quietFund, olderThan: "7" }));
    expect(waiting.rows.map((r) => r.id)).toEqual([old.applicationId]);
    expect(QueueFilterSchema.safeParse({ olderThan: "5" }).success).toBe(false);
    const { nextCaseAfter } = await import("@/lib/reviews/queue");
    const at = async (id: string) => ({
      id,
      ...(await db().application.findUniqueOrThrow({ where: { id }, select: { fundId: true, submittedAt: true } })),
    });
    expect(await nextCaseAfter(r1, await at(old.applicationId))).toBe(fresh.applicationId);
    expect(await nextCaseAfter(r1, await at(fresh.applicationId))).toBeNull();
    await act(r1, fresh.applicationId, "decline", { reason: "Not eligible here" }); // closed cases are skipped
    expect(await nextCaseAfter(r1, await at(old.applicationId))).toBeNull();
  });
});
