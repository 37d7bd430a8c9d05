// One scope rule, every use of it: a fixture of cases in and out of a staff member's scope (another
// organisation's, a draft, their own, one they declared a conflict on) is run through each place that
// applies the rule — the Prisma filters, the SQL condition, the locks of the reviewers' and the fund
// managers' actions, and the payouts' locks — and each must select the same cases. The applicant's own
// scope is checked the same way (the submission's read, the draft's lock, the applicant's payout lock).
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { saveApplication } from "@/lib/applications/save-application";
import type { Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { applicantPayoutStep } from "@/lib/payouts/confirm-payout";
import { payoutStep } from "@/lib/payouts/payout-step";
import { requestPayout } from "@/lib/payouts/request-payout";
import { PayoutStepSchema } from "@/lib/payouts/schemas";
import { caseScopeSql, caseScopeWhere, lockCaseInScope, reviewerCaseWhere, type StaffRole } from "@/lib/reviews/scope";
import { makeFund, makeOrganisation, makeUser, platformOrganisation, uniq } from "@/lib/testing/factories";

type Case = "submitted" | "approved" | "conflicted" | "draft" | "otherOrganisation" | "staffOwn";
let staff: Actor;
let applicant: Actor;
const cases = {} as Record<Case, { id: string; payoutId: string }>;
const IN_SCOPE: Case[] = ["approved", "conflicted", "submitted"];
const APPLICANTS_OWN: Case[] = ["approved", "conflicted", "draft", "otherOrganisation", "submitted"];

beforeAll(async () => {
  const platform = (await platformOrganisation(db())).id;
  const org = await makeOrganisation(db());
  const other = await makeOrganisation(db());
  const fund = await makeFund(db(), org.id);
  const otherFund = await makeFund(db(), other.id);
  const staffUser = await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: platform }] });
  const applicantUser = await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: platform }] });
  // Actors as loadActor builds them (two-factor sign-in is not what is tested here).
  staff = {
    userId: staffUser.id,
    label: "",
    email: null,
    memberships: [
      { organisationId: platform, role: "APPLICANT" },
      { organisationId: org.id, role: "REVIEWER" },
      { organisationId: org.id, role: "FUND_MANAGER" },
    ],
  };
  applicant = { userId: applicantUser.id, label: "", email: null, memberships: [{ organisationId: platform, role: "APPLICANT" }] };
  const make = async (name: Case, fundId: string, applicantId: string, status: "DRAFT" | "SUBMITTED" | "APPROVED") => {
    const app = await db().application.create({
      data: {
        fundId,
        applicantId,
        status,
        approvedAmountMinor: status === "APPROVED" ? 10_000 : null,
        referenceCode: status === "DRAFT" ? null : uniq("PAD"),
      },
    });
    const payout = await db().payout.create({
      data: {
        applicationId: app.id,
        fundId,
        amountMinor: 100,
        requestedById: staffUser.id,
        idempotencyKey: uniq("k"),
        reference: uniq("PO"),
      },
    });
    cases[name] = { id: app.id, payoutId: payout.id };
  };
  await make("submitted", fund.id, applicantUser.id, "SUBMITTED");
  await make("approved", fund.id, applicantUser.id, "APPROVED");
  await make("conflicted", fund.id, applicantUser.id, "SUBMITTED");
  await make("draft", fund.id, applicantUser.id, "DRAFT");
  await make("otherOrganisation", otherFund.id, applicantUser.id, "SUBMITTED");
  await make("staffOwn", fund.id, staffUser.id, "SUBMITTED");
  await db().review.create({ data: { applicationId: cases.conflicted.id, reviewerId: staffUser.id, conflictDeclared: true } });
});

