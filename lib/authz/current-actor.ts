// The actor of the current request, from the session cookie (pages and server actions only; use cases
// receive the actor as an argument so they can be tested without a request). The cookie is read here
// rather than through next-auth's `auth()`, which builds its whole configuration and checks its CSRF
// cookie on every call; issuing and ending sessions stay with next-auth (lib/auth/auth.ts).
import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { sessionCookieValue } from "@/lib/auth/session-token";
import { loadSessionActor, type Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";

/** The live session of this request: its actor and device session id; null when signed out (cached for one request). */
export const currentSession = cache(async (): Promise<{ actor: Actor; deviceSessionId: string } | null> => {
  const token = sessionCookieValue((await cookies()).getAll());
  return token ? loadSessionActor(token) : null;
});

/** The current actor, or null when signed out or suspended (cached for one request). */
export const currentActor = cache(async (): Promise<Actor | null> => (await currentSession())?.actor ?? null);

export async function requireActor(): Promise<Actor> {
  const a = await currentActor();
  if (!a) throw new AppError("UNAUTHENTICATED", "Sign in first");
  return a;
}
