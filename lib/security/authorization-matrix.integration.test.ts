// Authorization matrix over every server action (the security suite; route handlers have theirs in
// e2e/authorization.spec.ts). One table says, for each action, which kinds of actor may do it; every other
// kind — signed out, the owner's neighbour (another applicant), a reviewer or fund manager of another
// organisation, a course provider, a donor, an admin — is tried on the same target and must be refused
// (forbidden, not found, or asked to sign in). Allowed kinds must succeed on a fresh target, so the table
// cannot pass by refusing everyone. Only the request context is replaced (lib/testing/action-harness.ts).
import crypto from "node:crypto";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz/actor";
import {
  DEPLOYMENT_WIDE,
  formOf,
  harness,
  loadActions,
  mockRequestContext,
  navigationDigest,
  type Action,
} from "@/lib/testing/action-harness";

mockRequestContext();

const { db } = await import("@/lib/db/client");
const { actorFor } = await import("@/lib/testing/actors");
const { makeFund, makeOrganisation, makeUser, platformOrganisation } = await import("@/lib/testing/factories");
const { moneyWorld, receive, key } = await import("@/lib/testing/money");
const { startApplication } = await import("@/lib/applications/start-application");
const { saveApplication } = await import("@/lib/applications/save-application");
const { LIMITS, rateLimitKey } = await import("@/lib/rate-limit/rate-limit");
const { reviewCase } = await import("@/lib/reviews/review-case");
const { ReviewActionSchema } = await import("@/lib/reviews/schemas");
const { addEvidence } = await import("@/lib/evidence/evidence");
const { saveCourse, changeCourseStatus } = await import("@/lib/courses/manage-courses");
const { CourseSchema } = await import("@/lib/courses/schemas");
const { requestSeat, providerDecide } = await import("@/lib/courses/enrolment");
const { recordPledge, recordReceipt } = await import("@/lib/funds/pledges");
const { PledgeSchema } = await import("@/lib/funds/schemas");
const [{ requestPayout }, { payoutStep }] = await Promise.all([
  import("@/lib/payouts/request-payout"),
  import("@/lib/payouts/payout-step"),
]);
const { RequestPayoutSchema } = await import("@/lib/payouts/schemas");
const { requestReveal } = await import("@/lib/reviews/reveal-requests");
const { bulkScreen } = await import("@/lib/reviews/bulk");
const { startDeviceSession } = await import("@/lib/users/devices");
const { deliverSealed } = await import("@/lib/sealed/deliver");
const { generateClaimCode, seal } = await import("@/lib/sealed/format");
const { fundFormVersion, intakeRecipient } = await import("@/lib/sealed/intake");

const KINDS = [
  "signedOut",
  "owner",
  "otherApplicant",
  "reviewer",
  "otherReviewer",
  "manager",
  "otherManager",
  "provider",
  "otherProvider",
  "donor",
  "admin",
] as const;
type Kind = (typeof KINDS)[number];
type Fields = Record<string, string | string[] | Blob>;
/** `moved`: for actions that answer "ok" with a per-item report, whether the target itself was acted on. */
/** `action`: the server action, when the row's key is not its name (a second row for one action). */
type Row = { allow: readonly Kind[]; setup: () => Promise<Fields>; moved?: (data: unknown) => boolean; action?: string };
const SIGNED_IN: readonly Kind[] = KINDS.filter((k) => k !== "signedOut");
const DENY_CODES = ["FORBIDDEN", "NOT_FOUND", "UNAUTHENTICATED"];
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);

let actors: Record<Kind, Actor | null>;
let w: Awaited<ReturnType<typeof moneyWorld>>;
let platformId: string;
let rubricFund: string;
let strictFund: string;

async function draft(fund = w.fundId): Promise<string> {
  return (await startApplication(actors.owner!, { fundId: fund })).applicationId;
}
async function submitted(fund = w.fundId): Promise<string> {
  const id = await draft(fund);
  // The fixture submits far more than an applicant may in an hour (10): its owner's counter is reset.
  await db().rateLimitHit.deleteMany({ where: { key: rateLimitKey(LIMITS.submissionAccount, actors.owner!.userId) } });
  await saveApplication(actors.owner!, id, {
    intent: "submit",
    submissionKey: key(),
    category: "DISMISSED_WORKER",
    purpose: "LIVING_COSTS",
    region: "MINSK",
    amount: "500",
    statement: "Dismissed after the strike; no income since.",
    legalName: "Matrix Person",
  });
  return id;
}
const act = (a: Actor, applicationId: string, action: string, more: Record<string, unknown> = {}) =>
  reviewCase(a, ReviewActionSchema.parse({ applicationId, action, ...more }));
