import { describe, expect, it } from "vitest";
import { failedFilters, recommend, score, WEIGHTS, type MatchCourse, type MatchProfile } from "@/lib/courses/matching";

const now = new Date("2026-11-26T12:00:00Z");
const inDays = (d: number) => new Date(now.getTime() + d * 86_400_000);
const course = (over: Partial<MatchCourse> = {}): MatchCourse => ({
  id: "c",
  track: "WEB_FRONTEND",
  format: "ONLINE",
  cities: [],
  language: "RU",
  startDate: inDays(14),
  hoursPerWeek: 8,
  seats: 10,
  seatsHeld: 0,
  applicationDeadline: inDays(10),
  prerequisite: "NONE",
  eligibleGroups: [],
  hiringPledge: false,
  status: "PUBLISHED",
  ...over,
});
const profile = (over: Partial<MatchProfile> = {}): MatchProfile => ({
  situation: "DISMISSED_WORKER",
  region: "GOMEL",
  interests: [],
  languages: [],
  hoursPerWeek: null,
  availableFrom: null,
  hasProgramming: null,
  device: null,
  ...over,
});

describe("hard filters", () => {
  it("passes an open online course for anyone", () => expect(failedFilters(course(), profile(), now)).toEqual([]));
  it("open: unpublished, past deadline or full", () => {
    expect(failedFilters(course({ status: "DRAFT" }), profile(), now)).toEqual(["open"]);
    expect(failedFilters(course({ applicationDeadline: inDays(-1) }), profile(), now)).toEqual(["open"]);
    expect(failedFilters(course({ seatsHeld: 10 }), profile(), now)).toEqual(["open"]);
  });
  it("eligibility: the course's groups must include the applicant's situation", () => {
    expect(failedFilters(course({ eligibleGroups: ["RESIGNING_OFFICER"] }), profile(), now)).toEqual(["eligibility"]);
    expect(failedFilters(course({ eligibleGroups: ["DISMISSED_WORKER"] }), profile(), now)).toEqual([]);
    expect(failedFilters(course({ eligibleGroups: ["RESIGNING_OFFICER"] }), profile({ situation: null }), now)).toEqual([]);
  });
  it("prerequisites: basic computer skills need a computer (or programming); programming needs programming", () => {
    expect(failedFilters(course({ prerequisite: "BASIC_COMPUTER" }), profile({ device: "PHONE" }), now)).toEqual(["prerequisites"]);
    expect(failedFilters(course({ prerequisite: "BASIC_COMPUTER" }), profile({ device: "COMPUTER" }), now)).toEqual([]);
    expect(failedFilters(course({ prerequisite: "SOME_PROGRAMMING" }), profile({ device: "COMPUTER" }), now)).toEqual(["prerequisites"]);
    expect(failedFilters(course({ prerequisite: "SOME_PROGRAMMING" }), profile({ hasProgramming: true }), now)).toEqual([]);
  });
  it("language: one of the applicant's languages, if they listed any", () => {
    expect(failedFilters(course({ language: "EN" }), profile({ languages: ["BE", "RU"] }), now)).toEqual(["language"]);
    expect(failedFilters(course({ language: "EN" }), profile(), now)).toEqual([]);
  });
  it("availability: hours per week and the date from which the applicant can start", () => {
    expect(failedFilters(course({ hoursPerWeek: 12 }), profile({ hoursPerWeek: 10 }), now)).toEqual(["availability"]);
    expect(failedFilters(course(), profile({ availableFrom: inDays(30) }), now)).toEqual(["availability"]);
    expect(failedFilters(course(), profile({ hoursPerWeek: 8, availableFrom: inDays(7) }), now)).toEqual([]);
  });
  it("place: in person or hybrid only in the applicant's region", () => {
    expect(failedFilters(course({ format: "IN_PERSON", cities: ["BREST"] }), profile(), now)).toEqual(["place"]);
    expect(failedFilters(course({ format: "HYBRID", cities: ["GOMEL"] }), profile(), now)).toEqual([]);
    expect(failedFilters(course({ format: "IN_PERSON", cities: ["GOMEL"] }), profile({ region: null }), now)).toEqual(["place"]);
    expect(failedFilters(course({ format: "MENTORING" }), profile({ region: null }), now)).toEqual([]);
  });
});

describe("score and reasons", () => {
  it("gives each reason its documented weight", () => {
    const p = profile({ interests: ["WEB_FRONTEND"], languages: ["RU"] });
    expect(score(course(), p, now)).toEqual({
      score: WEIGHTS.track + WEIGHTS.startsSoon + WEIGHTS.online + WEIGHTS.noPrerequisites + WEIGHTS.firstLanguage,
      reasons: [
        { code: "track", track: "WEB_FRONTEND" },
        { code: "starts_soon", weeks: 2 },
        { code: "online" },
        { code: "no_prerequisites" },
        { code: "first_language", language: "RU" },
      ],
    });
  });
  it("starts soon: full points within 4 weeks, fewer within 8, none later", () => {
    expect(score(course({ startDate: inDays(40) }), profile(), now).reasons).toContainEqual({ code: "starts_soon", weeks: 6 });
    expect(score(course({ startDate: inDays(40) }), profile(), now).score).toBe(
      WEIGHTS.startsWithin8 + WEIGHTS.online + WEIGHTS.noPrerequisites,
    );
    expect(score(course({ startDate: inDays(80) }), profile(), now).reasons.map((r) => r.code)).not.toContain("starts_soon");
  });
  it("in your region for in-person courses; hiring pledge; no prerequisites only for beginners", () => {
    const s = score(
      course({ format: "IN_PERSON", cities: ["GOMEL"], hiringPledge: true, prerequisite: "NONE" }),
      profile({ hasProgramming: true }),
      now,
    );
    expect(s.reasons.map((r) => r.code)).toEqual(["starts_soon", "in_region", "hiring"]);
    expect(s.score).toBe(WEIGHTS.startsSoon + WEIGHTS.inRegion + WEIGHTS.hiring);
  });
  it("never exceeds 100", () => {
    const p = profile({ interests: ["WEB_FRONTEND"], languages: ["RU"] });
    expect(score(course({ hiringPledge: true }), p, now).score).toBe(100);
  });
});

describe("recommend", () => {
  it("drops courses failing a filter and sorts by score, then by start", () => {
    const courses = [
      course({ id: "later", startDate: inDays(70), applicationDeadline: inDays(60) }),
      course({ id: "chosen", track: "QA" }),
      course({ id: "closed", status: "CLOSED" }),
      course({ id: "soon", startDate: inDays(3), applicationDeadline: inDays(2) }),
    ];
    expect(recommend(courses, profile({ interests: ["QA"] }), now).map((r) => r.courseId)).toEqual(["chosen", "soon", "later"]);
  });
});
