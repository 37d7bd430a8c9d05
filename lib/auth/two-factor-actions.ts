"use server";
// Setting up two-factor sign-in, and an admin's reset of it. The actor always comes from the session.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { beginEnrolment, confirmEnrolment, resetTwoFactor } from "@/lib/auth/two-factor";
import { lockDeployment, unlockDeployment } from "@/lib/crypto/emergency-lock";
import { LockDeploymentSchema, UnlockDeploymentSchema } from "@/lib/crypto/lock-schemas";
import { requireActor } from "@/lib/authz/current-actor";

export const startTwoFactorAction = formAction("startTwoFactor", z.object({}), async () => {
  await beginEnrolment(await requireActor());
  redirect(`/${await getLocale()}/me/security?setup=1`);
});

export const confirmTwoFactorAction = formAction(
  "confirmTwoFactor",
  z.object({ otp: z.string().trim().min(1, { message: "otp_needed" }).max(20, { message: "otp_invalid" }) }),
  async ({ otp }) => {
    // No revalidation: the page must keep showing the recovery codes this once.
    return confirmEnrolment(await requireActor(), otp);
  },
);

export const resetTwoFactorAction = formAction("resetTwoFactor", z.object({ userId: z.string().min(1).max(100) }), async ({ userId }) => {
  await resetTwoFactor(await requireActor(), userId);
  revalidatePath("/[locale]/admin", "layout");
  return { done: true };
});

export const lockDeploymentAction = formAction("lockDeployment", LockDeploymentSchema, async ({ otp }) => {
  const result = await lockDeployment(await requireActor(), otp);
  // No revalidation: the page must keep showing the unlock code this once. Without JavaScript the page is
  // rendered again (now locked) and the lock form, still in the page, shows the result (admin page).
  return result;
});

export const unlockDeploymentAction = formAction("unlockDeployment", UnlockDeploymentSchema, async ({ code, otp }) => {
  const { keys } = await unlockDeployment(await requireActor(), code, otp);
  revalidatePath("/[locale]/admin", "layout");
  // The unlock form leaves the page with the lock: the page says what happened.
  redirect(`/${await getLocale()}/admin?unlocked=${keys}#lock`);
});
