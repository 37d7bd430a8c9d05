// Course matching, pure (docs/decisions/0013-courses-and-matching.md): hard filters first, then a
// weighted score with a plain reason for every point. No I/O; the caller loads courses and the profile.
import type {
  CourseFormat,
  CourseTrack,
  DeviceAccess,
  Prerequisite,
  Region,
  SituationCategory,
  TeachingLanguage,
} from "@/lib/db/generated/enums";

export type MatchCourse = {
  id: string;
  track: CourseTrack;
  format: CourseFormat;
  cities: Region[];
  language: TeachingLanguage;
  startDate: Date;
  hoursPerWeek: number;
  seats: number;
  seatsHeld: number;
  applicationDeadline: Date;
  prerequisite: Prerequisite;
  eligibleGroups: SituationCategory[];
  hiringPledge: boolean;
  status: string;
};

export type MatchProfile = {
  situation: SituationCategory | null;
  region: Region | null;
  interests: CourseTrack[];
  languages: TeachingLanguage[];
  hoursPerWeek: number | null;
  availableFrom: Date | null;
  hasProgramming: boolean | null;
  device: DeviceAccess | null;
};

export type Filter = "open" | "eligibility" | "prerequisites" | "language" | "availability" | "place";
export type Reason =
  | { code: "track"; track: CourseTrack }
  | { code: "starts_soon"; weeks: number }
  | { code: "in_region"; region: Region }
  | { code: "online" }
  | { code: "no_prerequisites" }
  | { code: "hiring" }
  | { code: "first_language"; language: TeachingLanguage };

export const WEIGHTS = {
  track: 40,
  startsSoon: 15,
  startsWithin8: 8,
  inRegion: 10,
  online: 10,
  noPrerequisites: 10,
  hiring: 15,
  firstLanguage: 10,
} as const;

const DAY = 86_400_000;
const isRemote = (f: CourseFormat) => f === "ONLINE" || f === "MENTORING";

/** Which hard filters the course fails for this profile (empty: it can be recommended). */
export function failedFilters(c: MatchCourse, p: MatchProfile, now: Date): Filter[] {
  const failed: Filter[] = [];
  if (c.status !== "PUBLISHED" || c.applicationDeadline.getTime() < now.getTime() || c.seatsHeld >= c.seats) failed.push("open");
  if (c.eligibleGroups.length > 0 && p.situation && !c.eligibleGroups.includes(p.situation)) failed.push("eligibility");
  const computer = p.device === "COMPUTER" || p.hasProgramming === true;
  if ((c.prerequisite === "BASIC_COMPUTER" && !computer) || (c.prerequisite === "SOME_PROGRAMMING" && p.hasProgramming !== true))
    failed.push("prerequisites");
  if (p.languages.length > 0 && !p.languages.includes(c.language)) failed.push("language");
  if (
    (p.hoursPerWeek !== null && c.hoursPerWeek > p.hoursPerWeek) ||
    (p.availableFrom && c.startDate.getTime() < p.availableFrom.getTime())
  )
    failed.push("availability");
  if (!isRemote(c.format) && !(p.region && c.cities.includes(p.region))) failed.push("place");
  return failed;
}

/** Score out of 100 with the reasons that earned it. */
export function score(c: MatchCourse, p: MatchProfile, now: Date): { score: number; reasons: Reason[] } {
  const reasons: Reason[] = [];
  let points = 0;
  if (p.interests.includes(c.track)) {
    points += WEIGHTS.track;
    reasons.push({ code: "track", track: c.track });
  }
  const weeks = Math.max(0, Math.ceil((c.startDate.getTime() - now.getTime()) / (7 * DAY)));
  if (weeks <= 4) points += WEIGHTS.startsSoon;
  else if (weeks <= 8) points += WEIGHTS.startsWithin8;
  if (weeks <= 8) reasons.push({ code: "starts_soon", weeks });
  if (isRemote(c.format)) {
    points += WEIGHTS.online;
    reasons.push({ code: "online" });
  } else if (p.region && c.cities.includes(p.region)) {
    points += WEIGHTS.inRegion;
    reasons.push({ code: "in_region", region: p.region });
  }
  if (c.prerequisite === "NONE" && p.hasProgramming !== true) {
    points += WEIGHTS.noPrerequisites;
    reasons.push({ code: "no_prerequisites" });
  }
  if (c.hiringPledge) {
    points += WEIGHTS.hiring;
    reasons.push({ code: "hiring" });
  }
  if (p.languages[0] === c.language) {
    points += WEIGHTS.firstLanguage;
    reasons.push({ code: "first_language", language: c.language });
  }
  return { score: Math.min(100, points), reasons };
}

export type Recommendation = { courseId: string; score: number; reasons: Reason[] };

/** Courses passing every hard filter, best first (ties: earlier start). */
export function recommend(courses: MatchCourse[], p: MatchProfile, now: Date, limit = 10): Recommendation[] {
  const out: (Recommendation & { start: number })[] = [];
  for (const c of courses) {
    if (failedFilters(c, p, now).length > 0) continue;
    const s = score(c, p, now);
    out.push({ courseId: c.id, ...s, start: c.startDate.getTime() });
  }
  out.sort((a, b) => b.score - a.score || a.start - b.start);
  return out.slice(0, limit).map((r) => ({ courseId: r.courseId, score: r.score, reasons: r.reasons }));
}
