// Demo data: fictional organisations and people modelled on ../shared/docs/domain.md (never real names).
// Idempotent: fixed ids and upserts, so running it again changes nothing. Run only in the embedded demo
// mode (npm start without DATABASE_URL) or explicitly with `npm run db:seed`, which applies the migrations
// first (`--migrated`: the caller already did, as `npm start` does).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/db/generated/client";
import type { AidPurpose, ApplicationStatus, Region, SituationCategory } from "@/lib/db/generated/enums";
import { encryptField } from "@/lib/crypto/field-encryption";
import { caseKeyring, loadCaseKeys } from "@/lib/crypto/case-keys";
import { env } from "@/lib/env";
import { makeFund, makeOrganisation, makeUser, platformOrganisation } from "@/lib/testing/factories";
import { seedHistory } from "./seed-history";

export const DEMO_PASSWORD = "padtrymka-demo";
export const DEMO_DOMAIN = "demo.padtrymka.test";
const demo = (local: string) => `${local}@${DEMO_DOMAIN}`;

const DAY = 24 * 60 * 60 * 1000;

export async function seedDemo(db: PrismaClient, now = new Date()) {
  const platform = await platformOrganisation(db);
  const brightline = await makeOrganisation(db, {
    id: "demo-org-brightline",
    slug: "brightline-software",
    name: "Brightline Software (demo)",
    kind: "FUNDER",
  });
  const kvant = await makeOrganisation(db, {
    id: "demo-org-kvant",
    slug: "kvant-telematics",
    name: "Kvant Telematics (demo)",
    kind: "FUNDER",
  });
  const krok = await makeOrganisation(db, {
    id: "demo-org-krok",
    slug: "krok-it-academy",
    name: "Krok IT Academy (demo)",
    kind: "COURSE_PROVIDER",
  });
  const pixel = await makeOrganisation(db, {
    id: "demo-org-pixel",
    slug: "pixel-school",
    name: "Pixel School (demo)",
    kind: "COURSE_PROVIDER",
  });
  const donors = await makeOrganisation(db, {
    id: "demo-org-donors",
    slug: "independent-donors",
    name: "Independent donors (demo)",
    kind: "DONOR",
  });

  const users = {
    applicant: await makeUser(db, {
      email: demo("applicant"),
      password: DEMO_PASSWORD,
      roles: [{ role: "APPLICANT", organisationId: platform.id }],
    }),
    reviewer: await makeUser(db, {
      email: demo("reviewer"),
      password: DEMO_PASSWORD,
      roles: [
        { role: "REVIEWER", organisationId: brightline.id },
        { role: "REVIEWER", organisationId: kvant.id },
      ],
    }),
    reviewer2: await makeUser(db, {
      email: demo("reviewer2"),
      password: DEMO_PASSWORD,
      roles: [{ role: "REVIEWER", organisationId: brightline.id }],
    }),
    // For trying two-factor sign-in (the other demo staff accounts sign in with a password only).
    reviewer3: await makeUser(db, {
      email: demo("reviewer3"),
      password: DEMO_PASSWORD,
      roles: [{ role: "REVIEWER", organisationId: brightline.id }],
    }),
    fund: await makeUser(db, {
      email: demo("fund"),
      password: DEMO_PASSWORD,
      roles: [{ role: "FUND_MANAGER", organisationId: brightline.id }],
    }),
    fund2: await makeUser(db, {
      email: demo("fund2"),
      password: DEMO_PASSWORD,
      roles: [{ role: "FUND_MANAGER", organisationId: brightline.id }],
    }),
    provider: await makeUser(db, {
      email: demo("provider"),
      password: DEMO_PASSWORD,
      roles: [{ role: "COURSE_PROVIDER", organisationId: krok.id }],
    }),
    donor: await makeUser(db, { email: demo("donor"), password: DEMO_PASSWORD, roles: [{ role: "DONOR", organisationId: donors.id }] }),
    admin: await makeUser(db, { email: demo("admin"), password: DEMO_PASSWORD, roles: [{ role: "ADMIN", organisationId: platform.id }] }),
  };

  const academy = await makeFund(db, brightline.id, {
    id: "demo-fund-academy",
    name: "Academy Debt Relief Fund",
    purpose: "Repays the training debt that officers who resign owe the state, paid directly to the creditor.",
    perApplicantCapMinor: 2_000_000,
    eligibleCategories: ["RESIGNING_OFFICER"],
    eligiblePurposes: ["ACADEMY_DEBT"],
    evidenceHint: "Resignation order and the academy's debt demand.",
    legalNameRequirement: "REQUIRED",
    phoneRequirement: "REQUIRED",
    birthDateRequirement: "REQUIRED",
  });
  const rubric = [
    { label: "Urgency of need", weight: 3 },
    { label: "Strength of evidence", weight: 2 },
    { label: "Fit with the fund's purpose", weight: 1 },
  ];
  await db.fund.update({
    where: { id: academy.id },
    data: { verificationChecklist: ["Resignation order seen", "Academy debt demand seen"], rubric },
  });
  const rehab = await makeFund(db, brightline.id, {
    id: "demo-fund-rehab",
    name: "Rehabilitation Fund",
    purpose: "Medical rehabilitation, fines and legal costs for people detained or injured at peaceful rallies.",
    perApplicantCapMinor: 300_000,
    eligibleCategories: ["REPRESSION_VICTIM"],
    eligiblePurposes: ["MEDICAL_REHABILITATION", "FINES_LEGAL"],
    evidenceHint: "Medical report, court decision or fine notice.",
    legalNameRequirement: "OPTIONAL",
    phoneRequirement: "OPTIONAL",
  });
  // The rehabilitation fund asks a second reviewer to confirm every identity reveal.
  await db.fund.update({
    where: { id: rehab.id },
    data: { verificationChecklist: ["Medical report seen"], rubric, revealNeedsSecondReviewer: true },
  });
  const solidarity = await makeFund(db, kvant.id, {
    id: "demo-fund-solidarity",
    name: "Solidarity Fund for Dismissed Workers",
    purpose: "Living and relocation costs for workers dismissed for striking and public-sector leavers.",
    perApplicantCapMinor: 150_000,
    eligibleCategories: ["DISMISSED_WORKER", "PUBLIC_SECTOR_LEAVER"],
    eligiblePurposes: ["LIVING_COSTS", "RELOCATION"],
    evidenceHint: "Dismissal order or resignation letter.",
    legalNameRequirement: "OPTIONAL",
    phoneRequirement: "REQUIRED",
  });
  await db.fund.update({ where: { id: solidarity.id }, data: { verificationChecklist: ["Dismissal order seen"] } });

  // Pledges (pledged -> received) and receipts in the ledger, modelled on the $100k-$500k funds.
  const pledges: {
    id: string;
    fundId: string;
    donor: string;
    orgId?: string;
    amount: number;
    received: number;
    anonymous?: boolean;
    purpose?: AidPurpose;
  }[] = [
    {
      id: "demo-pledge-1",
      fundId: academy.id,
      donor: "Brightline Software (demo)",
      orgId: brightline.id,
      amount: 50_000_000,
      received: 20_000_000,
    },
    {
      id: "demo-pledge-2",
      fundId: rehab.id,
      donor: "Brightline Software (demo)",
      orgId: brightline.id,
      amount: 10_000_000,
      received: 10_000_000,
    },
    {
      id: "demo-pledge-3",
      fundId: rehab.id,
      donor: "Crowdfunding campaign",
      amount: 2_450_000,
      received: 2_450_000,
      anonymous: true,
      purpose: "MEDICAL_REHABILITATION",
    },
    {
      id: "demo-pledge-4",
      fundId: solidarity.id,
      donor: "Kvant Telematics (demo)",
      orgId: kvant.id,
      amount: 50_000_000,
      received: 15_000_000,
    },
  ];
  for (const p of pledges) {
    await db.pledge.upsert({
      where: { id: p.id },
      create: {
        createdAt: new Date(now.getTime() - 110 * DAY),
        id: p.id,
        fundId: p.fundId,
        donorDisplayName: p.donor,
        donorOrganisationId: p.orgId,
        isAnonymous: p.anonymous ?? false,
        amountMinor: p.amount,
        purposeRestriction: p.purpose,
        status: p.received >= p.amount ? "RECEIVED" : p.received > 0 ? "PARTLY_RECEIVED" : "PLEDGED",
      },
      update: {},
    });
    if (p.received > 0) {
      await db.ledgerEntry.upsert({
        where: { idempotencyKey: `demo-receipt-${p.id}` },
        create: {
          fundId: p.fundId,
          kind: "RECEIPT",
          amountMinor: p.received,
          pledgeId: p.id,
          purpose: p.purpose,
          idempotencyKey: `demo-receipt-${p.id}`,
          createdById: users.fund.id,
          createdAt: new Date(now.getTime() - 100 * DAY),
        },
        update: {},
      });
    }
  }

  // Applications across the funnel (400 -> 130 -> 27 -> 11 in the real case; a handful here).
  type Ballot = { reviewer: "reviewer" | "reviewer2"; vote: "APPROVE" | "REJECT"; reason?: string };
  const cases: {
    code: string;
    fundId: string;
    status: ApplicationStatus;
    category: SituationCategory;
    purpose: AidPurpose;
    region: Region;
    amount: number;
    ageDays: number;
    own?: boolean;
    statement: string;
    legalName?: string;
    phone?: string;
    ballots?: Ballot[];
  }[] = [
    {
      code: "PAD-DEMO-0001",
      fundId: academy.id,
      status: "SUBMITTED",
      category: "RESIGNING_OFFICER",
      purpose: "ACADEMY_DEBT",
      region: "MINSK",
      amount: 1_450_000,
      ageDays: 2,
      own: true,
      statement: "I resigned from the service and the academy demands repayment of my training.",
    },
    {
      code: "PAD-DEMO-0002",
      fundId: academy.id,
      status: "SHORTLISTED",
      category: "RESIGNING_OFFICER",
      purpose: "ACADEMY_DEBT",
      region: "GOMEL",
      amount: 1_200_000,
      ageDays: 6,
      statement: "Resigned in August; debt demand received.",
    },
    {
      code: "PAD-DEMO-0003",
      fundId: rehab.id,
      status: "SUBMITTED",
      category: "REPRESSION_VICTIM",
      purpose: "MEDICAL_REHABILITATION",
      region: "GRODNO",
      amount: 180_000,
      ageDays: 1,
      statement: "Injured during detention; need physiotherapy.",
    },
    {
      code: "PAD-DEMO-0004",
      fundId: rehab.id,
      status: "VERIFIED",
      category: "REPRESSION_VICTIM",
      purpose: "FINES_LEGAL",
      region: "BREST",
      amount: 90_000,
      ageDays: 9,
      statement: "Fined after a peaceful rally.",
    },
    {
      code: "PAD-DEMO-0005",
      fundId: solidarity.id,
      status: "SUBMITTED",
      category: "DISMISSED_WORKER",
      purpose: "LIVING_COSTS",
      region: "MOGILEV",
      amount: 100_000,
      ageDays: 3,
      statement: "Dismissed from the plant after the strike.",
    },
    {
      code: "PAD-DEMO-0006",
      fundId: rehab.id,
      status: "NEEDS_INFO",
      category: "REPRESSION_VICTIM",
      purpose: "MEDICAL_REHABILITATION",
      region: "MINSK",
      amount: 120_000,
      ageDays: 5,
      own: true,
      statement: "Physiotherapy after an injury during detention.",
    },
    // Approved by reviewer and reviewer2, waiting for a payout (the fund managers' demo).
    {
      code: "PAD-DEMO-0007",
      fundId: rehab.id,
      status: "APPROVED",
      category: "REPRESSION_VICTIM",
      purpose: "MEDICAL_REHABILITATION",
      region: "VITEBSK",
      amount: 150_000,
      ageDays: 12,
      own: true,
      statement: "Rehabilitation after a spinal injury in detention; clinic invoice attached.",
    },
    {
      code: "PAD-DEMO-0008",
      fundId: rehab.id,
      status: "APPROVED",
      category: "REPRESSION_VICTIM",
      purpose: "FINES_LEGAL",
      region: "GOMEL",
      amount: 80_000,
      ageDays: 11,
      statement: "Court fine after a peaceful rally; lawyer's invoice attached.",
    },
    // Scored with the Academy fund's rubric (the reviewers' demo of scoring and the score sort).
    {
      code: "PAD-DEMO-0009",
      fundId: academy.id,
      status: "SHORTLISTED",
      category: "RESIGNING_OFFICER",
      purpose: "ACADEMY_DEBT",
      region: "VITEBSK",
      amount: 1_600_000,
      ageDays: 4,
      statement: "Left the service after the election; the academy wants the full cost of training back.",
    },
    // Held by reviewer2's rejection: the fund managers' demo of ruling on it.
    {
      code: "PAD-DEMO-0010",
      fundId: rehab.id,
      status: "VERIFIED",
      category: "REPRESSION_VICTIM",
      purpose: "MEDICAL_REHABILITATION",
      region: "MOGILEV",
      amount: 140_000,
      ageDays: 8,
      statement: "Concussion during detention; the neurologist prescribed a rehabilitation course.",
      ballots: [
        { reviewer: "reviewer", vote: "APPROVE" },
        { reviewer: "reviewer2", vote: "REJECT", reason: "The medical report is not dated." },
      ],
    },
    // Fresh submissions to screen in bulk.
    {
      code: "PAD-DEMO-0011",
      fundId: solidarity.id,
      status: "SUBMITTED",
      category: "DISMISSED_WORKER",
      purpose: "LIVING_COSTS",
      region: "GRODNO",
      amount: 90_000,
      ageDays: 2,
      statement: "Dismissed from the tractor plant for joining the strike committee.",
    },
    {
      code: "PAD-DEMO-0012",
      fundId: solidarity.id,
      status: "SUBMITTED",
      category: "PUBLIC_SECTOR_LEAVER",
      purpose: "RELOCATION",
      region: "BREST",
      amount: 120_000,
      ageDays: 2,
      statement: "Quit my teaching post after being told to falsify the vote count.",
    },
    // Identity given; the Rehabilitation fund needs a second reviewer to confirm a reveal.
    {
      code: "PAD-DEMO-0013",
      fundId: rehab.id,
      status: "SUBMITTED",
      category: "REPRESSION_VICTIM",
      purpose: "FINES_LEGAL",
      region: "VITEBSK",
      amount: 60_000,
      ageDays: 1,
      statement: "Fined twice for a white-red-white ribbon; the lawyer's invoice is attached.",
      legalName: "Alesia Demo-Kavalenka",
      phone: "+375 29 000-00-13",
    },
  ];
  const pseudonymous = await makeUser(db, {
    email: null,
    username: "demo-applicant-quiet-river",
    password: DEMO_PASSWORD,
    roles: [{ role: "APPLICANT", organisationId: platform.id }],
  });
  for (const [i, c] of cases.entries()) {
    const id = `demo-application-${i + 1}`;
    const submittedAt = new Date(now.getTime() - c.ageDays * DAY);
    // Each case's personal data under its own data key, as the app writes it (docs/decisions/0017).
    await loadCaseKeys(db, [id], { create: true });
    const caseRing = caseKeyring(id);
    await db.application.upsert({
      where: { id },
      create: {
        id,
        referenceCode: c.code,
        applicantId: c.own ? users.applicant.id : pseudonymous.id,
        fundId: c.fundId,
        status: c.status,
        category: c.category,
        purpose: c.purpose,
        region: c.region,
        requestedAmountMinor: c.amount,
        statementEnc: encryptField(caseRing, c.statement, `Application.statement:${id}`),
        legalNameEnc: c.legalName ? encryptField(caseRing, c.legalName, `Application.legalName:${id}`) : undefined,
        phoneEnc: c.phone ? encryptField(caseRing, c.phone, `Application.phone:${id}`) : undefined,
        submittedAt,
        returnStatus: c.status === "NEEDS_INFO" ? "SHORTLISTED" : undefined,
        approvedAmountMinor: c.status === "APPROVED" ? c.amount : undefined,
        statusChanges: {
          create: [
            { fromStatus: "DRAFT", toStatus: "SUBMITTED", createdAt: submittedAt },
            ...(c.status === "APPROVED"
              ? (["SHORTLISTED", "VERIFIED", "APPROVED"] as const).map((to, k) => ({
                  fromStatus: (["SUBMITTED", "SHORTLISTED", "VERIFIED"] as const)[k],
                  toStatus: to,
                  createdAt: new Date(submittedAt.getTime() + (k + 1) * DAY),
                }))
              : c.status !== "SUBMITTED"
                ? [{ fromStatus: "SUBMITTED" as const, toStatus: c.status }]
                : []),
          ],
        },
      },
      update: {},
    });
    for (const b of c.ballots ?? []) {
      const reviewerId = users[b.reviewer].id;
      await db.review.upsert({
        where: { applicationId_reviewerId: { applicationId: id, reviewerId } },
        create: {
          applicationId: id,
          reviewerId,
          vote: b.vote,
          approvedAmountMinor: b.vote === "APPROVE" ? c.amount : null,
          reason: b.reason ?? null,
        },
        update: {},
      });
    }
    if (c.status === "APPROVED") {
      for (const reviewerId of [users.reviewer.id, users.reviewer2.id]) {
        await db.review.upsert({
          where: { applicationId_reviewerId: { applicationId: id, reviewerId } },
          create: { applicationId: id, reviewerId, vote: "APPROVE", approvedAmountMinor: c.amount },
          update: {},
        });
      }
    }
    if (c.status === "NEEDS_INFO") {
      const messageId = `demo-message-${i + 1}`;
      await db.applicationMessage.upsert({
        where: { id: messageId },
        create: {
          id: messageId,
          applicationId: id,
          authorId: users.reviewer.id,
          kind: "INFO_REQUEST",
          bodyEnc: encryptField(
            caseRing,
            "Please add the date of the medical report and the clinic's name.",
            `ApplicationMessage.body:${messageId}`,
          ),
        },
        update: {},
      });
    }
  }

  // Courses in several regional centres and online.
  const courses = [
    {
      id: "demo-course-frontend",
      providerId: krok.id,
      title: "Front-end from zero (evening)",
      track: "WEB_FRONTEND",
      format: "ONLINE",
      cities: [],
      language: "RU",
      weeks: 12,
      hours: 8,
      seats: 30,
      prerequisite: "BASIC_COMPUTER",
      hiring: true,
      startsIn: 14,
    },
    {
      id: "demo-course-python",
      providerId: krok.id,
      title: "Python for beginners",
      track: "BACKEND_PYTHON",
      format: "HYBRID",
      cities: ["MINSK", "GOMEL"],
      language: "BE",
      weeks: 10,
      hours: 10,
      seats: 20,
      prerequisite: "NONE",
      hiring: false,
      startsIn: 21,
    },
    {
      id: "demo-course-qa",
      providerId: krok.id,
      title: "Manual and automated QA",
      track: "QA",
      format: "IN_PERSON",
      cities: ["GRODNO", "BREST"],
      language: "RU",
      weeks: 8,
      hours: 12,
      seats: 15,
      prerequisite: "BASIC_COMPUTER",
      hiring: true,
      startsIn: 30,
    },
    {
      id: "demo-course-design",
      providerId: pixel.id,
      title: "UI/UX design basics",
      track: "DESIGN",
      format: "ONLINE",
      cities: [],
      language: "BE",
      weeks: 10,
      hours: 6,
      seats: 25,
      prerequisite: "NONE",
      hiring: false,
      startsIn: 10,
    },
    {
      id: "demo-course-pm",
      providerId: pixel.id,
      title: "Project management for career changers",
      track: "PROJECT_MANAGEMENT",
      format: "IN_PERSON",
      cities: ["VITEBSK", "MOGILEV"],
      language: "RU",
      weeks: 9,
      hours: 6,
      seats: 18,
      prerequisite: "NONE",
      hiring: true,
      startsIn: 28,
    },
    {
      id: "demo-course-ba",
      providerId: pixel.id,
      title: "Business analysis",
      track: "BUSINESS_ANALYSIS",
      format: "ONLINE",
      cities: [],
      language: "EN",
      weeks: 12,
      hours: 6,
      seats: 20,
      prerequisite: "BASIC_COMPUTER",
      hiring: false,
      startsIn: 35,
    },
  ] as const;
  for (const c of courses) {
    await db.course.upsert({
      where: { id: c.id },
      create: {
        id: c.id,
        providerId: c.providerId,
        title: c.title,
        track: c.track,
        description: `${c.title}: a free ${c.weeks}-week course for people who lost their jobs. Mentors review every assignment.`,
        format: c.format,
        cities: [...c.cities],
        language: c.language,
        startDate: new Date(now.getTime() + c.startsIn * DAY),
        durationWeeks: c.weeks,
        hoursPerWeek: c.hours,
        seats: c.seats,
        applicationDeadline: new Date(now.getTime() + (c.startsIn - 5) * DAY),
        prerequisite: c.prerequisite,
        eligibleGroups: ["DISMISSED_WORKER", "PUBLIC_SECTOR_LEAVER", "REPRESSION_VICTIM", "RESIGNING_OFFICER"],
        hiringPledge: c.hiring,
        status: "PUBLISHED",
      },
      update: {},
    });
  }
  await seedHistory(
    db,
    now,
    [
      {
        fundId: academy.id,
        currency: "USD",
        category: ["RESIGNING_OFFICER"],
        purposes: ["ACADEMY_DEBT"],
        counts: [34, 15, 9, 7, 6],
        amount: [900_000, 1_800_000],
      },
      {
        fundId: rehab.id,
        currency: "USD",
        category: ["REPRESSION_VICTIM"],
        purposes: ["MEDICAL_REHABILITATION", "FINES_LEGAL"],
        counts: [46, 24, 17, 13, 12],
        amount: [40_000, 250_000],
      },
      {
        fundId: solidarity.id,
        currency: "USD",
        category: ["DISMISSED_WORKER", "PUBLIC_SECTOR_LEAVER"],
        purposes: ["LIVING_COSTS", "RELOCATION"],
        counts: [28, 11, 8, 7, 6],
        amount: [50_000, 150_000],
      },
    ],
    { reviewer: users.reviewer.id, reviewer2: users.reviewer2.id, fund: users.fund.id, fund2: users.fund2.id },
  );
  return { users, funds: { academy, rehab, solidarity } };
}

/** `npm run db:seed` on a database the app never started on: its migrations first (`npm start` has done them). */
function applyMigrations() {
  console.log("[seed] applying migrations first (as npm run db:migrate does)");
  const r = spawnSync(process.execPath, [path.join(import.meta.dirname, "..", "scripts", "prisma-wasm.mjs"), "deploy"], {
    stdio: "inherit",
    env: { ...process.env, CHECKPOINT_DISABLE: "1" },
  });
  if (r.status !== 0) throw new Error("migrations failed; nothing was seeded");
}

async function main() {
  const connectionString = env().DATABASE_URL; // a missing or wrong setting stops here, naming the variable
  if (!process.argv.includes("--migrated")) applyMigrations();
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
  try {
    if (process.argv.includes("--if-empty") && (await db.user.count({ where: { email: demo("admin") } })) > 0) {
      console.log("[seed] demo data already present");
      return;
    }
    await seedDemo(db);
    console.log(
      `[seed] demo data ready: sign in as ${demo("applicant")} (or reviewer, reviewer2, fund, fund2, provider, donor, admin) with the password ${DEMO_PASSWORD}`,
    );
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(`[seed] failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
