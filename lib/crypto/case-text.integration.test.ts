// Staff free text about a case (issue 16, item 13): vote, conflict, decline, bulk, reveal, export and
// ruling reasons are sealed under the case's key — never in a table as text — and go with the case's data.
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { deleteApplicationData } from "@/lib/applications/applicant-case-actions";
import { getCaseForReviewer } from "@/lib/applications/queries";
import { saveApplication } from "@/lib/applications/save-application";
import { startApplication } from "@/lib/applications/start-application";
import type { Actor } from "@/lib/authz/actor";
import { openCaseText } from "@/lib/crypto/case-text";
import { loadCaseKeys } from "@/lib/crypto/case-keys";
import { db } from "@/lib/db/client";
import { accessLog } from "@/lib/reviews/access-log";
import { revealIdentity } from "@/lib/reviews/reveal-identity";
import { bulkScreen } from "@/lib/reviews/bulk";
import { exportFundCases, FundExportSchema } from "@/lib/reviews/export-cases";
import { reviewCase } from "@/lib/reviews/review-case";
import { ruleOnRejection } from "@/lib/reviews/rule-on-rejection";
import { ReviewActionSchema } from "@/lib/reviews/schemas";
import { actorFor } from "@/lib/testing/actors";
import { makeFund, makeOrganisation, makeUser, platformOrganisation } from "@/lib/testing/factories";

const C = `CNRY${crypto.randomBytes(4).toString("hex").toUpperCase()}`;
let platformId: string, orgId: string, fundId: string;
let r1: Actor, r2: Actor, r3: Actor, fm: Actor, admin: Actor;
const act = (a: Actor, applicationId: string, action: string, more: Record<string, unknown> = {}) =>
  reviewCase(a, ReviewActionSchema.parse({ applicationId, action, ...more }));

async function submitted() {
  const a = await actorFor((await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: platformId }] })).id);
  const { applicationId } = await startApplication(a, { fundId });
  await saveApplication(a, applicationId, {
    intent: "submit",
    submissionKey: crypto.randomUUID(),
    category: "DISMISSED_WORKER",
    purpose: "LIVING_COSTS",
    region: "GOMEL",
    amount: "500",
    statement: "Dismissed after the strike.",
    legalName: "Text Person",
  });
  return { a, applicationId };
}

/** Every row of the tables that hold staff text, as JSON text: what a dump of the database shows. */
async function dump(): Promise<string> {
  const rows = await db().$queryRawUnsafe<{ t: string }[]>(`
    SELECT row_to_json(x)::text AS t FROM "Review" x UNION ALL SELECT row_to_json(x)::text FROM "ApplicationStatusChange" x
    UNION ALL SELECT row_to_json(x)::text FROM "RevealRequest" x UNION ALL SELECT row_to_json(x)::text FROM "AuditEvent" x
    UNION ALL SELECT row_to_json(x)::text FROM "BulkOperation" x UNION ALL SELECT row_to_json(x)::text FROM "Payout" x`);
  return rows.map((r) => r.t).join("\n");
}

beforeAll(async () => {
  platformId = (await platformOrganisation(db())).id;
  orgId = (await makeOrganisation(db())).id;
  fundId = (
    await makeFund(db(), orgId, {
      perApplicantCapMinor: 100_000,
      eligibleCategories: ["DISMISSED_WORKER"],
      eligiblePurposes: ["LIVING_COSTS"],
      requiredApprovals: 2,
      legalNameRequirement: "OPTIONAL",
    })
  ).id;
  const as = async (role: "REVIEWER" | "FUND_MANAGER") => actorFor((await makeUser(db(), { roles: [{ role, organisationId: orgId }] })).id);
  [r1, r2, r3, fm] = [await as("REVIEWER"), await as("REVIEWER"), await as("REVIEWER"), await as("FUND_MANAGER")];
  admin = await actorFor((await makeUser(db(), { roles: [{ role: "ADMIN", organisationId: platformId }] })).id);
});

