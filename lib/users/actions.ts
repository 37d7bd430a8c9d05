"use server";
// Thin server actions: parse (in formAction), call the use case, revalidate/redirect. The actor always
// comes from the session, never from the form.
import { AuthError } from "next-auth";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { clientAddress, consumeRateLimit, LIMITS, rateLimitedFor, rateLimitError } from "@/lib/rate-limit/rate-limit";
import { formAction } from "@/lib/actions/form-action";
import { PasswordPending, signIn, signOut, TwoFactorNeeded } from "@/lib/auth/auth";
import { db } from "@/lib/db/client";
import { signOutDevice } from "@/lib/users/devices";
import { currentSession, requireActor } from "@/lib/authz/current-actor";
import { AppError } from "@/lib/errors";
import { safeNextPath } from "@/lib/i18n/safe-next";
import { grantRole } from "@/lib/users/grant-role";
import { registerApplicant } from "@/lib/users/register-applicant";
import { revokeRole } from "@/lib/users/revoke-role";
import { setSuspended, signOutEverywhere } from "@/lib/users/sessions";
import { setQuickExitSignOut } from "@/lib/users/quick-exit";
import { recoverAccount } from "@/lib/users/recover-account";
import { setPassword } from "@/lib/users/set-password";
import { registerPseudonymousApplicant } from "@/lib/users/register-pseudonymous-applicant";
import {
  GrantRoleSchema,
  MagicLinkSchema,
  PseudonymousSignUpSchema,
  RecoverAccountSchema,
  RevokeRoleSchema,
  SetPasswordSchema,
  SignInSchema,
  SignUpSchema,
  SuspendUserSchema,
} from "@/lib/users/schemas";

const WithNext = z.object({ next: z.string().optional() });

export const signInAction = formAction("signIn", SignInSchema.extend(WithNext.shape), async ({ identifier, password, otp, next }) => {
  const locale = await getLocale();
  // Say clearly that sign-in is paused, and for how long (the check itself is in authorize()).
  const wait =
    (await rateLimitedFor(LIMITS.signInFailuresAccount, identifier.trim().toLowerCase())) ??
    (await rateLimitedFor(LIMITS.signInFailuresClient, await clientAddress()));
  if (wait) throw rateLimitError(wait);
  try {
    await signIn("credentials", { identifier, password, otp, redirectTo: safeNextPath(next, locale) });
  } catch (e) {
    if (e instanceof TwoFactorNeeded || (e instanceof AuthError && (e as { code?: string }).code === "two_factor")) {
      throw new AppError("UNAUTHENTICATED", "second factor", {
        fieldErrors: { otp: ["otp_needed"] },
        messageKey: "auth.secondFactorNeeded",
      });
    }
    if (e instanceof PasswordPending || (e instanceof AuthError && (e as { code?: string }).code === "password_pending")) {
      throw new AppError("UNAUTHENTICATED", "password pending", { messageKey: "auth.passwordPending" });
    }
    if (e instanceof AuthError) throw new AppError("UNAUTHENTICATED", "bad credentials", { messageKey: "auth.badCredentials" });
    throw e; // includes the redirect after a successful sign-in
  }
});

export const magicLinkAction = formAction("magicLink", MagicLinkSchema.extend(WithNext.shape), async ({ email, next }) => {
  const locale = await getLocale();
  await signIn("nodemailer", { email, redirect: false, redirectTo: safeNextPath(next, locale) });
  redirect(`/${locale}/sign-in?sent=1`);
});

export const signUpAction = formAction("signUp", SignUpSchema, async (input) => {
  const locale = await getLocale();
  await consumeRateLimit(LIMITS.signUpClient, await clientAddress());
  await registerApplicant(input, locale);
  // Same next step whether the email was new or not (see registerApplicant).
  await signIn("nodemailer", { email: input.email, redirect: false, redirectTo: `/${locale}/me` });
  redirect(`/${locale}/sign-up?sent=1`);
});

export const pseudonymousSignUpAction = formAction("pseudonymousSignUp", PseudonymousSignUpSchema, async (input) => {
  const locale = await getLocale();
  await consumeRateLimit(LIMITS.signUpClient, await clientAddress());
  const { username, recoveryCodes } = await registerPseudonymousApplicant(input, locale);
  // Signed in at once; the codes are returned to this one response only (never in a URL or a log).
  await signIn("credentials", { identifier: username, password: input.password, redirect: false });
  return { username, recoveryCodes };
});

export const recoverAccountAction = formAction("recoverAccount", RecoverAccountSchema, async (input) => {
  const locale = await getLocale();
  const { remainingCodes } = await recoverAccount(input, { client: await clientAddress() });
  // The case list then confirms the change and says how many recovery codes are left.
  await signIn("credentials", {
    identifier: input.username,
    password: input.password,
    redirectTo: `/${locale}/me?recovered=${remainingCodes}`,
  });
});

export async function signOutAction(): Promise<void> {
  const locale = await getLocale();
  // This device's session ends in the list too, not only in this browser.
  const sid = (await currentSession())?.deviceSessionId;
  if (sid) await db().userSession.updateMany({ where: { id: sid, revokedAt: null }, data: { revokedAt: new Date() } });
  await signOut({ redirectTo: `/${locale}` });
}

export const signOutDeviceAction = formAction(
  "signOutDevice",
  z.object({ sessionId: z.string().min(1).max(100) }),
  async ({ sessionId }) => {
    await signOutDevice(await requireActor(), sessionId);
    revalidatePath("/[locale]/me/security", "page");
    redirect(`/${await getLocale()}/me/security?deviceSignedOut=1#devices`);
  },
);

// A checkbox: ticked posts "on", unticked posts nothing (which turns the setting off).
export const setQuickExitSignOutAction = formAction(
  "setQuickExitSignOut",
  z.object({ signOut: z.literal("on").optional() }),
  async ({ signOut }) => {
    await setQuickExitSignOut(await requireActor(), signOut === "on");
    revalidatePath("/[locale]/me/security", "page");
    return { signOut: signOut === "on" };
  },
);

export const grantRoleAction = formAction("grantRole", GrantRoleSchema, async (input) => {
  const actor = await requireActor();
  const r = await grantRole(actor, input);
  revalidatePath("/[locale]/admin", "page");
  return r;
});

export const revokeRoleAction = formAction("revokeRole", RevokeRoleSchema, async (input) => {
  const actor = await requireActor();
  await revokeRole(actor, input);
  revalidatePath("/[locale]/admin", "page");
});

export const signOutEverywhereAction = formAction("signOutEverywhere", z.object({}), async () => {
  await signOutEverywhere(await requireActor());
  const locale = await getLocale();
  await signOut({ redirectTo: `/${locale}/sign-in?ended=1` });
});

export const suspendUserAction = formAction("suspendUser", SuspendUserSchema, async ({ userId, suspend }) => {
  await setSuspended(await requireActor(), userId, suspend === "1");
  revalidatePath("/[locale]/admin", "page");
  redirect(`/${await getLocale()}/admin?${suspend === "1" ? "suspended" : "reactivated"}=1`);
});

export const setPasswordAction = formAction("setPassword", SetPasswordSchema, async (input) => {
  const { outcome } = await setPassword(await requireActor(), input, (await currentSession())?.deviceSessionId);
  revalidatePath("/[locale]/me", "layout");
  redirect(`/${await getLocale()}/me/security?password=${outcome}#password`);
});
