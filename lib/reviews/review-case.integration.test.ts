import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { answerInfoRequest } from "@/lib/applications/applicant-case-actions";
import { saveApplication } from "@/lib/applications/save-application";
import { startApplication } from "@/lib/applications/start-application";
import type { Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { reviewCase } from "@/lib/reviews/review-case";
import { ReviewActionSchema } from "@/lib/reviews/schemas";
import { actorFor } from "@/lib/testing/actors";
import { makeFund, makeOrganisation, makeUser, platformOrganisation } from "@/lib/testing/factories";

let platformId: string;
let orgId: string;
let fundId: string;
const CHECKLIST = ["Dismissal order seen", "Identity confirmed by phone"];

beforeAll(async () => {
  platformId = (await platformOrganisation(db())).id;
  orgId = (await makeOrganisation(db())).id;
  fundId = (
    await makeFund(db(), orgId, {
      perApplicantCapMinor: 200_000,
      eligibleCategories: ["DISMISSED_WORKER"],
      eligiblePurposes: ["LIVING_COSTS"],
      requiredApprovals: 2,
    })
  ).id;
  await db().fund.update({ where: { id: fundId }, data: { verificationChecklist: CHECKLIST } });
});

const reviewer = async (org = orgId, extra: { role: "APPLICANT"; organisationId: string }[] = []) =>
  actorFor((await makeUser(db(), { roles: [{ role: "REVIEWER", organisationId: org }, ...extra] })).id);
const act = (actor: Actor, applicationId: string, action: string, more: Record<string, unknown> = {}) =>
  reviewCase(actor, ReviewActionSchema.parse({ applicationId, action, ...more }));

async function submittedCase(applicant?: Actor) {
  const a = applicant ?? (await actorFor((await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: platformId }] })).id));
  const { applicationId } = await startApplication(a, { fundId });
  await saveApplication(a, applicationId, {
    intent: "submit",
    submissionKey: crypto.randomUUID(),
    category: "DISMISSED_WORKER",
    purpose: "LIVING_COSTS",
    region: "BREST",
    amount: "1200",
    statement: "Dismissed for striking, no income since September.",
  });
  return { a, applicationId };
}
const statusOf = async (id: string) => (await db().application.findUniqueOrThrow({ where: { id } })).status;

