// Test harness for server actions (security suite): replaces only the request context — which actor is
// signed in, the request headers, translations and navigation — so the real action wrappers, schemas,
// use cases and database run. Call `mockRequestContext()` before importing any action module.
import { vi } from "vitest";
import type { Actor } from "@/lib/authz/actor";
import { CLIENT_HEADER } from "@/lib/security/client-address.mjs";

export const harness = { actor: null as Actor | null, ip: "198.51.100.1" };

export type ActionResultLike = { ok: boolean; code?: string; message?: string; eventId?: string };
export type Action = (prev: unknown, fd: FormData) => Promise<ActionResultLike>;
/** Redirects and not-found are thrown, as in Next.js; their digest says which. */
export const navigationDigest = (e: unknown): string | undefined => {
  const d = (e as { digest?: string })?.digest;
  return typeof d === "string" && d.startsWith("NEXT_") ? d : undefined;
};

export function mockRequestContext(): void {
  vi.doMock("@/lib/authz/current-actor", () => ({
    currentActor: async () => harness.actor,
    // A device session id no row has: actions that spare "this device" spare none of the actor's rows.
    currentSession: async () => (harness.actor ? { actor: harness.actor, deviceSessionId: "harness-session" } : null),
    requireActor: async () => {
      if (!harness.actor) {
        const { AppError } = await import("@/lib/errors");
        throw new AppError("UNAUTHENTICATED", "Sign in first");
      }
      return harness.actor;
    },
  }));
  vi.doMock("next-intl/server", () => ({
    getTranslations: async () => Object.assign((k: string) => k, { has: () => true }),
    getLocale: async () => "en",
  }));
  vi.doMock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
  vi.doMock("next/headers", () => ({
    headers: async () => new Headers({ [CLIENT_HEADER]: harness.ip }),
    cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => {}, delete: () => {} }),
  }));
  vi.doMock("next/navigation", () => {
    const nav = (digest: string) => Object.assign(new Error(digest), { digest });
    return {
      redirect: (to: string) => {
        throw nav(`NEXT_REDIRECT;${to}`);
      },
      notFound: () => {
        throw nav("NEXT_HTTP_ERROR_FALLBACK;404");
      },
      unstable_rethrow: (e: unknown) => {
        if (navigationDigest(e)) throw e;
      },
    };
  });
  vi.doMock("next-auth", () => ({ AuthError: class extends Error {}, CredentialsSignin: class extends Error {} }));
  vi.doMock("@/lib/auth/auth", () => ({
    signIn: async () => {
      throw Object.assign(new Error("NEXT_REDIRECT;/"), { digest: "NEXT_REDIRECT;/" });
    },
    signOut: async () => {},
    auth: async () => null,
    TwoFactorNeeded: class extends Error {},
    PasswordPending: class extends Error {},
  }));
}

/** Actions that change the whole deployment (the emergency lock): their suite runs alone (*.serial). */
export const DEPLOYMENT_WIDE = ["lockDeploymentAction", "unlockDeploymentAction"];

/** Every server action module of the app (the fuzzing and authorization suites cover all of them). */
export const ACTION_MODULES = {
  applications: () => import("@/lib/applications/actions"),
  audit: () => import("@/lib/audit/chain-actions"),
  evidence: () => import("@/lib/evidence/actions"),
  courses: () => import("@/lib/courses/actions"),
  funds: () => import("@/lib/funds/actions"),
  mirrors: () => import("@/lib/mirrors/actions"),
  payouts: () => import("@/lib/payouts/actions"),
  reviews: () => import("@/lib/reviews/actions"),
  users: () => import("@/lib/users/actions"),
  twoFactor: () => import("@/lib/auth/two-factor-actions"),
  sealed: () => import("@/lib/sealed/actions"),
};

export async function loadActions(): Promise<Map<string, Action>> {
  const out = new Map<string, Action>();
  for (const load of Object.values(ACTION_MODULES)) {
    for (const [name, fn] of Object.entries((await load()) as Record<string, unknown>))
      if (typeof fn === "function" && name.endsWith("Action") && fn.length === 2) out.set(name, fn as Action);
  }
  return out;
}

export function formOf(fields: Record<string, string | string[] | Blob>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
  return fd;
}
