// Reads about courses: the public catalogue (filters, keyset pages), a course page, the provider's own
// courses and enrolments (anonymous until the applicant accepts), recommendations and outcomes.
import "server-only";
import { assertCan, orgsWithRole, type Actor } from "@/lib/authz/actor";
import { failedFilters, recommend, score, type MatchCourse, type MatchProfile } from "@/lib/courses/matching";
import { contactVisible } from "@/lib/courses/rules";
import type { CatalogueFilter } from "@/lib/courses/schemas";
import { decrypt } from "@/lib/crypto";
import { loadUserKeys } from "@/lib/crypto/case-keys";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { cell } from "@/lib/transparency/rules";

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
  seatsHeld: true,
  hiringPledge: true,
  isFree: true,
  prerequisite: true,
  applicationDeadline: true,
  provider: { select: { name: true } },
} as const;

const matchFields = {
  id: true,
  track: true,
  format: true,
  cities: true,
  language: true,
  startDate: true,
  hoursPerWeek: true,
  seats: true,
  seatsHeld: true,
  applicationDeadline: true,
  prerequisite: true,
  eligibleGroups: true,
  hiringPledge: true,
  status: true,
} as const;

export const PAGE_SIZE = 30;

function decodeCursor(c?: string): { startDate: Date; id: string } | null {
  if (!c) return null;
  const [iso, id] = Buffer.from(c, "base64url").toString("utf8").split("|");
  const d = new Date(iso ?? "");
  return id && !Number.isNaN(d.getTime()) ? { startDate: d, id } : null;
}

/** Published courses still open for applications, filtered on the server, by start date. */
export async function catalogue(f: CatalogueFilter & { after?: string }, now = new Date()) {
  const cursor = decodeCursor(f.after);
  const where: Prisma.CourseWhereInput = {
    status: "PUBLISHED",
    applicationDeadline: { gte: now },
    ...(f.track ? { track: f.track } : {}),
    ...(f.place === "online" ? { format: { in: ["ONLINE", "MENTORING"] } } : f.place ? { cities: { has: f.place } } : {}),
    ...(f.language ? { language: f.language } : {}),
    ...(f.within ? { startDate: { lte: new Date(now.getTime() + f.within * 7 * 86_400_000) } } : {}),
    ...(f.noPrerequisites ? { prerequisite: "NONE" } : {}),
    ...(f.hiring ? { hiringPledge: true } : {}),
    ...(f.seatsLeft ? { seatsHeld: { lt: db().course.fields.seats } } : {}),
    ...(cursor
      ? { AND: [{ startDate: { gte: cursor.startDate } }, { OR: [{ startDate: { gt: cursor.startDate } }, { id: { gt: cursor.id } }] }] }
      : {}),
  };
  const rows = await db().course.findMany({
    where,
    orderBy: [{ startDate: "asc" }, { id: "asc" }],
    take: PAGE_SIZE + 1,
    select: courseCard,
  });
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  return {
    rows: page,
    next: rows.length > PAGE_SIZE && last ? Buffer.from(`${last.startDate.toISOString()}|${last.id}`).toString("base64url") : null,
  };
}

export async function getPublishedCourse(id: string) {
  const course = await db().course.findFirst({
    where: { id, status: "PUBLISHED" },
    select: { ...courseCard, description: true, eligibleGroups: true, fundId: true },
  });
  if (!course) return null;
  const fund = course.fundId ? await db().fund.findUnique({ where: { id: course.fundId }, select: { name: true } }) : null;
  return { ...course, paidByFund: fund?.name ?? null };
}

