// "Paid by a fund": a fund manager marks a course with a fee as paid by one of their funds. When a student
// accepts a seat in it, the same transaction opens a pre-approved case in that fund for the fee and
// requests a payout straight to the provider (third party), requested in the name of the manager who
// funded the course, so another fund manager approves it as usual. The applicant never handles the money.
import "server-only";
import { generateReferenceCode } from "@/lib/applications/rules";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, orgsWithRole, type Actor } from "@/lib/authz/actor";
import { encrypt } from "@/lib/crypto";
import { db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { once } from "@/lib/money/idempotency";
import { parseMoneyInput } from "@/lib/money/money";
import { generatePayoutReference } from "@/lib/payouts/rules";

export async function fundCourse(actor: Actor, input: { fundId: string; courseId: string; fee: string; idempotencyKey: string }): Promise<{ courseId: string }> {
  assertCan(actor, "fund:manage:org");
  return db().$transaction((tx) =>
    once(tx, actor.userId, input.idempotencyKey, "course.fund", async () => {
      const fund = await tx.fund.findFirst({ where: { id: input.fundId, organisationId: { in: orgsWithRole(actor, "FUND_MANAGER") } }, select: { id: true, currency: true, perApplicantCapMinor: true } });
      if (!fund) throw new AppError("NOT_FOUND", "fund not found");
      const course = await tx.course.findFirst({ where: { id: input.courseId, status: "PUBLISHED" }, select: { id: true, fundId: true } });
      if (!course) throw new AppError("NOT_FOUND", "course not found");
      if (course.fundId && course.fundId !== fund.id) throw new AppError("CONFLICT", "funded elsewhere", undefined, "courses.fundedElsewhere");
      const fee = parseMoneyInput(input.fee, fund.currency);
      if (!fee) throw new AppError("INVALID_INPUT", "fee", { fee: ["amount_format"] });
      if (fee > fund.perApplicantCapMinor) throw new AppError("INVALID_INPUT", "over cap", { fee: ["amount_over_cap"] });
      await tx.course.update({ where: { id: course.id }, data: { fundId: fund.id, feeMinor: fee, fundedById: actor.userId, isFree: false } });
      await recordAuditEvent(tx, { actorId: actor.userId, action: "course.funded", entityType: "Course", entityId: course.id, data: { fundId: fund.id, feeMinor: fee } });
      return { courseId: course.id };
    }),
  );
}

/** Inside the acceptance transaction: the pre-approved case and the payout request for a funded course. */
export async function requestFeePayout(tx: Tx, enrollmentId: string, applicantId: string, courseId: string): Promise<string | null> {
  const course = await tx.course.findUniqueOrThrow({ where: { id: courseId }, select: { id: true, title: true, fundId: true, feeMinor: true, fundedById: true, provider: { select: { name: true } } } });
  if (!course.fundId || !course.feeMinor || !course.fundedById) return null;
  const profile = await tx.applicantProfile.findUnique({ where: { userId: applicantId }, select: { situation: true, region: true } });
  const now = new Date();
  const app = await tx.application.create({
    data: {
      referenceCode: generateReferenceCode(),
      applicantId,
      fundId: course.fundId,
      status: "APPROVED",
      category: profile?.situation ?? "OTHER",
      purpose: "OTHER",
      region: profile?.region ?? null,
      requestedAmountMinor: course.feeMinor,
      approvedAmountMinor: course.feeMinor,
      submittedAt: now,
    },
    select: { id: true },
  });
  for (const [from, to] of [[null, "SUBMITTED"], ["SUBMITTED", "APPROVED"]] as const) {
    await tx.applicationStatusChange.create({ data: { applicationId: app.id, fromStatus: from, toStatus: to, actorId: course.fundedById, reason: `course fee pre-approved (${course.id})` } });
  }
  const payout = await tx.payout.create({
    data: { applicationId: app.id, fundId: course.fundId, amountMinor: course.feeMinor, method: "THIRD_PARTY", requestedById: course.fundedById, idempotencyKey: `enrolment:${enrollmentId}`, reference: generatePayoutReference() },
    select: { id: true },
  });
  await tx.payout.update({ where: { id: payout.id }, data: { detailsEnc: encrypt(`Course fee: ${course.title} — ${course.provider.name}`, `Payout.details:${payout.id}`) } });
  await recordAuditEvent(tx, { actorId: null, action: "payout.requested_for_course_fee", entityType: "Payout", entityId: payout.id, data: { applicationId: app.id, fundId: course.fundId, courseId: course.id, amountMinor: course.feeMinor } });
  return payout.id;
}

/** Published courses with a fee that a manager may fund, and those their funds already pay for. */
export async function fundableCourses(actor: Actor, fundId: string) {
  assertCan(actor, "fund:read:org");
  return db().course.findMany({
    where: { status: "PUBLISHED", OR: [{ isFree: false, fundId: null }, { fundId }] },
    orderBy: { startDate: "asc" },
    take: 100,
    select: { id: true, title: true, fundId: true, feeMinor: true, provider: { select: { name: true } } },
  });
}