async function verified(fund = w.fundId) {
  const id = await submitted(fund);
  await act(w.r2, id, "shortlist");
  await act(w.r2, id, "verify", { items: [] });
  return id;
}
async function approved(): Promise<string> {
  const id = await verified();
  await act(w.r2, id, "vote_approve", { amount: "500" });
  const r3 = await actorFor((await makeUser(db(), { roles: [{ role: "REVIEWER", organisationId: w.orgId }] })).id);
  await act(r3, id, "vote_approve", { amount: "500" });
  return id;
}
async function course(): Promise<string> {
  const { courseId } = await saveCourse(
    actors.provider!,
    CourseSchema.parse({
      title: "QA for career changers",
      track: "QA",
      description: "A free eight-week QA course for people with no IT experience.",
      format: "ONLINE",
      language: "RU",
      startDate: inDays(20),
      durationWeeks: "8",
      hoursPerWeek: "10",
      seats: "5",
      applicationDeadline: inDays(15),
      prerequisite: "NONE",
    }),
  );
  await changeCourseStatus(actors.provider!, courseId, "publish");
  return courseId;
}
/** A sealed application for the world's fund, as the offline page makes it. */
async function sealedFor(claimCode = generateClaimCode()) {
  const fund = await db().fund.findUniqueOrThrow({ where: { id: w.fundId } });
  return seal(
    (await intakeRecipient())!,
    {
      v: 1,
      id: crypto.randomUUID(),
      claimCode,
      fundId: fund.id,
      fundVersion: fundFormVersion(fund),
      locale: "en",
      sealedAt: new Date().toISOString(),
      answers: {
        category: "DISMISSED_WORKER",
        purpose: "LIVING_COSTS",
        region: "MINSK",
        amount: "500",
        statement: "Dismissed after the strike; no income since.",
      },
    },
    [],
  );
}
async function pdf(): Promise<File> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]).drawText("Dismissal order");
  return new File([Buffer.from(await doc.save())], "order.pdf", { type: "application/pdf" });
}

