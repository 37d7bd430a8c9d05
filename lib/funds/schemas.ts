// Shared by the fund manager's and donor's forms (react-hook-form) and the server actions.
import { z } from "zod";
import { rubricFromText, RubricSchema } from "@/lib/reviews/rubric";

const toArray = (v: unknown) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]);
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

export const CURRENCIES = ["USD", "EUR", "PLN", "BYN"] as const;
export const CATEGORIES = ["RESIGNING_OFFICER", "DISMISSED_WORKER", "REPRESSION_VICTIM", "PUBLIC_SECTOR_LEAVER", "OTHER"] as const;
export const PURPOSES = ["ACADEMY_DEBT", "MEDICAL_REHABILITATION", "FINES_LEGAL", "LIVING_COSTS", "RELOCATION", "OTHER"] as const;
export const REQUIREMENTS = ["REQUIRED", "OPTIONAL", "HIDDEN"] as const;

/** A typed amount, parsed exactly against the fund's currency by the use case. */
const amount = z.string().trim().min(1, { message: "required" }).max(20, { message: "amount_format" });
const key = z.string().trim().min(8).max(100);

export const FundSchema = z.object({
  fundId: z.string().max(100).optional().default(""),
  organisationId: z.string().min(1, { message: "required" }).max(100),
  name: z.string().trim().min(3, { message: "required" }).max(120, { message: "too_long" }),
  purpose: z.string().trim().min(10, { message: "fund_purpose" }).max(2000, { message: "too_long" }),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, { message: "currency" }),
  eligibleCategories: z.preprocess(toArray, z.array(z.enum(CATEGORIES)).min(1, { message: "choose_one" })),
  eligiblePurposes: z.preprocess(toArray, z.array(z.enum(PURPOSES)).min(1, { message: "choose_one" })),
  cap: amount,
  requiredApprovals: z.coerce
    .number({ message: "required_approvals" })
    .int({ message: "required_approvals" })
    .min(1, { message: "required_approvals" })
    .max(5, { message: "required_approvals" }),
  // Months after a case closes before its personal data is erased (lib/applications/retention.ts).
  retentionMonths: z.preprocess(
    (v) => (v === undefined ? 12 : v),
    z.coerce
      .number({ message: "retention_months" })
      .int({ message: "retention_months" })
      .min(1, { message: "retention_months" })
      .max(120, { message: "retention_months" }),
  ),
  publicationDelayDays: z.coerce
    .number({ message: "delay_days" })
    .int({ message: "delay_days" })
    .min(0, { message: "delay_days" })
    .max(365, { message: "delay_days" }),
  open: checkbox,
  evidenceHint: z.string().trim().max(500, { message: "too_long" }).optional().default(""),
  checklist: z.string().max(3000, { message: "too_long" }).optional().default(""),
  // One criterion per line, "label: weight" (lib/reviews/rubric.ts).
  rubric: z
    .string()
    .max(2000, { message: "too_long" })
    .optional()
    .default("")
    .pipe(z.string().refine((t) => RubricSchema.safeParse(rubricFromText(t)).success, { message: "rubric_format" })),
  revealNeedsSecondReviewer: checkbox,
  // Receipts above this amount need a second fund manager's confirmation; empty keeps the current value.
  receiptThreshold: z.string().trim().max(20, { message: "amount_format" }).optional().default(""),
  legalNameRequirement: z.enum(REQUIREMENTS),
  phoneRequirement: z.enum(REQUIREMENTS),
  cityRequirement: z.enum(REQUIREMENTS),
  birthDateRequirement: z.enum(REQUIREMENTS),
});
export type FundInput = z.infer<typeof FundSchema>;

export const PledgeSchema = z.object({
  fundId: z.string().min(1, { message: "required" }).max(100),
  donorName: z.string().trim().max(120, { message: "too_long" }).optional().default(""),
  anonymous: checkbox,
  amount,
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, { message: "currency" }),
  purposeRestriction: z
    .union([z.enum(PURPOSES), z.literal("")])
    .optional()
    .default(""),
  dueDate: z
    .union([z.iso.date({ message: "date" }), z.literal("")])
    .optional()
    .default(""),
  idempotencyKey: key,
});
export type PledgeInput = z.infer<typeof PledgeSchema>;

export const ReceiptSchema = z.object({
  pledgeId: z.string().min(1).max(100),
  amount,
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, { message: "currency" }),
  idempotencyKey: key,
});
export type ReceiptInput = z.infer<typeof ReceiptSchema>;

export const LapsePledgeSchema = z.object({ pledgeId: z.string().min(1).max(100), idempotencyKey: key });

export const FundCourseSchema = z.object({
  fundId: z.string().min(1).max(100),
  courseId: z.string().min(1).max(100),
  fee: amount,
  // How many students the fund pays for: fixed by the fund manager, never by the provider.
  seats: z.coerce
    .number({ message: "funded_seats" })
    .int({ message: "funded_seats" })
    .min(1, { message: "funded_seats" })
    .max(10_000, { message: "funded_seats" }),
  idempotencyKey: key,
});

export const DecideConfirmationSchema = z.object({
  requestId: z.string().min(1).max(100),
  decision: z.enum(["confirm", "refuse"]),
});
