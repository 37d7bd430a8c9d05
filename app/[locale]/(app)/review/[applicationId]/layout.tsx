// Above every case page: the reviewer's hourly limits, when they are slowing or stopping them (issue 16,
// item 19). A layout of its own, so the case page stays as it is; it is rendered again for every case
// opened, also when navigating from one case to the next with JavaScript.
import { ThrottleBanner } from "@/components/cases/throttle-banner";
import { rolesOf } from "@/lib/authz/actor";
import { currentActor } from "@/lib/authz/current-actor";
import { can } from "@/lib/authz/permissions";

export default async function ReviewCaseLayout({ children }: { children: React.ReactNode }) {
  const actor = await currentActor();
  return (
    <div className="space-y-4">
      {/* A stop of case openings is the case page's own message ("Slow down"); this adds the slow-down and reveals. */}
      {actor && can(rolesOf(actor), "application:read:org") && <ThrottleBanner actor={actor} skipStopped={["caseOpenings"]} />}
      {children}
    </div>
  );
}