const TABLE: Record<string, Row> = {
  startApplicationAction: { allow: ["owner", "otherApplicant"], setup: async () => ({ fundId: w.fundId }) },
  saveApplicationAction: {
    allow: ["owner"],
    setup: async () => ({
      applicationId: await draft(),
      intent: "save",
      submissionKey: key(),
      category: "DISMISSED_WORKER",
      purpose: "LIVING_COSTS",
      region: "MINSK",
      amount: "500",
      statement: "Dismissed after the strike; no income since.",
    }),
  },
  // Submitting: the owner only (the use case reads only the applicant's own case).
  "saveApplicationAction (submit)": {
    action: "saveApplicationAction",
    allow: ["owner"],
    setup: async () => ({
      applicationId: await draft(),
      intent: "submit",
      submissionKey: key(),
      category: "DISMISSED_WORKER",
      purpose: "LIVING_COSTS",
      region: "MINSK",
      amount: "500",
      statement: "Dismissed after the strike; no income since.",
    }),
  },
  // The form's own file buttons: "Add the file" saves the draft and adds the file; "Remove …" removes one.
  "saveApplicationAction (add a file)": {
    action: "saveApplicationAction",
    allow: ["owner"],
    setup: async () => ({
      applicationId: await draft(),
      intent: "upload",
      submissionKey: key(),
      statement: "Dismissed after the strike.",
      file: await pdf(),
    }),
  },
  "saveApplicationAction (remove a file)": {
    action: "saveApplicationAction",
    allow: ["owner"],
    setup: async () => {
      const id = await draft();
      return {
        applicationId: id,
        submissionKey: key(),
        statement: "Dismissed after the strike.",
        removeFileId: (await addEvidence(actors.owner!, id, await pdf())).fileId,
      };
    },
  },
  withdrawApplicationAction: { allow: ["owner"], setup: async () => ({ applicationId: await submitted() }) },
  deleteApplicationDataAction: { allow: ["owner"], setup: async () => ({ applicationId: await submitted(), confirmed: "yes" }) },
  answerInfoRequestAction: {
    allow: ["owner"],
    setup: async () => {
      const id = await submitted();
      await act(w.r2, id, "request_info", { message: "Please add the order." });
      return { applicationId: id, answer: "Here it is, dated 12 May." };
    },
  },
  uploadEvidenceAction: { allow: ["owner"], setup: async () => ({ applicationId: await draft(), file: await pdf() }) },
  removeEvidenceAction: {
    allow: ["owner"],
    setup: async () => {
      const id = await draft();
      return { fileId: (await addEvidence(actors.owner!, id, await pdf())).fileId };
    },
  },
  saveProfileAction: { allow: ["owner", "otherApplicant"], setup: async () => ({ previousOccupation: "Welder" }) },
  requestSeatAction: {
    allow: ["owner", "otherApplicant"],
    setup: async () => ({ courseId: await course(), motivation: "I was dismissed and want to become a tester." }),
  },
  saveCourseAction: {
    allow: ["provider", "otherProvider"],
    setup: async () => ({
      title: "Python basics",
      track: "BACKEND_PYTHON",
      description: "A free ten-week Python course for beginners.",
      format: "ONLINE",
      language: "BE",
      startDate: inDays(30),
      durationWeeks: "10",
      hoursPerWeek: "6",
      seats: "10",
      applicationDeadline: inDays(25),
      prerequisite: "NONE",
    }),
  },
  courseStatusAction: { allow: ["provider"], setup: async () => ({ courseId: await course(), action: "close" }) },
  providerDecisionAction: {
    allow: ["provider"],
    setup: async () => ({
      enrollmentId: (
        await requestSeat(actors.owner!, { courseId: await course(), motivation: "I was dismissed and want to become a tester." })
      ).enrollmentId,
      action: "offer",
    }),
  },
  applicantResponseAction: {
    allow: ["owner"],
    setup: async () => {
      const { enrollmentId } = await requestSeat(actors.owner!, {
        courseId: await course(),
        motivation: "I was dismissed and want to become a tester.",
      });
      await providerDecide(actors.provider!, { enrollmentId, action: "offer" });
      return { enrollmentId, action: "accept" };
    },
  },
  saveFundAction: {
    allow: ["manager"],
    setup: async () => ({
      organisationId: w.orgId,
      name: "Matrix fund",
      purpose: "Living costs for dismissed workers.",
      currency: "USD",
      eligibleCategories: "DISMISSED_WORKER",
      eligiblePurposes: "LIVING_COSTS",
      cap: "1000",
      requiredApprovals: "2",
      publicationDelayDays: "7",
      legalNameRequirement: "OPTIONAL",
      phoneRequirement: "OPTIONAL",
      cityRequirement: "OPTIONAL",
      birthDateRequirement: "HIDDEN",
    }),
  },
  recordPledgeAction: {
    allow: ["manager", "donor"],
    setup: async () => ({ fundId: w.fundId, donorName: "Matrix donor", amount: "100", currency: "USD", idempotencyKey: key() }),
  },
  recordReceiptAction: {
    allow: ["manager"],
    setup: async () => ({
      pledgeId: (
        await recordPledge(
          w.fm1,
          PledgeSchema.parse({ fundId: w.fundId, donorName: "Matrix donor", amount: "100", currency: "USD", idempotencyKey: key() }),
        )
      ).pledgeId,
      amount: "50",
      currency: "USD",
      idempotencyKey: key(),
    }),
  },
  // fm1 records a receipt above the threshold; another fund manager of the organisation (fm2) confirms it.
  decideConfirmationAction: {
    allow: ["manager"],
    setup: async () => {
      const { pledgeId } = await recordPledge(
        w.fm1,
        PledgeSchema.parse({ fundId: w.fundId, donorName: "Matrix donor", amount: "5000", currency: "USD", idempotencyKey: key() }),
      );
      await recordReceipt(w.fm1, { pledgeId, amount: "5000", currency: "USD", idempotencyKey: key() });
      const r = await db().confirmationRequest.findFirstOrThrow({ where: { pledgeId, status: "PENDING" } });
      return { requestId: r.id, decision: "confirm" };
    },
  },
  lapsePledgeAction: {
    allow: ["manager"],
    setup: async () => ({
      pledgeId: (
        await recordPledge(
          w.fm1,
          PledgeSchema.parse({ fundId: w.fundId, donorName: "Matrix donor", amount: "100", currency: "USD", idempotencyKey: key() }),
        )
      ).pledgeId,
      idempotencyKey: key(),
    }),
  },
  fundCourseAction: {
    allow: ["manager"],
    setup: async () => ({ fundId: w.fundId, courseId: await course(), fee: "300", seats: "2", idempotencyKey: key() }),
  },
  requestPayoutAction: {
    allow: ["manager"],
    setup: async () => ({
      applicationId: await approved(),
      amount: "500",
      method: "BANK_TRANSFER",
      details: "BY00 TEST 0000",
      idempotencyKey: key(),
    }),
  },
  payoutStepAction: {
    allow: ["manager"],
    setup: async () => {
      const { payoutId } = await requestPayout(
        w.fm1,
        RequestPayoutSchema.parse({
          applicationId: await approved(),
          amount: "500",
          method: "BANK_TRANSFER",
          details: "BY00 TEST 0000",
          idempotencyKey: key(),
        }),
      );
      return { payoutId, action: "approve", idempotencyKey: key() };
    },
  },
  applicantPayoutAction: {
    allow: ["owner"],
    setup: async () => {
      const { payoutId } = await requestPayout(
        w.fm1,
        RequestPayoutSchema.parse({
          applicationId: await approved(),
          amount: "500",
          method: "BANK_TRANSFER",
          details: "BY00 TEST 0000",
          idempotencyKey: key(),
        }),
      );
      await payoutStep(actors.manager!, { payoutId, action: "approve", method: "", reason: "", idempotencyKey: key() });
      await payoutStep(w.fm1, { payoutId, action: "send", method: "BANK_TRANSFER", reason: "", idempotencyKey: key() });
      return { payoutId, action: "confirm", idempotencyKey: key() };
    },
  },
  // Any fund manager may import a bank file; it only ever matches payouts of their own funds.
  reconcileAction: {
    allow: ["manager", "otherManager"],
    setup: async () => ({
      idempotencyKey: key(),
      file: new File(["reference,amount,currency,status\n"], "bank.csv", { type: "text/csv" }),
    }),
  },
  reviewCaseAction: { allow: ["reviewer"], setup: async () => ({ applicationId: await submitted(), action: "shortlist" }) },
  revealIdentityAction: {
    allow: ["reviewer"],
    setup: async () => ({ applicationId: await submitted(), reason: "To check the name on the dismissal order" }),
  },
  addReviewerNoteAction: { allow: ["reviewer"], setup: async () => ({ applicationId: await submitted(), note: "Order looks genuine." }) },
  assignCaseAction: { allow: ["reviewer"], setup: async () => ({ applicationId: await submitted(), assignee: "me" }) },
  scoreCaseAction: {
    allow: ["reviewer"],
    setup: async () => {
      const id = await submitted(rubricFund);
      await act(w.r2, id, "shortlist");
      return { applicationId: id, scores: ["4", "3"] };
    },
  },
  sendApplicantMessageAction: {
    allow: ["reviewer"],
    setup: async () => ({ applicationId: await submitted(), template: "upload_document", message: "" }),
  },
  requestRevealAction: {
    allow: ["reviewer"],
    setup: async () => ({ applicationId: await submitted(strictFund), reason: "To check the name on the dismissal order" }),
  },
  decideRevealAction: {
    allow: ["reviewer"],
    setup: async () => {
      const id = await submitted(strictFund);
      await requestReveal(w.r2, id, "To check the name on the dismissal order");
      return {
        requestId: (await db().revealRequest.findFirstOrThrow({ where: { applicationId: id } })).id,
        decision: "confirm",
        applicationId: id,
      };
    },
  },
  ruleOnRejectionAction: {
    allow: ["manager"],
    setup: async () => {
      const id = await verified();
      await act(w.r2, id, "vote_reject", { reason: "Thin evidence" });
      return { applicationId: id, ruling: "overrule", reason: "The order was seen in person." };
    },
  },
  // Bulk answers with a report per case: acting on the case is what counts.
  bulkScreenAction: {
    allow: ["reviewer"],
    setup: async () => ({ action: "shortlist", ids: [await submitted()], reason: "Complete and eligible" }),
    moved: (d) => (d as { moved: number }).moved > 0,
  },
  undoBulkAction: {
    allow: ["reviewer"],
    setup: async () => ({ bulkId: (await bulkScreen(actors.reviewer!, "shortlist", [await submitted()], "Complete and eligible")).bulkId }),
  },
  grantRoleAction: {
    allow: ["admin"],
    setup: async () => ({
      userId: (await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: platformId }] })).id,
      organisationId: w.orgId,
      role: "REVIEWER",
    }),
  },
  revokeRoleAction: {
    allow: ["admin"],
    setup: async () => {
      const u = await makeUser(db(), { roles: [{ role: "REVIEWER", organisationId: w.orgId }] });
      return { membershipId: (await db().membership.findFirstOrThrow({ where: { userId: u.id } })).id };
    },
  },
  suspendUserAction: {
    allow: ["admin"],
    setup: async () => ({
      userId: (await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: platformId }] })).id,
      suspend: "1",
      confirmed: "yes",
    }),
  },
  // Reads the whole log and records the result (audit.chain_verified): admins only.
  verifyAuditChainAction: { allow: ["admin"], setup: async () => ({}) },
  publishAuditAnchorAction: { allow: ["admin"], setup: async () => ({}) },
  // Checked in the use case itself (user:reset-two-factor:any), not borrowed from role granting.
  resetTwoFactorAction: {
    allow: ["admin"],
    setup: async () => ({ userId: (await makeUser(db(), { roles: [{ role: "REVIEWER", organisationId: w.orgId }] })).id }),
  },
  signOutEverywhereAction: { allow: SIGNED_IN, setup: async () => ({}) },
  // One's own password only (the actor comes from the session; no id in the form to aim at someone else).
  setPasswordAction: {
    allow: SIGNED_IN,
    setup: async () => ({ mode: "change", current: "", password: "a new passphrase 1", passwordConfirm: "a new passphrase 1" }),
  },
  setQuickExitSignOutAction: { allow: SIGNED_IN, setup: async () => ({ signOut: "on" }) },
  signOutDeviceAction: {
    allow: ["owner"],
    setup: async () => ({ sessionId: (await startDeviceSession(actors.owner!.userId, "Mozilla/5.0 (Android 14) Firefox/130.0")).id }),
  },
  startTwoFactorAction: { allow: SIGNED_IN, setup: async () => ({}) },
  // Any applicant account with the claim code (the code is the proof); staff accounts cannot hold cases.
  claimSealedAction: {
    allow: ["owner", "otherApplicant"],
    setup: async () => {
      const code = generateClaimCode();
      await deliverSealed(await sealedFor(code), { kind: "public", client: `matrix-${crypto.randomUUID()}` });
      return { code };
    },
  },
  // Only a fund manager of the fund's organisation: another organisation's manager gets a refusal per file.
  importSealedAction: {
    allow: ["manager"],
    setup: async () => ({ fundId: w.fundId, files: new File([new Uint8Array(await sealedFor())], "sealed.age") }),
    moved: (d) => (d as { rows: { referenceCode: string | null }[] }).rows.some((r) => r.referenceCode !== null),
  },
};
// Public by design (no account needed), or acting only on the signed-in user themself with a secret.
const PUBLIC = [
  "lookupStatusAction",
  "checkEligibilityAction",
  "checkReceiptAction",
  "signInAction",
  "magicLinkAction",
  "signUpAction",
  "pseudonymousSignUpAction",
  "recoverAccountAction",
  "confirmTwoFactorAction",
  "offerCandidateAction",
  "deliverSealedAction",
  "verifyMirrorListAction",
];

