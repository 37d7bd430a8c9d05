// Before /me lists an applicant's enrolments, their overdue offers are expired and the freed seats offered
// to the waitlist (docs/decisions/0013-courses-and-matching.md): a write the page asks for by name, so the
// list itself (myEnrollments) only reads. Each course's sweep is its own transaction under the course lock,
// audited ("enrollment.expired", "enrollment.offered_from_waitlist"); a second run at once finds nothing.
import "server-only";
import { can } from "@/lib/authz/permissions";
import { rolesOf, type Actor } from "@/lib/authz/actor";
import { sweepNow } from "@/lib/courses/enrolment";
import { db } from "@/lib/db/client";

/** Expires the actor's own overdue offers. Returns how many courses were swept. */
export async function expireOwnOverdueOffers(actor: Actor, now = new Date()): Promise<number> {
  // Only applicants hold enrolments: for staff on /me there is nothing to expire.
  if (!can(rolesOf(actor), "enrollment:request:own")) return 0;
  const overdue = await db().enrollment.findMany({
    where: { applicantId: actor.userId, status: "OFFERED", offerExpiresAt: { lt: now } },
    select: { courseId: true },
  });
  const courses = [...new Set(overdue.map((o) => o.courseId))];
  for (const courseId of courses) await sweepNow(courseId);
  return courses.length;
}