const names = () => Object.keys(cases) as Case[];
const ids = () => names().map((n) => cases[n].id);
const nameOf = (id: string) => names().find((n) => cases[n].id === id)!;
const selected = (rows: { id: string }[]) => rows.map((r) => nameOf(r.id)).sort();
/** The cases for which `run` is answered with anything but "not found" (in scope: it got past the scope's check). */
async function passes(run: (c: { id: string; payoutId: string }) => Promise<unknown>): Promise<Case[]> {
  const out: Case[] = [];
  for (const n of names()) {
    const found = await run(cases[n]).then(
      () => true,
      (e: unknown) => (e as { code?: string }).code !== "NOT_FOUND",
    );
    if (found) out.push(n);
  }
  return out.sort();
}
const key = () => crypto.randomUUID();

describe("the staff case scope (one rule, every use)", () => {
  it.each<StaffRole>(["REVIEWER", "FUND_MANAGER"])(
    "selects the same cases as %s in the Prisma filter, the SQL condition and the lock",
    async (role) => {
      expect(
        selected(await db().application.findMany({ where: { id: { in: ids() }, ...caseScopeWhere(staff, role) }, select: { id: true } })),
      ).toEqual(IN_SCOPE);
      expect(
        selected(
          await db().$queryRaw<{ id: string }[]>(
            Prisma.sql`SELECT a.id FROM "Application" a WHERE a.id = ANY(${ids()}::text[]) AND ${caseScopeSql(staff, role)}`,
          ),
        ),
      ).toEqual(IN_SCOPE);
      expect(await passes((c) => db().$transaction((tx) => lockCaseInScope(tx, staff, c.id, role)))).toEqual(IN_SCOPE);
    },
  );

  it("leaves the conflicted case out of what a reviewer reads (and only that one)", async () => {
    expect(
      selected(await db().application.findMany({ where: { id: { in: ids() }, ...reviewerCaseWhere(staff) }, select: { id: true } })),
    ).toEqual(IN_SCOPE.filter((n) => n !== "conflicted"));
  });

  it("is the fund manager's scope for requesting a payout and for every step of one", async () => {
    // A malformed amount: in scope, the request gets as far as reading it.
    expect(
      await passes((c) =>
        requestPayout(staff, { applicationId: c.id, amount: "not an amount", method: "BANK_TRANSFER", details: "", idempotencyKey: key() }),
      ),
    ).toEqual(IN_SCOPE);
    // Resending a payout that was never sent: in scope, it is refused as "not at this stage".
    expect(
      await passes((c) =>
        payoutStep(
          staff,
          PayoutStepSchema.parse({ payoutId: c.payoutId, action: "resend", method: "BANK_TRANSFER", idempotencyKey: key() }),
        ),
      ),
    ).toEqual(IN_SCOPE);
  });

  it("is nobody's scope without the role in the case's organisation", async () => {
    const none: Actor = { ...staff, memberships: staff.memberships.filter((m) => m.role === "APPLICANT") };
    for (const role of ["REVIEWER", "FUND_MANAGER"] as const) {
      expect(await db().application.count({ where: { id: { in: ids() }, ...caseScopeWhere(none, role) } })).toBe(0);
      expect(await passes((c) => db().$transaction((tx) => lockCaseInScope(tx, none, c.id, role)))).toEqual([]);
    }
  });
});

describe("the applicant's own cases (every use)", () => {
  it("are the same for the submission's read, the draft's lock and the payout's lock", async () => {
    for (const [who, own] of [
      [applicant, APPLICANTS_OWN],
      [staff, ["staffOwn"]],
    ] as const) {
      // A submission with nothing filled in: the applicant's own case gets as far as being checked.
      expect(await passes((c) => saveApplication(who, c.id, { intent: "submit", submissionKey: key() }))).toEqual(own);
      expect(await passes((c) => saveApplication(who, c.id, { intent: "save", submissionKey: key() }))).toEqual(own);
      // Confirming a payout that was not sent: the applicant's own is refused as "not at this stage".
      expect(
        await passes((c) =>
          applicantPayoutStep(who, PayoutStepSchema.parse({ payoutId: c.payoutId, action: "confirm", idempotencyKey: key() })),
        ),
      ).toEqual(own);
    }
  });
});
