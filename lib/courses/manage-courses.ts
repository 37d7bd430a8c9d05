// A course provider's staff create, edit, publish, close and duplicate their organisation's courses.
// Another provider's course is "not found". Every change is audited in the same transaction.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, orgsWithRole, type Actor } from "@/lib/authz/actor";
import type { CourseInput } from "@/lib/courses/schemas";
import { db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function lockOwnCourse(tx: Tx, actor: Actor, courseId: string) {
  const rows = await tx.$queryRaw<{ id: string; providerId: string; status: string; seatsHeld: number }[]>`
    SELECT id, "providerId", status::text AS status, "seatsHeld" FROM "Course" WHERE id = ${courseId} AND "providerId" = ANY(${orgsWithRole(actor, "COURSE_PROVIDER")}) FOR UPDATE`;
  if (!rows[0]) throw new AppError("NOT_FOUND", "course not found");
  return rows[0];
}

export async function saveCourse(actor: Actor, input: CourseInput): Promise<{ courseId: string }> {
  assertCan(actor, "course:manage:org");
  const orgs = orgsWithRole(actor, "COURSE_PROVIDER");
  const data = {
    title: input.title,
    track: input.track,
    description: input.description,
    format: input.format,
    cities: input.format === "ONLINE" || input.format === "MENTORING" ? [] : input.cities,
    language: input.language,
    startDate: day(input.startDate),
    durationWeeks: input.durationWeeks,
    hoursPerWeek: input.hoursPerWeek,
    seats: input.seats,
    applicationDeadline: day(input.applicationDeadline),
    prerequisite: input.prerequisite,
    eligibleGroups: input.eligibleGroups,
    isFree: input.isFree,
    hiringPledge: input.hiringPledge,
  };
  return db().$transaction(async (tx) => {
    if (!input.courseId) {
      const course = await tx.course.create({ data: { ...data, providerId: orgs[0]! }, select: { id: true } });
      await recordAuditEvent(tx, {
        actorId: actor.userId,
        action: "course.created",
        entityType: "Course",
        entityId: course.id,
        data: { seats: data.seats },
      });
      return { courseId: course.id };
    }
    const current = await lockOwnCourse(tx, actor, input.courseId);
    if (data.seats < current.seatsHeld) {
      throw new AppError("INVALID_INPUT", "fewer seats than held", {
        fieldErrors: { seats: ["seats_below_held"] },
        messageKey: "courses.seatsBelowHeld",
        messageValues: { held: current.seatsHeld },
      });
    }
    // A funded course whose terms change (what the fund agreed to pay for) has its funding suspended until
    // a fund manager accepts the change: the provider can never widen a fund's exposure alone (ADR 0029).
    const before = await tx.course.findUniqueOrThrow({
      where: { id: current.id },
      select: {
        fundId: true,
        fundingSuspendedAt: true,
        seats: true,
        startDate: true,
        durationWeeks: true,
        hoursPerWeek: true,
        format: true,
        isFree: true,
      },
    });
    const termsChanged =
      before.seats !== data.seats ||
      before.startDate.getTime() !== data.startDate.getTime() ||
      before.durationWeeks !== data.durationWeeks ||
      before.hoursPerWeek !== data.hoursPerWeek ||
      before.format !== data.format ||
      before.isFree !== data.isFree;
    const suspend = !!before.fundId && termsChanged && !before.fundingSuspendedAt;
    await tx.course.update({ where: { id: current.id }, data: { ...data, ...(suspend ? { fundingSuspendedAt: new Date() } : {}) } });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: "course.updated",
      entityType: "Course",
      entityId: current.id,
      data: { seats: data.seats },
    });
    if (suspend)
      await recordAuditEvent(tx, {
        actorId: actor.userId,
        action: "course.funding_suspended",
        entityType: "Course",
        entityId: current.id,
        data: { fundId: before.fundId, seats: data.seats },
      });
    return { courseId: current.id };
  });
}

export async function changeCourseStatus(
  actor: Actor,
  courseId: string,
  action: "publish" | "close" | "duplicate",
): Promise<{ courseId: string }> {
  assertCan(actor, "course:manage:org");
  return db().$transaction(async (tx) => {
    const c = await lockOwnCourse(tx, actor, courseId);
    if (action === "duplicate") {
      const o = await tx.course.findUniqueOrThrow({ where: { id: c.id } });
      const copy = {
        providerId: o.providerId,
        title: o.title,
        track: o.track,
        description: o.description,
        format: o.format,
        cities: o.cities,
        language: o.language,
        startDate: o.startDate,
        durationWeeks: o.durationWeeks,
        hoursPerWeek: o.hoursPerWeek,
        seats: o.seats,
        applicationDeadline: o.applicationDeadline,
        prerequisite: o.prerequisite,
        eligibleGroups: o.eligibleGroups,
        isFree: o.isFree,
        hiringPledge: o.hiringPledge,
      };
      const next = await tx.course.create({ data: { ...copy, status: "DRAFT", duplicatedFromId: c.id }, select: { id: true } });
      await recordAuditEvent(tx, {
        actorId: actor.userId,
        action: "course.duplicated",
        entityType: "Course",
        entityId: next.id,
        data: { from: c.id },
      });
      return { courseId: next.id };
    }
    const to = action === "publish" ? "PUBLISHED" : "CLOSED";
    if ((action === "publish" && c.status === "PUBLISHED") || (action === "close" && c.status === "CLOSED"))
      throw new AppError("INVALID_STATE", "already", { messageKey: "courses.alreadyThere" });
    await tx.course.update({ where: { id: c.id }, data: { status: to } });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: action === "publish" ? "course.published" : "course.closed",
      entityType: "Course",
      entityId: c.id,
      data: { from: c.status, to },
    });
    return { courseId: c.id };
  });
}