describe("reviewing a case", () => {
  it("shortlists, verifies with the full checklist, and approves with two distinct reviewers at the smaller amount", async () => {
    const { applicationId } = await submittedCase();
    const r1 = await reviewer();
    const r2 = await reviewer();
    expect(await act(r1, applicationId, "shortlist")).toEqual({ status: "SHORTLISTED" });
    await expect(act(r1, applicationId, "verify", { items: [CHECKLIST[0]] })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { items: ["checklist_incomplete"] },
    });
    await act(r1, applicationId, "verify", { items: CHECKLIST });
    expect(await act(r1, applicationId, "vote_approve", { amount: "1200" })).toEqual({ status: "VERIFIED" });
    expect(await act(r2, applicationId, "vote_approve", { amount: "1000" })).toEqual({ status: "APPROVED" });
    const row = await db().application.findUniqueOrThrow({
      where: { id: applicationId },
      include: { statusChanges: { orderBy: { createdAt: "asc" } } },
    });
    expect(row.approvedAmountMinor).toBe(100_000);
    expect(row.verifiedItems).toEqual(CHECKLIST);
    expect(row.statusChanges.map((s) => s.toStatus)).toEqual(["SUBMITTED", "SHORTLISTED", "VERIFIED", "APPROVED"]);
    const actions = (
      await db().auditEvent.findMany({ where: { entityId: applicationId, action: { startsWith: "review." } }, orderBy: { seq: "asc" } })
    ).map((e) => e.action);
    expect(actions).toEqual(["review.shortlist", "review.verify", "review.vote_approve", "review.vote_approve"]);
  });

  it("casts a vote once: a second vote (a stale tab) is refused with the first one, and the award does not change", async () => {
    const { applicationId } = await submittedCase();
    const [r1, r2] = [await reviewer(), await reviewer()];
    await act(r1, applicationId, "shortlist");
    await act(r1, applicationId, "verify", { items: CHECKLIST });
    await act(r1, applicationId, "vote_approve", { amount: "200", expectedStatus: "VERIFIED" });
    // The older tab still shows the asked amount and the vote buttons, and the stage is still VERIFIED.
    await expect(act(r1, applicationId, "vote_approve", { amount: "1200", expectedStatus: "VERIFIED" })).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "review.alreadyVotedApprove",
      messageValues: { amount: { minor: 20_000, currency: "USD" } },
    });
    await expect(act(r1, applicationId, "vote_reject", { reason: "Changed my mind", expectedStatus: "VERIFIED" })).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "review.alreadyVotedApprove",
    });
    const ballot = await db().review.findFirstOrThrow({ where: { applicationId, reviewerId: r1.userId } });
    expect([ballot.vote, ballot.approvedAmountMinor]).toEqual(["APPROVE", 20_000]);
    expect(await statusOf(applicationId)).toBe("VERIFIED"); // one reviewer never approves alone
    expect(await act(r2, applicationId, "vote_approve", { amount: "1200" })).toEqual({ status: "APPROVED" });
    expect((await db().application.findUniqueOrThrow({ where: { id: applicationId } })).approvedAmountMinor).toBe(20_000);
    const votes = await db().auditEvent.count({ where: { entityId: applicationId, action: { startsWith: "review.vote" } } });
    expect(votes).toBe(2);
  });

  it("lets a reviewer withdraw their vote before the case is decided, recorded, and vote again; never after", async () => {
    const { applicationId } = await submittedCase();
    const [r1, r2, r3] = [await reviewer(), await reviewer(), await reviewer()];
    await act(r1, applicationId, "shortlist");
    await act(r1, applicationId, "verify", { items: CHECKLIST });
    await expect(act(r1, applicationId, "withdraw_vote")).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "review.noVoteToWithdraw",
    });
    await act(r1, applicationId, "vote_reject", { reason: "Documents look altered" });
    await act(r1, applicationId, "withdraw_vote", { reason: "The fund confirmed the documents", expectedStatus: "VERIFIED" });
    expect((await db().review.findFirstOrThrow({ where: { applicationId, reviewerId: r1.userId } })).vote).toBeNull();
    const withdrawn = await db().auditEvent.findFirstOrThrow({ where: { entityId: applicationId, action: "review.withdraw_vote" } });
    expect(withdrawn.data).toMatchObject({ withdrawn: "REJECT", from: "VERIFIED", to: "VERIFIED" });
    await act(r1, applicationId, "vote_approve", { amount: "1000" });
    expect(await act(r2, applicationId, "vote_approve", { amount: "1200" })).toEqual({ status: "APPROVED" });
    // Decided: no withdrawal can change it any more.
    await expect(act(r2, applicationId, "withdraw_vote")).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "review.notAtThisStage",
    });
    await expect(act(r3, applicationId, "vote_reject", { reason: "Late" })).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect(await statusOf(applicationId)).toBe("APPROVED");
  });

  it("refuses every stage action from a stale tab (the case moved meanwhile) with the stage it is at now", async () => {
    const [r1, r2] = [await reviewer(), await reviewer()];
    // Shortlist, decline, request information: the page showed SUBMITTED, another reviewer shortlisted.
    const a = (await submittedCase()).applicationId;
    await act(r2, a, "shortlist", { expectedStatus: "SUBMITTED" });
    for (const [action, more] of [
      ["shortlist", {}],
      ["decline", { reason: "Not eligible" }],
      ["request_info", { message: "Send the order" }],
    ] as const) {
      await expect(act(r1, a, action, { ...more, expectedStatus: "SUBMITTED" })).rejects.toMatchObject({
        code: "INVALID_STATE",
        messageKey: "review.notAtThisStage",
        messageValues: { stage: "SHORTLISTED" },
      });
    }
    // Verify: the page showed SHORTLISTED while another reviewer asked the applicant for information.
    await act(r2, a, "request_info", { message: "Send the order", expectedStatus: "SHORTLISTED" });
    await expect(act(r1, a, "verify", { items: CHECKLIST, expectedStatus: "SHORTLISTED" })).rejects.toMatchObject({
      messageValues: { stage: "NEEDS_INFO" },
    });
    // Vote to reject (or approve) from a page that showed VERIFIED after the case was approved.
    const b = (await submittedCase()).applicationId;
    await act(r1, b, "shortlist");
    await act(r1, b, "verify", { items: CHECKLIST });
    const r3 = await reviewer();
    await act(r1, b, "vote_approve", { amount: "1000" });
    await act(r2, b, "vote_approve", { amount: "1000" });
    await expect(act(r3, b, "vote_reject", { reason: "Too late", expectedStatus: "VERIFIED" })).rejects.toMatchObject({
      messageValues: { stage: "APPROVED" },
    });
    // Nothing was written by the refused actions.
    expect(
      (await db().applicationStatusChange.findMany({ where: { applicationId: a }, orderBy: { createdAt: "asc" } })).map((s) => s.toStatus),
    ).toEqual(["SUBMITTED", "SHORTLISTED", "NEEDS_INFO"]);
    expect(await db().review.count({ where: { applicationId: b, reviewerId: r3.userId } })).toBe(0);
  });

  it("is blocked by a rejection vote, which needs a reason", async () => {
    const { applicationId } = await submittedCase();
    const [r1, r2, r3] = [await reviewer(), await reviewer(), await reviewer()];
    await act(r1, applicationId, "shortlist");
    await act(r1, applicationId, "verify", { items: CHECKLIST });
    await expect(act(r3, applicationId, "vote_reject")).rejects.toMatchObject({ fieldErrors: { reason: ["required"] } });
    await act(r3, applicationId, "vote_reject", { reason: "Documents look altered" });
    await act(r1, applicationId, "vote_approve", { amount: "1200" });
    expect(await act(r2, applicationId, "vote_approve", { amount: "1200" })).toEqual({ status: "VERIFIED" });
  });

  it("excludes a reviewer who declared a conflict: their queue, their votes and further actions", async () => {
    const { applicationId } = await submittedCase();
    const r1 = await reviewer();
    await act(r1, applicationId, "declare_conflict", { reason: "I know this person" });
    await expect(act(r1, applicationId, "shortlist")).rejects.toMatchObject({ code: "FORBIDDEN", messageKey: "review.conflicted" });
    expect(await statusOf(applicationId)).toBe("SUBMITTED");
  });

  it("requests information; the applicant's answer returns the case to the stage that asked", async () => {
    const { a, applicationId } = await submittedCase();
    const r1 = await reviewer();
    await act(r1, applicationId, "shortlist");
    await expect(act(r1, applicationId, "request_info")).rejects.toMatchObject({ fieldErrors: { message: ["required"] } });
    await act(r1, applicationId, "request_info", { message: "Please add the dismissal order." });
    expect(await statusOf(applicationId)).toBe("NEEDS_INFO");
    const msg = await db().applicationMessage.findFirstOrThrow({ where: { applicationId, kind: "INFO_REQUEST" } });
    expect(msg.bodyEnc).not.toContain("dismissal order");
    await answerInfoRequest(a, applicationId, "Order No. 17 of 2 September.");
    expect(await statusOf(applicationId)).toBe("SHORTLISTED");
  });

  it("declines at screening with a reason, and then nothing more can be done", async () => {
    const { applicationId } = await submittedCase();
    const r1 = await reviewer();
    await act(r1, applicationId, "decline", { reason: "Not a dismissed worker" });
    expect(await statusOf(applicationId)).toBe("REJECTED");
    await expect(act(r1, applicationId, "shortlist")).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("refuses moves out of order", async () => {
    const { applicationId } = await submittedCase();
    const r1 = await reviewer();
    // A stale page: the refusal names the case's current stage.
    await expect(act(r1, applicationId, "vote_approve", { amount: "100" })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "review.notAtThisStage",
      messageValues: { stage: "SUBMITTED" },
    });
    await expect(act(r1, applicationId, "verify", { items: CHECKLIST })).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("hides the case from reviewers of other organisations and from the applicant-reviewer's own case", async () => {
    const outsider = await reviewer((await makeOrganisation(db())).id);
    const { applicationId } = await submittedCase();
    await expect(act(outsider, applicationId, "shortlist")).rejects.toMatchObject({ code: "NOT_FOUND" });
    const both = await reviewer(orgId, [{ role: "APPLICANT", organisationId: platformId }]);
    const own = await submittedCase(both);
    await expect(act(both, own.applicationId, "shortlist")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses applicants and fund managers", async () => {
    const { a, applicationId } = await submittedCase();
    await expect(act(a, applicationId, "shortlist")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
