// Shared by the forms (react-hook-form + zodResolver) and the server actions. Messages are translation
// keys under "validation" in messages/*.json.
import { z } from "zod";
import { STAFF_ROLES } from "@/lib/authz/permissions";

export const PASSWORD_MIN = 10;

const email = z.string().trim().toLowerCase().max(254, { message: "too_long" }).pipe(z.email({ message: "email" }));

export const SignInSchema = z.object({
  identifier: z.string().trim().min(1, { message: "required" }).max(254, { message: "too_long" }),
  password: z.string().min(1, { message: "required" }).max(1024, { message: "too_long" }),
});
export type SignInInput = z.infer<typeof SignInSchema>;

export const MagicLinkSchema = z.object({ email });
export type MagicLinkInput = z.infer<typeof MagicLinkSchema>;

export const SignUpSchema = z
  .object({
    email,
    password: z.string().min(PASSWORD_MIN, { message: "password_short" }).max(1024, { message: "too_long" }),
    passwordConfirm: z.string().min(1, { message: "required" }),
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], message: "password_mismatch" });
export type SignUpInput = z.infer<typeof SignUpSchema>;

export const GrantRoleSchema = z.object({
  userId: z.string().min(1, { message: "required" }),
  organisationId: z.string().min(1, { message: "required" }),
  role: z.enum(STAFF_ROLES, { message: "required" }),
});
export type GrantRoleInput = z.infer<typeof GrantRoleSchema>;

export const RevokeRoleSchema = z.object({ membershipId: z.string().min(1, { message: "required" }) });
export type RevokeRoleInput = z.infer<typeof RevokeRoleSchema>;
