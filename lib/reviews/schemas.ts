import { z } from "zod";
import { REVIEW_ACTIONS } from "@/lib/reviews/rules";

const toArray = (v: unknown) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]);

export const ReviewActionSchema = z.object({
  applicationId: z.string().min(1).max(100),
  action: z.enum(REVIEW_ACTIONS),
  reason: z.string().trim().max(2000, { message: "too_long" }).optional().default(""),
  message: z.string().trim().max(5000, { message: "too_long" }).optional().default(""),
  amount: z.string().trim().max(20, { message: "amount_format" }).optional().default(""),
  items: z.preprocess(toArray, z.array(z.string().max(200)).max(50)),
});
export type ReviewActionInput = z.infer<typeof ReviewActionSchema>;

export const RevealIdentitySchema = z.object({
  applicationId: z.string().min(1).max(100),
  reason: z.string().trim().min(10, { message: "reveal_reason" }).max(500, { message: "too_long" }),
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