describe("staff free text about a case", () => {
  it("is sealed under the case's key everywhere it is stored, readable by staff, and erased with the case's data", async () => {
    // A decline, a bulk decline, a conflict, a rejection upheld by a fund manager, a reveal and a personal export.
    const declined = await submitted();
    await act(r1, declined.applicationId, "decline", { reason: `${C}-decline documents look forged` });
    const bulk = await submitted();
    await bulkScreen(r1, "decline", [bulk.applicationId], `${C}-bulk not a striker`);
    const voted = await submitted();
    await act(r1, voted.applicationId, "shortlist");
    await act(r1, voted.applicationId, "verify", { items: [] });
    await act(r3, voted.applicationId, "declare_conflict", { reason: `${C}-conflict my neighbour` });
    await act(r2, voted.applicationId, "vote_reject", { reason: `${C}-vote the order is not dated` });
    await ruleOnRejection(fm, voted.applicationId, "uphold", `${C}-ruling the clinic denied it`);
    await revealIdentity(r1, voted.applicationId, `${C}-reveal to match the debt demand`);
    await exportFundCases(fm, fundId, FundExportSchema.parse({ personal: "1", reason: `${C}-export paying this week` }));

    expect(await dump()).not.toContain(C);

    // Staff still read them where they read them before.
    const history = (await getCaseForReviewer(r1, declined.applicationId))!.statusChanges.map((s) => s.reason);
    expect(history).toContain(`${C}-decline documents look forged`);
    const log = await accessLog(admin, { applicationId: voted.applicationId, take: 50 });
    expect(log.map((e) => e.reason)).toEqual(
      expect.arrayContaining([`${C}-reveal to match the debt demand`, `${C}-export paying this week`]),
    );
    await loadCaseKeys(db(), [voted.applicationId]);
    const reviews = await db().review.findMany({ where: { applicationId: voted.applicationId }, select: { reason: true } });
    expect(reviews.map((r) => openCaseText(voted.applicationId, r.reason))).toEqual(
      expect.arrayContaining([`${C}-conflict my neighbour`, `${C}-vote the order is not dated`]),
    );

    // "Delete my data": the key goes, and every staff text about the person with it.
    await deleteApplicationData(voted.a, voted.applicationId);
    const afterLog = await accessLog(admin, { applicationId: voted.applicationId, take: 50 });
    expect(afterLog.filter((e) => e.action === "identity.revealed" || e.action === "identity.exported").map((e) => e.reason)).toEqual([
      null,
      null,
    ]);
    const stored = await db().review.findMany({ where: { applicationId: voted.applicationId }, select: { reason: true } });
    expect(stored.every((r) => r.reason === null || openCaseText(voted.applicationId, r.reason) === null)).toBe(true);
    const rulingChange = await db().applicationStatusChange.findFirstOrThrow({
      where: { applicationId: voted.applicationId, toStatus: "REJECTED" },
    });
    expect(openCaseText(voted.applicationId, rulingChange.reason)).toBeNull();
  });
});

describe("staff texts written before sealing", () => {
  it("are sealed in place once, and a case whose data was deleted keeps none", async () => {
    const { sealLegacyCaseTexts } = await import("@/lib/crypto/seal-legacy-text");
    const kept = await submitted();
    const gone = await submitted();
    await deleteApplicationData(gone.a, gone.applicationId);
    // Rows as an older version wrote them (the deleted case's one, too, as if restored from a backup).
    for (const c of [kept, gone]) {
      await db().applicationStatusChange.create({
        data: {
          applicationId: c.applicationId,
          fromStatus: "SUBMITTED",
          toStatus: "SUBMITTED",
          actorId: r1.userId,
          reason: `${C}-legacy ${c.applicationId}`,
        },
      });
    }
    expect(await sealLegacyCaseTexts()).toBeGreaterThanOrEqual(2);
    expect(await dump()).not.toContain(`${C}-legacy`);
    const history = (await getCaseForReviewer(r1, kept.applicationId))!.statusChanges.map((s) => s.reason);
    expect(history).toContain(`${C}-legacy ${kept.applicationId}`);
    expect(await sealLegacyCaseTexts()).toBe(0);
  });
});

describe("a payout's cancellation reason", () => {
  it("is sealed, read by fund managers, and gone with the case's data together with the bank account's keyed hash", async () => {
    const [{ requestPayout }, { payoutStep }] = await Promise.all([
      import("@/lib/payouts/request-payout"),
      import("@/lib/payouts/payout-step"),
    ]);
    const { managerPayouts } = await import("@/lib/payouts/queries");
    const c = await submitted();
    await act(r1, c.applicationId, "shortlist");
    await act(r1, c.applicationId, "verify", { items: [] });
    await act(r1, c.applicationId, "vote_approve", { amount: "300" });
    await act(r2, c.applicationId, "vote_approve", { amount: "300" });
    const { payoutId } = await requestPayout(fm, {
      applicationId: c.applicationId,
      amount: "300",
      method: "BANK_TRANSFER",
      details: "BY11 TEST 0000 1111",
      idempotencyKey: crypto.randomUUID(),
    });
    await payoutStep(fm, {
      payoutId,
      action: "cancel",
      method: "",
      reason: `${C}-payout recipient detained`,
      idempotencyKey: crypto.randomUUID(),
    });
    expect(await dump()).not.toContain(`${C}-payout`);
    expect((await managerPayouts(fm)).find((p) => p.id === payoutId)?.cancelReason).toBe(`${C}-payout recipient detained`);
    await deleteApplicationData(c.a, c.applicationId);
    const row = await db().payout.findUniqueOrThrow({ where: { id: payoutId } });
    expect([row.cancelReason, row.detailsIndex]).toEqual([null, null]);
  });
});
