// Records of a test's own, made straight in the e2e database, so a test that changes a case, a fund or an
// account changes only what it made: the demo data stays as README.md describes it (other specs and the
// acceptance probes read it), and the specs are independent of each other and of their order.
// Each call makes new rows (unique names, e-mails and reference codes), in the shapes the seed makes
// (lib/testing/factories.ts, prisma/seed.ts). Specs get them as the `make` fixture (e2e/fixtures.ts), which
// opens the database once per worker outside the tests' time. The funds are eligible for "Other" only, so
// no eligibility check of a spec ever lists them.
import crypto from "node:crypto";
import type { AidPurpose, ApplicationStatus, Region, Role, SituationCategory } from "@/lib/db/generated/enums";
import type { Prisma } from "@/lib/db/generated/client";
import { hashPassword } from "@/lib/auth/password";
import { generateReferenceCode } from "@/lib/applications/rules";
import { encryptField } from "@/lib/crypto/field-encryption";
import { makeFund, makeOrganisation, makeUser, platformOrganisation, uniq } from "@/lib/testing/factories";
import { uniqueEmail } from "../fixtures";
import { e2eDatabase } from "./e2e-database";

const PASSWORD = "padtrymka-e2e-factory";
const DAY = 24 * 60 * 60 * 1000;

export type Account = {
  id: string;
  email: string | null;
  username: string | null;
  /** what the sign-in form takes */ login: string;
  password: string;
};
export type Fund = { id: string; name: string; organisationId: string };
export type Case = { id: string; referenceCode: string };

let hashed: Promise<string> | undefined;
const passwordHash = () => (hashed ??= hashPassword(PASSWORD)); // one slow hash per worker

