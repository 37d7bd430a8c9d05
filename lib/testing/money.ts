// Test helpers for the money side: a fund with two reviewers and two fund managers, cases driven to
// "approved" through the real review use cases, and money received through the real receipt use case.
import crypto from "node:crypto";
import { saveApplication } from "@/lib/applications/save-application";
import { startApplication } from "@/lib/applications/start-application";
import type { Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import type { AidPurpose } from "@/lib/db/generated/enums";
import { recordPledge, recordReceipt } from "@/lib/funds/pledges";
import { decideConfirmation } from "@/lib/funds/confirmations";
import { reviewCase } from "@/lib/reviews/review-case";
import { ReviewActionSchema } from "@/lib/reviews/schemas";
import { actorFor } from "@/lib/testing/actors";
import { makeFund, makeOrganisation, makeUser, platformOrganisation } from "@/lib/testing/factories";

export const key = () => crypto.randomUUID();

export type MoneyWorld = { orgId: string; fundId: string; r1: Actor; r2: Actor; fm1: Actor; fm2: Actor; fm3: Actor; platformId: string };

export async function moneyWorld(purposes: AidPurpose[] = ["ACADEMY_DEBT", "LIVING_COSTS", "MEDICAL_REHABILITATION"]): Promise<MoneyWorld> {
  const platformId = (await platformOrganisation(db())).id;
  const orgId = (await makeOrganisation(db())).id;
  const fundId = (
    await makeFund(db(), orgId, {
      perApplicantCapMinor: 10_000_000,
      eligibleCategories: ["DISMISSED_WORKER", "RESIGNING_OFFICER"],
      eligiblePurposes: purposes,
      requiredApprovals: 2,
    })
  ).id;
  const as = async (role: "REVIEWER" | "FUND_MANAGER") => actorFor((await makeUser(db(), { roles: [{ role, organisationId: orgId }] })).id);
  return {
    orgId,
    fundId,
    platformId,
    r1: await as("REVIEWER"),
    r2: await as("REVIEWER"),
    fm1: await as("FUND_MANAGER"),
    fm2: await as("FUND_MANAGER"),
    fm3: await as("FUND_MANAGER"),
  };
}

/** A case approved by two reviewers for `amount` (typed, e.g. "1000"). */
export async function approvedCase(
  w: MoneyWorld,
  amount: string,
  purpose: AidPurpose = "LIVING_COSTS",
): Promise<{ applicationId: string; applicant: Actor }> {
  const applicant = await actorFor((await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: w.platformId }] })).id);
  const { applicationId } = await startApplication(applicant, { fundId: w.fundId });
  await saveApplication(applicant, applicationId, {
    intent: "submit",
    submissionKey: key(),
    category: "DISMISSED_WORKER",
    purpose,
    region: "MINSK",
    amount,
    statement: "Dismissed for striking; this covers the debt.",
  });
  const act = (a: Actor, action: string, more: Record<string, unknown> = {}) =>
    reviewCase(a, ReviewActionSchema.parse({ applicationId, action, ...more }));
  await act(w.r1, "shortlist");
  await act(w.r1, "verify", { items: [] });
  await act(w.r1, "vote_approve", { amount });
  await act(w.r2, "vote_approve", { amount });
  return { applicationId, applicant };
}

/** Money received into the fund, optionally restricted to a purpose (above the threshold, fm2 confirms it). */
export async function receive(w: MoneyWorld, amount: string, purpose: AidPurpose | "" = "") {
  const { pledgeId } = await recordPledge(w.fm1, {
    fundId: w.fundId,
    donorName: "Test donor",
    anonymous: false,
    amount,
    currency: "USD",
    purposeRestriction: purpose,
    dueDate: "",
    idempotencyKey: key(),
  });
  await recordReceipt(w.fm1, { pledgeId, amount, currency: "USD", idempotencyKey: key() });
  for (const r of await db().confirmationRequest.findMany({ where: { pledgeId, status: "PENDING" }, select: { id: true } })) {
    await decideConfirmation(w.fm2, { requestId: r.id, decision: "confirm" });
  }
  return pledgeId;
}
