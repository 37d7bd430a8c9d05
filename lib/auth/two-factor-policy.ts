// Who must have two-factor sign-in (docs/decisions/0016-two-factor.md): the policy alone, without the TOTP
// and QR code libraries of lib/auth/two-factor.ts, so the actor load on every request
// (lib/authz/actor.ts) needs only this.
import "server-only";
import type { Role } from "@/lib/db/generated/enums";
import { env } from "@/lib/env";

/** Staff roles held back until two-factor sign-in is set up (where the policy requires it). */
export const STAFF_2FA_ROLES: readonly Role[] = ["REVIEWER", "FUND_MANAGER", "ADMIN"];

/** Tests may force the policy; otherwise STAFF_TWO_FACTOR, defaulting to required outside the demo. */
export const twoFactorPolicy: { required?: boolean } = {};
export function staffTwoFactorRequired(): boolean {
  if (twoFactorPolicy.required !== undefined) return twoFactorPolicy.required;
  const e = env();
  return (e.STAFF_TWO_FACTOR ?? (e.PADTRYMKA_DEMO === "1" ? "optional" : "required")) === "required";
}
