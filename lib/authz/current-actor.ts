// The actor of the current request, from the session cookie (pages and server actions only; use cases
// receive the actor as an argument so they can be tested without a request).
import "server-only";
import { cache } from "react";
import { sessionClaims } from "@/lib/auth/session-claims";
import { loadActor, loadActorWith, type Actor } from "@/lib/authz/actor";
import type { Prisma } from "@/lib/db/generated/client";
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

/**
 * The current actor and, in the same round trip, one more read of the request's own (`loadActorWith`):
 * `also(userId)` builds it for the session's user. For the hot path of one server action; not cached.
 */
export async function requireActorWith<E>(also: (userId: string) => Prisma.Sql): Promise<{ actor: Actor; also: E | null }> {
  const claims = await sessionClaims();
  const r = claims ? await loadActorWith<E>(claims.userId, claims.sessionVersion, claims.deviceSessionId, also(claims.userId)) : null;
  if (!r?.actor) throw new AppError("UNAUTHENTICATED", "Sign in first");
  return { actor: r.actor, also: r.also };
}
