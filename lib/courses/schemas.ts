// Shared by the provider's, the applicant's and the catalogue's forms and the server actions.
import { z } from "zod";

const toArray = (v: unknown) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]);
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const blank = (v: unknown) => (v === "" ? undefined : v);

export const TRACKS = [
  "WEB_FRONTEND",
  "BACKEND_PYTHON",
  "PHP",
  "QA",
  "DESIGN",
  "BUSINESS_ANALYSIS",
  "PROJECT_MANAGEMENT",
  "DATA",
  "OTHER",
] as const;
export const FORMATS = ["ONLINE", "IN_PERSON", "HYBRID", "MENTORING"] as const;
export const LANGUAGES = ["BE", "RU", "EN"] as const;
export const PREREQUISITES = ["NONE", "BASIC_COMPUTER", "SOME_PROGRAMMING"] as const;
export const REGIONS = ["BREST", "VITEBSK", "GOMEL", "GRODNO", "MINSK", "MINSK_REGION", "MOGILEV"] as const;
export const GROUPS = ["RESIGNING_OFFICER", "DISMISSED_WORKER", "REPRESSION_VICTIM", "PUBLIC_SECTOR_LEAVER", "OTHER"] as const;

const int = (min: number, max: number, message: string) =>
  z.coerce.number({ message }).int({ message }).min(min, { message }).max(max, { message });

export const CourseSchema = z
  .object({
    courseId: z.string().max(100).optional().default(""),
    title: z.string().trim().min(3, { message: "required" }).max(160, { message: "too_long" }),
    track: z.enum(TRACKS, { message: "required" }),
    description: z.string().trim().min(20, { message: "course_description" }).max(5000, { message: "too_long" }),
    format: z.enum(FORMATS, { message: "required" }),
    cities: z.preprocess(toArray, z.array(z.enum(REGIONS, { message: "city_unknown" })).max(7)),
    language: z.enum(LANGUAGES, { message: "required" }),
    startDate: z.iso.date({ message: "date" }),
    durationWeeks: int(1, 104, "duration_weeks"),
    hoursPerWeek: int(1, 60, "hours_per_week"),
    seats: int(1, 1000, "seats"),
    applicationDeadline: z.iso.date({ message: "date" }),
    prerequisite: z.enum(PREREQUISITES, { message: "required" }),
    eligibleGroups: z.preprocess(toArray, z.array(z.enum(GROUPS))),
    isFree: checkbox,
    hiringPledge: checkbox,
  })
  .superRefine((c, ctx) => {
    if (c.applicationDeadline > c.startDate)
      ctx.addIssue({ code: "custom", path: ["applicationDeadline"], message: "deadline_after_start" });
    if ((c.format === "IN_PERSON" || c.format === "HYBRID") && c.cities.length === 0)
      ctx.addIssue({ code: "custom", path: ["cities"], message: "cities_required" });
  });
export type CourseInput = z.infer<typeof CourseSchema>;

export const CourseStatusSchema = z.object({ courseId: z.string().min(1).max(100), action: z.enum(["publish", "close", "duplicate"]) });

export const RequestSeatSchema = z.object({
  courseId: z.string().min(1).max(100),
  motivation: z.string().trim().min(20, { message: "motivation_short" }).max(2000, { message: "too_long" }),
});

export const PROVIDER_ACTIONS = ["offer", "waitlist", "decline", "start", "complete", "hire", "drop"] as const;
// `expectedStatus`: the enrolment's state as the acting page showed it; a stale tab's decision (the request
// was answered meanwhile, or the waiting list moved it) is refused instead of replacing the newer one.
const expectedStatus = z.string().max(40).optional();
export const ProviderDecisionSchema = z.object({
  enrollmentId: z.string().min(1).max(100),
  action: z.enum(PROVIDER_ACTIONS),
  expectedStatus,
});
export const ApplicantResponseSchema = z.object({
  enrollmentId: z.string().min(1).max(100),
  action: z.enum(["accept", "decline_offer"]),
  expectedStatus,
});
export const OfferCandidateSchema = z.object({ courseId: z.string().min(1).max(100), candidate: z.string().min(1).max(100) });

export const ProfileSchema = z.object({
  previousOccupation: z.string().trim().max(120, { message: "too_long" }).optional().default(""),
  yearsExperience: z.preprocess(blank, int(0, 60, "years").optional()),
  hasProgramming: checkbox,
  englishLevel: z
    .union([z.enum(["NONE", "BASIC", "INTERMEDIATE", "FLUENT"]), z.literal("")])
    .optional()
    .default(""),
  interests: z.preprocess(toArray, z.array(z.enum(TRACKS))),
  languages: z.preprocess(toArray, z.array(z.enum(LANGUAGES))),
  region: z
    .union([z.enum(REGIONS), z.literal("")])
    .optional()
    .default(""),
  situation: z
    .union([z.enum(GROUPS), z.literal("")])
    .optional()
    .default(""),
  hoursPerWeek: z.preprocess(blank, int(1, 60, "hours_per_week").optional()),
  availableFrom: z
    .union([z.iso.date({ message: "date" }), z.literal("")])
    .optional()
    .default(""),
  device: z
    .union([z.enum(["NONE", "PHONE", "COMPUTER"]), z.literal("")])
    .optional()
    .default(""),
  internet: z
    .union([z.enum(["NONE", "MOBILE_ONLY", "HOME"]), z.literal("")])
    .optional()
    .default(""),
  experience: z.string().trim().max(2000, { message: "too_long" }).optional().default(""),
  openToSuggestions: checkbox,
});
export type ProfileInput = z.infer<typeof ProfileSchema>;

export const CatalogueFilterSchema = z.object({
  track: z.preprocess(blank, z.enum(TRACKS).optional()),
  place: z.preprocess(blank, z.union([z.literal("online"), z.enum(REGIONS)]).optional()),
  language: z.preprocess(blank, z.enum(LANGUAGES).optional()),
  within: z.preprocess(blank, z.coerce.number().int().min(1).max(52).optional()),
  noPrerequisites: z.preprocess(blank, z.literal("1").optional()),
  hiring: z.preprocess(blank, z.literal("1").optional()),
  seatsLeft: z.preprocess(blank, z.literal("1").optional()),
});
export type CatalogueFilter = z.infer<typeof CatalogueFilterSchema>;