type Outcome = "allowed" | "denied" | string;
async function attempt(action: Action, actor: Actor | null, fields: Fields, moved?: Row["moved"]): Promise<Outcome> {
  harness.actor = actor;
  harness.ip = `203.0.113.${crypto.randomInt(1, 250)}`;
  try {
    const r = await action(null, formOf(fields));
    if (r.ok) return !moved || moved((r as { data?: unknown }).data) ? "allowed" : "denied";
    return DENY_CODES.includes(r.code ?? "")
      ? "denied"
      : `refused ${r.code}: ${r.message} ${JSON.stringify((r as { fieldErrors?: unknown }).fieldErrors ?? {})}`;
  } catch (e) {
    const d = navigationDigest(e);
    if (d?.includes("/sign-in")) return "denied";
    if (d) return "allowed";
    return `threw ${e instanceof Error ? e.message : String(e)}`;
  }
}

describe("authorization matrix over every server action", () => {
  let actions: Map<string, Action>;

  beforeAll(async () => {
    actions = await loadActions();
    platformId = (await platformOrganisation(db())).id;
    w = await moneyWorld(["LIVING_COSTS"]);
    await db().fund.update({ where: { id: w.fundId }, data: { legalNameRequirement: "OPTIONAL" } });
    await receive(w, "100000");
    const make = async (role: "REVIEWER" | "FUND_MANAGER" | "COURSE_PROVIDER" | "DONOR" | "ADMIN" | "APPLICANT", org?: string) =>
      actorFor(
        (
          await makeUser(db(), {
            roles: [
              {
                role,
                organisationId:
                  org ??
                  (
                    await makeOrganisation(db(), {
                      kind: role === "COURSE_PROVIDER" ? "COURSE_PROVIDER" : role === "DONOR" ? "DONOR" : "FUNDER",
                    })
                  ).id,
              },
            ],
          })
        ).id,
      );
    actors = {
      signedOut: null,
      owner: await make("APPLICANT", platformId),
      otherApplicant: await make("APPLICANT", platformId),
      reviewer: w.r1,
      otherReviewer: await make("REVIEWER"),
      manager: w.fm2,
      otherManager: await make("FUND_MANAGER"),
      provider: await make("COURSE_PROVIDER"),
      otherProvider: await make("COURSE_PROVIDER"),
      donor: await make("DONOR"),
      admin: await make("ADMIN", platformId),
    };
    const fund = (o: Parameters<typeof makeFund>[2]) =>
      makeFund(db(), w.orgId, {
        perApplicantCapMinor: 1_000_000,
        eligibleCategories: ["DISMISSED_WORKER"],
        eligiblePurposes: ["LIVING_COSTS"],
        legalNameRequirement: "OPTIONAL",
        ...o,
      });
    rubricFund = (await fund({})).id;
    await db().fund.update({
      where: { id: rubricFund },
      data: {
        rubric: [
          { label: "Need", weight: 2 },
          { label: "Evidence", weight: 1 },
        ],
      },
    });
    strictFund = (await fund({})).id;
    await db().fund.update({ where: { id: strictFund }, data: { revealNeedsSecondReviewer: true } });
  }, 120_000);

  it("covers every server action: each is in the table or listed as public", () => {
    const missing = [...actions.keys()].filter((a) => !(a in TABLE) && !PUBLIC.includes(a) && !DEPLOYMENT_WIDE.includes(a));
    expect(missing).toEqual([]);
  });

  it("refuses every actor the table does not allow, and lets each allowed one through", async () => {
    const problems: string[] = [];
    for (const [name, row] of Object.entries(TABLE)) {
      const action = actions.get(row.action ?? name)!;
      // Everyone who must be refused tries the same target first (a refusal changes nothing)…
      const target = await row.setup();
      for (const kind of KINDS.filter((k) => !row.allow.includes(k))) {
        const outcome = await attempt(action, actors[kind], target, row.moved);
        if (outcome !== "denied") problems.push(`${name} by ${kind}: expected a refusal, got ${outcome}`);
      }
      // …then each allowed kind on a fresh target.
      for (const kind of row.allow) {
        const outcome = await attempt(action, actors[kind], await row.setup(), row.moved);
        if (outcome !== "allowed") problems.push(`${name} by ${kind}: expected success, got ${outcome}`);
      }
    }
    expect(problems).toEqual([]);
  }, 600_000);
});
