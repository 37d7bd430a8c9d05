// The actor of the current request, from the session cookie (pages and server actions only; use cases
// receive the actor as an argument so they can be tested without a request).
import "server-only";
import { cache } from "react";
import { auth } from "@/lib/auth/auth";
import { loadActor, type Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";

/** The current actor, or null when signed out or suspended (cached for one request). */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const id = session?.user?.id;
  return id ? loadActor(id, (session as { sv?: number }).sv ?? 0, (session as { sid?: string }).sid) : null;
});

export async function requireActor(): Promise<Actor> {
  const a = await currentActor();
  if (!a) throw new AppError("UNAUTHENTICATED", "Sign in first");
  return a;
}
