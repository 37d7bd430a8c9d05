// The emergency lock's form, shared by the admin page and the server action. Locking is confirmed by typing
// a phrase, not by ticking a box: a lock whose unlock code is lost makes every case unreadable for good
// (docs/decisions/0027-emergency-lock-confirmation.md). The phrase of any of the interface's languages is
// accepted, in any letter case, so a page in another language still works.
import { z } from "zod";

export const LOCK_PHRASES = { en: "LOCK", be: "ЗАБЛАКАВАЦЬ", ru: "ЗАБЛОКИРОВАТЬ" } as const;
const accepted = new Set<string>(Object.values(LOCK_PHRASES));

export const LockDeploymentSchema = z.object({
  confirm: z
    .string({ message: "confirm_lock" })
    .trim()
    .refine((v) => accepted.has(v.toLocaleUpperCase("ru")), { message: "confirm_lock" }),
  otp: z.string().trim().max(40, { message: "otp_invalid" }).optional().default(""),
});

export const UnlockDeploymentSchema = z.object({
  code: z.string().trim().min(1, { message: "required" }).max(200, { message: "unlock_code_wrong" }),
  otp: z.string().trim().max(40, { message: "otp_invalid" }).optional().default(""),
});
