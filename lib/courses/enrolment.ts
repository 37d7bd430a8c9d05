// Enrolment in a course (docs/decisions/0013-courses-and-matching.md). Every seat operation locks the
// course row, first expires overdue offers and offers freed seats to the waitlist in order, then acts;
// the database's CHECK on Course.seatsHeld refuses an overbooking even so. One transaction per step,
// audited; the applicant stays anonymous to the provider until they accept.
import "server-only";
import { notifyApplicant } from "@/lib/applications/notify";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, orgsWithRole, type Actor } from "@/lib/authz/actor";
import { applicantMove, offerDeadline, providerMove, type ApplicantAction, type ProviderAction } from "@/lib/courses/rules";
import { requestFeePayout } from "@/lib/courses/funding";
import { encryptForUser } from "@/lib/crypto";
import { loadUserKeys } from "@/lib/crypto/case-keys";
import { db, type Tx } from "@/lib/db/client";
import type { EnrollmentStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";

type LockedCourse = { id: string; providerId: string; status: string; seats: number; seatsHeld: number; applicationDeadline: Date };

async function lockCourse(tx: Tx, courseId: string): Promise<LockedCourse> {
  const rows = await tx.$queryRaw<LockedCourse[]>`
    SELECT id, "providerId", status::text AS status, seats, "seatsHeld", "applicationDeadline" FROM "Course" WHERE id = ${courseId} FOR UPDATE`;
  if (!rows[0]) throw new AppError("NOT_FOUND", "course not found");
  return rows[0];
}

const isOverbooking = (e: unknown) => String(e instanceof Error ? e.message : e).includes("Course_seats_not_overbooked");

async function withCourse<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db().$transaction(work, { timeout: 20_000, maxWait: 20_000 });
  } catch (e) {
    if (isOverbooking(e)) throw new AppError("CONFLICT", "no seat", { messageKey: "courses.noSeatLeft", messageValues: { seats: 0 } });
    throw e;
  }
}

/**
 * Expires overdue offers and offers each free seat to the first waitlisted person (3-day deadline).
 * Called inside the transaction that holds the course lock. Returns who got a new offer.
 */
export async function sweepCourse(tx: Tx, course: LockedCourse, now = new Date()): Promise<string[]> {
  const expired = await tx.enrollment.findMany({
    where: { courseId: course.id, status: "OFFERED", offerExpiresAt: { lt: now } },
    select: { id: true },
  });
  for (const e of expired) {
    await tx.enrollment.update({ where: { id: e.id }, data: { status: "EXPIRED" } });
    await recordAuditEvent(tx, {
      actorId: null,
      action: "enrollment.expired",
      entityType: "Enrollment",
      entityId: e.id,
      data: { courseId: course.id },
    });
  }
  if (course.status !== "PUBLISHED") return [];
  const held = await tx.enrollment.count({
    where: { courseId: course.id, status: { in: ["OFFERED", "ACCEPTED", "ATTENDING", "COMPLETED", "HIRED"] } },
  });
  const free = course.seats - held;
  if (free <= 0) return [];
  const next = await tx.enrollment.findMany({
    where: { courseId: course.id, status: "WAITLISTED" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: free,
    select: { id: true, applicantId: true },
  });
  for (const e of next) {
    await tx.enrollment.update({ where: { id: e.id }, data: { status: "OFFERED", offerExpiresAt: offerDeadline(now) } });
    await recordAuditEvent(tx, {
      actorId: null,
      action: "enrollment.offered_from_waitlist",
      entityType: "Enrollment",
      entityId: e.id,
      data: { courseId: course.id },
    });
  }
  return next.map((e) => e.applicantId);
}

/** Expires overdue offers and promotes the waitlist in its own transaction, so it stands even when the
 *  action that follows is refused (e.g. accepting an offer that just expired). Returns who got an offer. */
export async function sweepNow(courseId: string): Promise<void> {
  const notified = await db().$transaction(async (tx) => sweepCourse(tx, await lockCourse(tx, courseId)));
  for (const id of new Set(notified)) await notifyApplicant(id);
}

export async function requestSeat(actor: Actor, input: { courseId: string; motivation: string }): Promise<{ enrollmentId: string }> {
  assertCan(actor, "enrollment:request:own");
  return withCourse(async (tx) => {
    const course = await lockCourse(tx, input.courseId);
    if (course.status !== "PUBLISHED") throw new AppError("NOT_FOUND", "course not found");
    if (course.applicationDeadline.getTime() < Date.now())
      throw new AppError("INVALID_STATE", "deadline passed", { messageKey: "courses.deadlinePassed" });
    const existing = await tx.enrollment.findUnique({
      where: { courseId_applicantId: { courseId: course.id, applicantId: actor.userId } },
      select: { status: true },
    });
    if (existing) throw new AppError("CONFLICT", "already requested", { messageKey: "courses.alreadyRequestedError" });
    const e = await tx.enrollment.create({
      data: { courseId: course.id, applicantId: actor.userId, status: "REQUESTED" },
      select: { id: true },
    });
    await loadUserKeys(tx, [actor.userId], { create: true });
    await tx.enrollment.update({
      where: { id: e.id },
      data: { motivationEnc: encryptForUser(actor.userId, input.motivation, `Enrollment.motivation:${e.id}`) },
    });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: "enrollment.requested",
      entityType: "Enrollment",
      entityId: e.id,
      data: { courseId: course.id },
    });
    return { enrollmentId: e.id };
  });
}

