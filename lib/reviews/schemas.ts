import { z } from "zod";
import { REVIEW_ACTIONS } from "@/lib/reviews/rules";
import { MESSAGE_TEMPLATES } from "@/lib/reviews/templates";

const toArray = (v: unknown) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]);

export const ReviewActionSchema = z.object({
  applicationId: z.string().min(1).max(100),
  action: z.enum(REVIEW_ACTIONS),
  reason: z.string().trim().max(2000, { message: "too_long" }).optional().default(""),
  message: z.string().trim().max(5000, { message: "too_long" }).optional().default(""),
  template: z.preprocess((v) => (v === "" ? undefined : v), z.enum(MESSAGE_TEMPLATES).optional()),
  amount: z.string().trim().max(20, { message: "amount_format" }).optional().default(""),
  items: z.preprocess(toArray, z.array(z.string().max(200)).max(50)),
  // The stage the acting page showed. Every form sends it: an action from a stale tab (the case moved
  // meanwhile) is refused with the current stage instead of acting on a case the reviewer has not seen.
  expectedStatus: z.string().max(40).optional(),
});
export type ReviewActionInput = z.infer<typeof ReviewActionSchema>;

export const RevealIdentitySchema = z.object({
  applicationId: z.string().min(1).max(100),
  reason: z.string().trim().min(10, { message: "reveal_reason" }).max(500, { message: "too_long" }),
  // A fresh second factor (staff with two-factor sign-in).
  otp: z.string().trim().max(40, { message: "otp_invalid" }).optional().default(""),
});

export const ReviewerNoteSchema = z.object({
  applicationId: z.string().min(1).max(100),
  note: z.string().trim().min(2, { message: "required" }).max(5000, { message: "too_long" }),
});

export const AssignCaseSchema = z.object({
  applicationId: z.string().min(1).max(100),
  // "me" claims, "" releases, otherwise a reviewer's id.
  assignee: z.string().max(100).optional().default(""),
});

export const ApplicantMessageSchema = z
  .object({
    applicationId: z.string().min(1).max(100),
    template: z.preprocess((v) => (v === "" ? undefined : v), z.enum(MESSAGE_TEMPLATES).optional()),
    message: z.string().trim().max(5000, { message: "too_long" }).optional().default(""),
  })
  .refine((v) => v.template || v.message.length > 0, { message: "required", path: ["message"] });

export const ScoreCaseSchema = z.object({
  applicationId: z.string().min(1).max(100),
  // One "score-<index>" field per rubric criterion (0-5); the use case checks them against the rubric.
  scores: z.preprocess(
    toArray,
    z
      .array(
        z.preprocess(
          (v) => (v === "" ? undefined : v),
          z.coerce
            .number({ message: "score_range" })
            .int({ message: "score_range" })
            .min(0, { message: "score_range" })
            .max(5, { message: "score_range" }),
        ),
      )
      .max(10),
  ),
});

export const RulingSchema = z.object({
  applicationId: z.string().min(1).max(100),
  ruling: z.enum(["overrule", "uphold"], { message: "choose_one" }),
  reason: z.string().trim().min(5, { message: "reason_required" }).max(2000, { message: "too_long" }),
});

export const BulkScreenSchema = z.object({
  action: z.enum(["shortlist", "decline"], { message: "choose_one" }),
  ids: z.preprocess(
    toArray,
    z.array(z.string().min(1).max(100)).min(1, { message: "bulk_none_selected" }).max(100, { message: "bulk_too_many" }),
  ),
  reason: z.string().trim().min(5, { message: "reason_required" }).max(2000, { message: "too_long" }),
});

export const UndoBulkSchema = z.object({ bulkId: z.string().min(1).max(100) });

export const RevealDecisionSchema = z.object({
  requestId: z.string().min(1).max(100),
  decision: z.enum(["confirm", "refuse"]),
});
