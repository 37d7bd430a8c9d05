// Test helper: an Actor for a user, loaded the same way the app loads it.
import { loadActor, type Actor } from "@/lib/authz/actor";

export async function actorFor(userId: string): Promise<Actor> {
  const a = await loadActor(userId);
  if (!a) throw new Error(`no active user ${userId}`);
  return a;
}