async function account(prefix: string, roles: { role: Role; organisationId: string }[], o: { email?: boolean } = {}): Promise<Account> {
  const db = await e2eDatabase();
  const email = o.email === false ? null : uniqueEmail(prefix);
  const username = email ? undefined : `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
  const u = await makeUser(db, { email, username, passwordHash: await passwordHash(), roles });
  return { id: u.id, email: u.email, username: u.username, login: u.email ?? u.username!, password: PASSWORD };
}

/** An applicant (with an e-mail address unless `email: false`, then a username). */
async function makeApplicant(o: { email?: boolean } = {}): Promise<Account> {
  const platform = await platformOrganisation(await e2eDatabase());
  return account("applicant", [{ role: "APPLICANT", organisationId: platform.id }], o);
}

/** A donor of an organisation of their own. */
async function makeDonor(): Promise<Account> {
  const org = await makeOrganisation(await e2eDatabase(), { name: `E2E donors ${uniq("d")}`, kind: "DONOR" });
  return account("donor", [{ role: "DONOR", organisationId: org.id }]);
}

/** A course provider of an organisation of their own. */
async function makeProvider(): Promise<Account> {
  const org = await makeOrganisation(await e2eDatabase(), { name: `E2E academy ${uniq("p")}`, kind: "COURSE_PROVIDER" });
  return account("provider", [{ role: "COURSE_PROVIDER", organisationId: org.id }]);
}

type FundOptions = NonNullable<Parameters<typeof makeFund>[2]> & {
  settings?: Pick<
    Prisma.FundUpdateInput,
    "verificationChecklist" | "rubric" | "revealNeedsSecondReviewer" | "publicationDelayDays" | "receiptConfirmationAboveMinor"
  >;
};

/** Another fund of `organisationId`. */
async function makeFundOf(organisationId: string, o: FundOptions = {}): Promise<Fund> {
  const db = await e2eDatabase();
  const { settings, ...fields } = o;
  const fund = await makeFund(db, organisationId, {
    name: `E2E fund ${uniq("f")}`,
    eligibleCategories: ["OTHER"],
    eligiblePurposes: ["OTHER"],
    ...fields,
  });
  if (settings) await db.fund.update({ where: { id: fund.id }, data: settings });
  return { id: fund.id, name: fund.name, organisationId };
}

/** A funder organisation with one fund, its reviewers and its fund managers (none unless asked). */
async function makeFunder(o: { reviewers?: number; managers?: number; fund?: FundOptions } = {}) {
  const db = await e2eDatabase();
  const organisation = await makeOrganisation(db, { name: `E2E funder ${uniq("o")}`, kind: "FUNDER" });
  const fund = await makeFundOf(organisation.id, o.fund);
  const staff = (prefix: string, role: Role, n = 0) =>
    Promise.all(Array.from({ length: n }, () => account(prefix, [{ role, organisationId: organisation.id }])));
  const [reviewers, managers] = await Promise.all([
    staff("reviewer", "REVIEWER", o.reviewers),
    staff("manager", "FUND_MANAGER", o.managers),
  ]);
  return { organisation: { id: organisation.id, name: organisation.name }, fund, reviewers, managers };
}

/**
 * A case of `fund` at `status`, as the seed makes its demo cases: personal data under the case's own key,
 * the stage history (which keeps the funnel counters), the ballots, and for APPROVED the approvals of
 * `approvedBy` with the asked amount. `infoRequest`: the reviewer's question a NEEDS_INFO case waits on.
 */
async function makeCase(
  fund: Fund,
  o: {
    applicant?: Account;
    status: Exclude<ApplicationStatus, "DRAFT">;
    statement?: string;
    amountMinor?: number;
    category?: SituationCategory;
    purpose?: AidPurpose;
    region?: Region;
    ageDays?: number;
    legalName?: string;
    phone?: string;
    returnStatus?: ApplicationStatus;
    ballots?: { reviewer: Account; vote: "APPROVE" | "REJECT"; reason?: string }[];
    approvedBy?: Account[];
    infoRequest?: { from: Account; text: string };
  },
): Promise<Case> {
  const db = await e2eDatabase();
  // Imported here, after e2eDatabase() made `server-only` importable (e2e/support/e2e-database.ts).
  const { caseKeyring, loadCaseKeys } = await import("@/lib/crypto/case-keys");
  const applicant = o.applicant ?? (await makeApplicant({ email: false }));
  const id = uniq("e2e-case");
  const referenceCode = generateReferenceCode();
  const amount = o.amountMinor ?? 100_000;
  const submittedAt = new Date(Date.now() - (o.ageDays ?? 1) * DAY);
  await loadCaseKeys(db, [id], { create: true });
  const ring = caseKeyring(id);
  const path: { fromStatus: ApplicationStatus; toStatus: ApplicationStatus; createdAt?: Date }[] = [
    { fromStatus: "DRAFT", toStatus: "SUBMITTED", createdAt: submittedAt },
  ];
  if (o.status === "APPROVED") {
    (["SHORTLISTED", "VERIFIED", "APPROVED"] as const).forEach((to, k) =>
      path.push({
        fromStatus: (["SUBMITTED", "SHORTLISTED", "VERIFIED"] as const)[k]!,
        toStatus: to,
        createdAt: new Date(submittedAt.getTime() + (k + 1) * DAY),
      }),
    );
  } else if (o.status !== "SUBMITTED") path.push({ fromStatus: "SUBMITTED", toStatus: o.status });
  await db.application.create({
    data: {
      id,
      referenceCode,
      applicantId: applicant.id,
      fundId: fund.id,
      status: o.status,
      category: o.category ?? "OTHER",
      purpose: o.purpose ?? "OTHER",
      region: o.region ?? "MINSK",
      requestedAmountMinor: amount,
      statementEnc: encryptField(ring, o.statement ?? "A statement made for an end-to-end test.", `Application.statement:${id}`),
      legalNameEnc: o.legalName ? encryptField(ring, o.legalName, `Application.legalName:${id}`) : undefined,
      phoneEnc: o.phone ? encryptField(ring, o.phone, `Application.phone:${id}`) : undefined,
      submittedAt,
      returnStatus: o.returnStatus ?? (o.status === "NEEDS_INFO" ? "SHORTLISTED" : undefined),
      approvedAmountMinor: o.status === "APPROVED" ? amount : undefined,
      statusChanges: { create: path },
    },
  });
  const ballots = [
    ...(o.ballots ?? []),
    ...(o.approvedBy ?? []).map((reviewer) => ({ reviewer, vote: "APPROVE" as const, reason: undefined })),
  ];
  for (const b of ballots) {
    await db.review.create({
      data: {
        applicationId: id,
        reviewerId: b.reviewer.id,
        vote: b.vote,
        approvedAmountMinor: b.vote === "APPROVE" ? amount : null,
        reason: b.reason ?? null,
      },
    });
  }
  if (o.infoRequest) {
    const messageId = uniq("e2e-message");
    await db.applicationMessage.create({
      data: {
        id: messageId,
        applicationId: id,
        authorId: o.infoRequest.from.id,
        kind: "INFO_REQUEST",
        bodyEnc: encryptField(ring, o.infoRequest.text, `ApplicationMessage.body:${messageId}`),
      },
    });
  }
  return { id, referenceCode };
}

/**
 * Past weeks of a fund's life, as prisma/seed-history.ts makes the demo's: `count` cases paid `amountMinor`
 * each (payout, ledger entries, Merkle leaf), with the money for them received first from "E2E earlier
 * gifts", so the fund's public figures pass the small-number threshold (5 people) and its balance is as before.
 */
async function makePaidHistory(
  fund: Fund,
  o: { count: number; amountMinor: number; reviewers: Account[]; managers: [Account, Account] },
): Promise<void> {
  const db = await e2eDatabase();
  const { leafHash, newSalt, weekStartOf } = await import("@/lib/money/merkle");
  const [requester, approver] = o.managers;
  const total = o.count * o.amountMinor;
  const pledge = await db.pledge.create({
    data: {
      fundId: fund.id,
      donorDisplayName: "E2E earlier gifts",
      amountMinor: total,
      status: "RECEIVED",
      createdAt: new Date(Date.now() - 40 * DAY),
    },
  });
  await db.ledgerEntry.create({
    data: {
      fundId: fund.id,
      kind: "RECEIPT",
      amountMinor: total,
      pledgeId: pledge.id,
      idempotencyKey: uniq("e2e-receipt"),
      createdById: requester.id,
      createdAt: new Date(Date.now() - 35 * DAY),
    },
  });
  for (let i = 0; i < o.count; i++) {
    const c = await makeCase(fund, { status: "APPROVED", amountMinor: o.amountMinor, ageDays: 30, approvedBy: o.reviewers });
    const approvedAt = new Date(Date.now() - 26 * DAY);
    const sentAt = new Date(Date.now() - 25 * DAY);
    await db.application.update({
      where: { id: c.id },
      data: { status: "PAID", statusChanges: { create: { fromStatus: "APPROVED", toStatus: "PAID", createdAt: sentAt } } },
    });
    const payout = await db.payout.create({
      data: {
        applicationId: c.id,
        fundId: fund.id,
        amountMinor: o.amountMinor,
        status: "CONFIRMED",
        method: "BANK_TRANSFER",
        requestedById: requester.id,
        approvedById: approver.id,
        sentAt,
        confirmedAt: sentAt,
        idempotencyKey: uniq("e2e-payout"),
        reference: generateReferenceCode().replace("PAD-", "PO-"),
        createdAt: approvedAt,
      },
    });
    const entry = (kind: "COMMITMENT" | "COMMITMENT_RELEASE" | "PAYOUT", createdAt: Date) => ({
      fundId: fund.id,
      kind,
      amountMinor: o.amountMinor,
      payoutId: payout.id,
      idempotencyKey: `payout:${payout.id}:${kind}:1:ANY`,
      createdById: approver.id,
      createdAt,
    });
    for (const e of [entry("COMMITMENT", approvedAt), entry("COMMITMENT_RELEASE", sentAt), entry("PAYOUT", sentAt)])
      await db.ledgerEntry.create({ data: e });
    const weekStart = weekStartOf(sentAt);
    const salt = newSalt();
    await db.payoutReceipt.create({
      data: {
        payoutId: payout.id,
        fundId: fund.id,
        weekStart: new Date(`${weekStart}T00:00:00Z`),
        salt,
        leafHash: leafHash({ fundId: fund.id, weekStart, amountMinor: o.amountMinor, currency: "USD", salt }),
        createdAt: sentAt,
      },
    });
  }
}

/** Opens the database, loads the server modules and hashes the password: what the first call would do. */
async function warmUp(): Promise<void> {
  await Promise.all([e2eDatabase().then(() => import("@/lib/crypto/case-keys")), passwordHash()]);
}

export const make = {
  applicant: makeApplicant,
  donor: makeDonor,
  provider: makeProvider,
  funder: makeFunder,
  fund: makeFundOf,
  case: makeCase,
  paidHistory: makePaidHistory,
  warmUp,
};
export type Make = typeof make;
