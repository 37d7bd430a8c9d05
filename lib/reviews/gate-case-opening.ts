// The reviewer's hourly limit on case openings, counted before a case is shown (docs/decisions/0010-access-log.md).
import "server-only";
import { throttleReviewer } from "@/lib/reviews/activity";
import { type Actor } from "@/lib/authz/actor";

/** Before a case is shown: counts the opening against the reviewer's hourly limit (may slow or stop). */
export async function gateCaseOpening(actor: Actor): Promise<void> {
  await throttleReviewer(actor, "caseOpenings");
}
