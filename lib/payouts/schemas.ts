import { z } from "zod";
import { PAYOUT_ACTIONS } from "@/lib/payouts/rules";

export const METHODS = ["BANK_TRANSFER", "CARD", "CRYPTO", "CASH_TRUSTED_PERSON", "THIRD_PARTY"] as const;
const key = z.string().trim().min(8).max(100);

export const RequestPayoutSchema = z.object({
  applicationId: z.string().min(1).max(100),
  amount: z.string().trim().min(1, { message: "required" }).max(20, { message: "amount_format" }),
  method: z.enum(METHODS, { message: "required" }),
  details: z.string().trim().min(4, { message: "payout_details" }).max(500, { message: "too_long" }),
  idempotencyKey: key,
});
export type RequestPayoutInput = z.infer<typeof RequestPayoutSchema>;

export const PayoutStepSchema = z.object({
  payoutId: z.string().min(1).max(100),
  action: z.enum(PAYOUT_ACTIONS),
  method: z
    .union([z.enum(METHODS), z.literal("")])
    .optional()
    .default(""),
  reason: z.string().trim().max(1000, { message: "too_long" }).optional().default(""),
  // A fresh second factor to approve (staff with two-factor sign-in).
  otp: z.string().trim().max(40, { message: "otp_invalid" }).optional().default(""),
  idempotencyKey: key,
  // The payout's state and attempt as the acting page showed them: a stale tab's step is refused with the
  // state now (the attempt tells "investigating again" from "still investigating").
  expectedStatus: z.string().max(40).optional(),
  expectedAttempt: z
    .string()
    .regex(/^\d{1,6}$/)
    .optional(),
});
export type PayoutStepInput = Omit<z.infer<typeof PayoutStepSchema>, "otp"> & { otp?: string };
