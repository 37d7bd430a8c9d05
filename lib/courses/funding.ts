// "Paid by a fund": a fund manager agrees to pay a course's fee for a fixed number of students, at a fixed
// fee — a budget of seats × fee (docs/decisions/0029-course-funding-terms.md). When a student accepts a
// seat, the same transaction opens a pre-approved case in that fund for the fee — the manager's agreement
// is the decision, bounded by the seats agreed (a counter with a CHECK in the database) — and requests a
// payout straight to the provider (third party) in that manager's name, so another fund manager approves
// it as usual. The applicant never handles the money. When the provider changes the course's terms
// (seats, dates, format, free or not), the funding is suspended until a fund manager accepts the change
// (lib/courses/manage-courses.ts); students who accept meanwhile get their fee case when it resumes.
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

export async function fundCourse(
  actor: Actor,
  input: { fundId: string; courseId: string; fee: string; seats: number; idempotencyKey: string },
): Promise<{ courseId: string; opened: number }> {
  assertCan(actor, "fund:manage:org");
  return db().$transaction((tx) =>
    once(tx, actor.userId, input.idempotencyKey, "course.fund", async () => {
      const fund = await tx.fund.findFirst({
        where: { id: input.fundId, organisationId: { in: orgsWithRole(actor, "FUND_MANAGER") } },
        select: { id: true, currency: true, perApplicantCapMinor: true },
      });
      if (!fund) throw new AppError("NOT_FOUND", "fund not found");
      const rows = await tx.$queryRaw<
        {
          id: string;
          fundId: string | null;
          seats: number;
          feeMinor: number | null;
          fundedSeatsUsed: number;
          fundingSuspendedAt: Date | null;
        }[]
      >`
        SELECT id, "fundId", seats, "feeMinor", "fundedSeatsUsed", "fundingSuspendedAt" FROM "Course" WHERE id = ${input.courseId} AND status = 'PUBLISHED' FOR UPDATE`;
      const course = rows[0];
      if (!course) throw new AppError("NOT_FOUND", "course not found");
      if (course.fundId && course.fundId !== fund.id)
        throw new AppError("CONFLICT", "funded elsewhere", { messageKey: "courses.fundedElsewhere" });
      const fee = parseMoneyInput(input.fee, fund.currency);
      if (!fee) throw new AppError("INVALID_INPUT", "fee", { fieldErrors: { fee: ["amount_format"] } });
      if (fee > fund.perApplicantCapMinor) throw new AppError("INVALID_INPUT", "over cap", { fieldErrors: { fee: ["amount_over_cap"] } });
      // The fee of students already paid for is settled: it cannot change under them.
      if (course.fundedSeatsUsed > 0 && course.feeMinor !== fee)
        throw new AppError("INVALID_INPUT", "fee fixed", { fieldErrors: { fee: ["fee_fixed_once_used"] } });
      if (input.seats > course.seats)
        throw new AppError("INVALID_INPUT", "more than the course", {
          fieldErrors: { seats: ["funded_seats_over_course"] },
          messageKey: "courses.fundedSeatsOverCourse",
          messageValues: { seats: course.seats },
        });
      if (input.seats < course.fundedSeatsUsed)
        throw new AppError("INVALID_INPUT", "below used", {
          fieldErrors: { seats: ["funded_seats_below_used"] },
          messageKey: "courses.fundedSeatsBelowUsed",
          messageValues: { used: course.fundedSeatsUsed },
        });
      await tx.course.update({
        where: { id: course.id },
        data: {
          fundId: fund.id,
          feeMinor: fee,
          fundedSeats: input.seats,
          fundedById: actor.userId,
          isFree: false,
          fundingSuspendedAt: null,
        },
      });
      await recordAuditEvent(tx, {
        actorId: actor.userId,
        action: "course.funded",
        entityType: "Course",
        entityId: course.id,
        data: { fundId: fund.id, feeMinor: fee, seats: input.seats, budgetMinor: fee * input.seats, resumed: !!course.fundingSuspendedAt },
      });
      // Students who accepted while the funding was suspended get their fee case now, within the seats.
      const waiting = await tx.enrollment.findMany({
        where: { courseId: course.id, feeCaseId: null, status: { in: ["ACCEPTED", "ATTENDING", "COMPLETED", "HIRED"] } },
        orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
        select: { id: true, applicantId: true },
      });
      let opened = 0;
      for (const e of waiting) {
        if (!(await requestFeePayout(tx, e.id, e.applicantId, course.id))) break;
        opened += 1;
      }
      return { courseId: course.id, opened };
    }),
  );
}

