import "server-only";
import { assertCan, orgsWithRole, type Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";

const courseCard = {
  id: true,
  title: true,
  track: true,
  format: true,
  cities: true,
  language: true,
  startDate: true,
  durationWeeks: true,
  hoursPerWeek: true,
  seats: true,
  hiringPledge: true,
  isFree: true,
  provider: { select: { name: true } },
} as const;

export async function listPublishedCourses() {
  return db().course.findMany({ where: { status: "PUBLISHED" }, orderBy: [{ startDate: "asc" }, { id: "asc" }], take: 200, select: courseCard });
}

export async function getPublishedCourse(id: string) {
  return db().course.findFirst({
    where: { id, status: "PUBLISHED" },
    select: { ...courseCard, description: true, applicationDeadline: true, prerequisite: true, eligibleGroups: true },
  });
}

export async function listProviderCourses(actor: Actor) {
  assertCan(actor, "course:manage:org");
  return db().course.findMany({
    where: { providerId: { in: orgsWithRole(actor, "COURSE_PROVIDER") } },
    orderBy: { startDate: "asc" },
    select: { id: true, title: true, status: true, startDate: true, seats: true },
  });
}