export async function listProviderCourses(actor: Actor) {
  assertCan(actor, "course:manage:org");
  const courses = await db().course.findMany({
    where: { providerId: { in: orgsWithRole(actor, "COURSE_PROVIDER") } },
    orderBy: [{ startDate: "asc" }, { id: "asc" }],
    select: { id: true, title: true, status: true, startDate: true, seats: true, seatsHeld: true, format: true },
  });
  const counts = await db().enrollment.groupBy({
    by: ["courseId", "status"],
    where: { courseId: { in: courses.map((c) => c.id) } },
    _count: { _all: true },
  });
  return courses.map((c) => {
    const n = (s: string[]) => counts.filter((x) => x.courseId === c.id && s.includes(x.status)).reduce((a, x) => a + x._count._all, 0);
    return {
      ...c,
      requests: n(["REQUESTED", "WAITLISTED"]),
      enrolled: n(["ACCEPTED", "ATTENDING", "COMPLETED", "HIRED"]),
      completed: n(["COMPLETED", "HIRED"]),
      hired: n(["HIRED"]),
    };
  });
}

/** Outcomes of the provider's courses, with the privacy rule (fewer than 5 people: hidden). */
export async function providerOutcomes(actor: Actor) {
  assertCan(actor, "course:manage:org");
  const rows = await db().enrollment.groupBy({
    by: ["status"],
    where: { course: { providerId: { in: orgsWithRole(actor, "COURSE_PROVIDER") } } },
    _count: { _all: true },
  });
  const n = (s: string[]) => rows.filter((r) => s.includes(r.status)).reduce((a, r) => a + r._count._all, 0);
  return {
    enrolled: cell(n(["ACCEPTED", "ATTENDING", "COMPLETED", "HIRED"]), 0),
    completed: cell(n(["COMPLETED", "HIRED"]), 0),
    hired: cell(n(["HIRED"]), 0),
  };
}

/** Public outcome totals of all courses (the transparency page), with the privacy rule. */
export async function publicCourseOutcomes() {
  const rows = await db().enrollment.groupBy({ by: ["status"], _count: { _all: true } });
  const n = (s: string[]) => rows.filter((r) => s.includes(r.status)).reduce((a, r) => a + r._count._all, 0);
  return {
    enrolled: cell(n(["ACCEPTED", "ATTENDING", "COMPLETED", "HIRED"]), 0),
    completed: cell(n(["COMPLETED", "HIRED"]), 0),
    hired: cell(n(["HIRED"]), 0),
  };
}

type ProfileRow = {
  id: string;
  userId: string;
  situation: MatchProfile["situation"];
  region: MatchProfile["region"];
  interests: MatchProfile["interests"];
  languages: MatchProfile["languages"];
  hoursPerWeek: number | null;
  availableFrom: Date | null;
  hasProgramming: boolean | null;
  device: MatchProfile["device"];
};
const toMatchProfile = (p: ProfileRow | null): MatchProfile =>
  p
    ? {
        situation: p.situation,
        region: p.region,
        interests: p.interests,
        languages: p.languages,
        hoursPerWeek: p.hoursPerWeek,
        availableFrom: p.availableFrom,
        hasProgramming: p.hasProgramming,
        device: p.device,
      }
    : {
        situation: null,
        region: null,
        interests: [],
        languages: [],
        hoursPerWeek: null,
        availableFrom: null,
        hasProgramming: null,
        device: null,
      };