/**
 * Inside the acceptance transaction (or when funding resumes): the pre-approved case and the payout request
 * for a funded course, if the fund still pays for one more seat. Returns the payout's id, or null when the
 * course is not funded, the funding is suspended or its seats are used up (the seat itself is not affected).
 */
export async function requestFeePayout(tx: Tx, enrollmentId: string, applicantId: string, courseId: string): Promise<string | null> {
  const enrolment = await tx.enrollment.findUniqueOrThrow({ where: { id: enrollmentId }, select: { feeCaseId: true } });
  if (enrolment.feeCaseId) return null; // a seat is paid once
  // One seat of the agreement, claimed in the database: the CHECK on the counter holds under any race.
  const claimed = await tx.$executeRaw`
    UPDATE "Course" SET "fundedSeatsUsed" = "fundedSeatsUsed" + 1, "updatedAt" = now()
    WHERE id = ${courseId} AND "fundId" IS NOT NULL AND "feeMinor" IS NOT NULL AND "fundedById" IS NOT NULL
      AND "fundingSuspendedAt" IS NULL AND "fundedSeatsUsed" < COALESCE("fundedSeats", 0)`;
  if (claimed === 0) return null;
  const course = await tx.course.findUniqueOrThrow({
    where: { id: courseId },
    select: { id: true, title: true, fundId: true, feeMinor: true, fundedById: true, provider: { select: { name: true } } },
  });
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
  for (const [from, to] of [
    [null, "SUBMITTED"],
    ["SUBMITTED", "APPROVED"],
  ] as const) {
    await tx.applicationStatusChange.create({
      data: {
        applicationId: app.id,
        fromStatus: from,
        toStatus: to,
        actorId: course.fundedById,
        reason: `course fee pre-approved (${course.id})`,
      },
    });
  }
  const payout = await tx.payout.create({
    data: {
      applicationId: app.id,
      fundId: course.fundId,
      amountMinor: course.feeMinor,
      method: "THIRD_PARTY",
      requestedById: course.fundedById,
      idempotencyKey: `enrolment:${enrollmentId}`,
      reference: generatePayoutReference(),
    },
    select: { id: true },
  });
  await tx.payout.update({
    where: { id: payout.id },
    data: { detailsEnc: encrypt(`Course fee: ${course.title} — ${course.provider.name}`, `Payout.details:${payout.id}`) },
  });
  await tx.enrollment.update({ where: { id: enrollmentId }, data: { feeCaseId: app.id } });
  await recordAuditEvent(tx, {
    actorId: null,
    action: "payout.requested_for_course_fee",
    entityType: "Payout",
    entityId: payout.id,
    data: { applicationId: app.id, fundId: course.fundId, courseId: course.id, amountMinor: course.feeMinor },
  });
  return payout.id;
}

/** Published courses with a fee that a manager may fund, and those their funds already pay for. */
export async function fundableCourses(actor: Actor, fundId: string) {
  assertCan(actor, "fund:read:org");
  return db().course.findMany({
    where: { status: "PUBLISHED", OR: [{ isFree: false, fundId: null }, { fundId }] },
    orderBy: { startDate: "asc" },
    take: 100,
    select: {
      id: true,
      title: true,
      seats: true,
      fundId: true,
      feeMinor: true,
      fundedSeats: true,
      fundedSeatsUsed: true,
      fundingSuspendedAt: true,
      provider: { select: { name: true } },
    },
  });
}