export async function providerDecide(
  actor: Actor,
  input: { enrollmentId: string; action: ProviderAction; expectedStatus?: string },
): Promise<{ status: EnrollmentStatus }> {
  assertCan(actor, "enrollment:decide:org");
  const orgs = orgsWithRole(actor, "COURSE_PROVIDER");
  const found = await db().enrollment.findFirst({
    where: { id: input.enrollmentId, course: { providerId: { in: orgs } } },
    select: { courseId: true },
  });
  if (!found) throw new AppError("NOT_FOUND", "enrollment not found");
  await sweepNow(found.courseId);
  const result = await withCourse(async (tx) => {
    const course = await lockCourse(tx, found.courseId);
    const notified: string[] = [];
    const e = await tx.enrollment.findUniqueOrThrow({
      where: { id: input.enrollmentId },
      select: { id: true, status: true, applicantId: true },
    });
    const to = providerMove(input.action, e.status);
    if (!to || (input.expectedStatus && input.expectedStatus !== e.status))
      throw new AppError("INVALID_STATE", "not at this stage", { messageKey: "courses.notAtThisStage" });
    if (to === "OFFERED") {
      const held = await tx.enrollment.count({
        where: { courseId: course.id, status: { in: ["OFFERED", "ACCEPTED", "ATTENDING", "COMPLETED", "HIRED"] } },
      });
      if (held >= course.seats)
        throw new AppError("CONFLICT", "no seat", { messageKey: "courses.noSeatLeft", messageValues: { seats: course.seats } });
    }
    await tx.enrollment.update({
      where: { id: e.id },
      data: { status: to, ...(to === "OFFERED" ? { offerExpiresAt: offerDeadline(new Date()) } : {}) },
    });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: `enrollment.${input.action}`,
      entityType: "Enrollment",
      entityId: e.id,
      data: { courseId: course.id, from: e.status, to },
    });
    // A seat freed by a drop goes to the waitlist at once.
    if (to === "DROPPED") notified.push(...(await sweepCourse(tx, course)));
    return { status: to, notify: to === "OFFERED" || to === "DECLINED" ? [e.applicantId, ...notified] : notified };
  });
  for (const id of new Set(result.notify)) await notifyApplicant(id);
  return { status: result.status };
}

export async function applicantRespond(
  actor: Actor,
  input: { enrollmentId: string; action: ApplicantAction; expectedStatus?: string },
): Promise<{ status: EnrollmentStatus }> {
  assertCan(actor, "enrollment:request:own");
  const found = await db().enrollment.findFirst({
    where: { id: input.enrollmentId, applicantId: actor.userId },
    select: { courseId: true },
  });
  if (!found) throw new AppError("NOT_FOUND", "enrollment not found");
  await sweepNow(found.courseId);
  const result = await withCourse(async (tx) => {
    const course = await lockCourse(tx, found.courseId);
    const notified: string[] = [];
    const e = await tx.enrollment.findUniqueOrThrow({ where: { id: input.enrollmentId }, select: { id: true, status: true } });
    if (e.status === "EXPIRED") throw new AppError("INVALID_STATE", "offer expired", { messageKey: "courses.offerExpired" });
    const to = applicantMove(input.action, e.status);
    if (!to || (input.expectedStatus && input.expectedStatus !== e.status))
      throw new AppError("INVALID_STATE", "not at this stage", { messageKey: "courses.notAtThisStage" });
    await tx.enrollment.update({ where: { id: e.id }, data: { status: to } });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: `enrollment.${input.action}`,
      entityType: "Enrollment",
      entityId: e.id,
      data: { courseId: course.id, from: e.status, to },
    });
    if (to === "ACCEPTED") await requestFeePayout(tx, e.id, actor.userId, course.id);
    if (to === "DECLINED") notified.push(...(await sweepCourse(tx, course)));
    return { status: to, notified };
  });
  for (const id of new Set(result.notified)) await notifyApplicant(id);
  return { status: result.status };
}

/** A provider offers a seat to a suggested candidate who opted in (they stay anonymous until they accept). */
export async function offerToCandidate(actor: Actor, input: { courseId: string; candidate: string }): Promise<{ enrollmentId: string }> {
  assertCan(actor, "enrollment:decide:org");
  const orgs = orgsWithRole(actor, "COURSE_PROVIDER");
  const owned = await db().course.findFirst({ where: { id: input.courseId, providerId: { in: orgs } }, select: { id: true } });
  if (!owned) throw new AppError("NOT_FOUND", "course not found");
  await sweepNow(owned.id);
  const result = await withCourse(async (tx) => {
    const course = await lockCourse(tx, owned.id);
    const profile = await tx.applicantProfile.findUnique({
      where: { id: input.candidate },
      select: { userId: true, openToSuggestions: true },
    });
    if (!profile?.openToSuggestions) throw new AppError("NOT_FOUND", "candidate not found");
    const existing = await tx.enrollment.findUnique({
      where: { courseId_applicantId: { courseId: course.id, applicantId: profile.userId } },
    });
    if (existing) throw new AppError("CONFLICT", "already", { messageKey: "courses.candidateAlready" });
    const held = await tx.enrollment.count({
      where: { courseId: course.id, status: { in: ["OFFERED", "ACCEPTED", "ATTENDING", "COMPLETED", "HIRED"] } },
    });
    if (held >= course.seats)
      throw new AppError("CONFLICT", "no seat", { messageKey: "courses.noSeatLeft", messageValues: { seats: course.seats } });
    const e = await tx.enrollment.create({
      data: {
        courseId: course.id,
        applicantId: profile.userId,
        status: "OFFERED",
        fromSuggestion: true,
        offerExpiresAt: offerDeadline(new Date()),
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: "enrollment.offered_to_candidate",
      entityType: "Enrollment",
      entityId: e.id,
      data: { courseId: course.id },
    });
    return { enrollmentId: e.id, applicantId: profile.userId };
  });
  await notifyApplicant(result.applicantId);
  return { enrollmentId: result.enrollmentId };
}