/** Courses for a provider to manage: one of theirs, with its enrolments and suggested candidates. */
export async function providerCourse(actor: Actor, courseId: string, now = new Date()) {
  assertCan(actor, "course:manage:org");
  const course = await db().course.findFirst({ where: { id: courseId, providerId: { in: orgsWithRole(actor, "COURSE_PROVIDER") } } });
  if (!course) return null;
  const enrollments = await db().enrollment.findMany({
    where: { courseId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      status: true,
      motivationEnc: true,
      offerExpiresAt: true,
      createdAt: true,
      fromSuggestion: true,
      applicant: { select: { id: true, email: true, applicantProfile: true } },
    },
  });
  await loadUserKeys(
    db(),
    enrollments.map((e) => e.applicant.id),
  );
  const shown = enrollments.map((e, i) => {
    const p = e.applicant.applicantProfile;
    const visible = contactVisible(e.status);
    return {
      id: e.id,
      label: `#${i + 1}`,
      status: e.status,
      offerExpiresAt: e.offerExpiresAt,
      fromSuggestion: e.fromSuggestion,
      motivation: e.motivationEnc ? decrypt(e.motivationEnc, `Enrollment.motivation:${e.id}`) : "",
      profile: p
        ? { occupation: p.previousOccupation, years: p.yearsExperience, languages: p.languages, interests: p.interests, region: p.region }
        : null,
      // Contact details only once the applicant accepted.
      contact: visible
        ? p?.contactHandleEnc
          ? { channel: p.contactChannel, handle: decrypt(p.contactHandleEnc, `ApplicantProfile.contactHandle:${e.applicant.id}`) }
          : e.applicant.email
            ? { channel: "EMAIL" as const, handle: e.applicant.email }
            : { channel: "NONE" as const, handle: "" }
        : null,
    };
  });
  // Suggested candidates: opted in, not already enrolled here, passing every hard filter but "open".
  const taken = new Set(enrollments.map((e) => e.applicant.id));
  const profiles = await db().applicantProfile.findMany({ where: { openToSuggestions: true }, take: 500, orderBy: { updatedAt: "desc" } });
  const match: MatchCourse = { ...course, status: "PUBLISHED", seatsHeld: 0 };
  const suggestions = profiles
    .filter((p) => !taken.has(p.userId) && failedFilters(match, toMatchProfile(p), now).filter((f) => f !== "open").length === 0)
    .map((p) => ({
      id: p.id,
      occupation: p.previousOccupation,
      years: p.yearsExperience,
      languages: p.languages,
      interests: p.interests,
      region: p.region,
      ...score(match, toMatchProfile(p), now),
    }))
    .sort((a, b) => b.score - a.score)
    .slice(0, 10);
  const fundName = course.fundId
    ? ((await db().fund.findUnique({ where: { id: course.fundId }, select: { name: true } }))?.name ?? null)
    : null;
  return { course, fundName, enrollments: shown, suggestions };
}

/** Recommended courses for the signed-in applicant, with scores and reasons. */
export async function recommendationsFor(actor: Actor, now = new Date()) {
  const profile = await db().applicantProfile.findUnique({ where: { userId: actor.userId } });
  const p = toMatchProfile(profile);
  // The cheap hard filters run in SQL so only candidates are loaded; recommend() applies all of them.
  const courses = await db().course.findMany({
    where: {
      status: "PUBLISHED",
      applicationDeadline: { gte: now },
      seatsHeld: { lt: db().course.fields.seats },
      ...(p.languages.length ? { language: { in: p.languages } } : {}),
      ...(p.hoursPerWeek !== null ? { hoursPerWeek: { lte: p.hoursPerWeek } } : {}),
      OR: [{ format: { in: ["ONLINE", "MENTORING"] } }, ...(p.region ? [{ cities: { has: p.region } }] : [])],
    },
    select: matchFields,
  });
  const mine = new Set(
    (await db().enrollment.findMany({ where: { applicantId: actor.userId }, select: { courseId: true } })).map((e) => e.courseId),
  );
  const recs = recommend(
    courses.filter((c) => !mine.has(c.id)),
    p,
    now,
    5,
  );
  const cards = await db().course.findMany({ where: { id: { in: recs.map((r) => r.courseId) } }, select: courseCard });
  return { hasProfile: !!profile, items: recs.map((r) => ({ ...r, course: cards.find((c) => c.id === r.courseId)! })) };
}

/** The applicant's enrolments, newest first. Reads only: /me expires overdue offers first (expireOwnOverdueOffers). */
export async function myEnrollments(actor: Actor) {
  return db().enrollment.findMany({
    where: { applicantId: actor.userId },
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      status: true,
      offerExpiresAt: true,
      course: { select: { id: true, title: true, startDate: true, provider: { select: { name: true } } } },
    },
  });
}

export async function myEnrollmentIn(actor: Actor, courseId: string) {
  return db().enrollment.findUnique({ where: { courseId_applicantId: { courseId, applicantId: actor.userId } }, select: { status: true } });
}
