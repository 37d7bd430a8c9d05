// The actor of the current request, from the session cookie (pages and server actions only; use cases
// receive the actor as an argument so they can be tested without a request).
import "server-only";
import { cache } from "react";
import { sessionClaims } from "@/lib/auth/session-claims";
import { loadActor, type Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";

/** The current actor, or null when signed out or suspended (cached for one request). */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const claims = await sessionClaims();
  return claims ? loadActor(claims.userId, claims.sessionVersion, claims.deviceSessionId) : null;
});

export async function requireActor(): Promise<Actor> {
  const a = await currentActor();
  if (!a) throw new AppError("UNAUTHENTICATED", "Sign in first");
  return a;
}
