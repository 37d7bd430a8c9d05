// Tells a reviewer on their review pages that the hourly limits are slowing or stopping them, and why,
// with the limit and when it resets: otherwise a slowed page just takes 2 seconds longer, unexplained.
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/authz/actor";
import { reviewerThrottle, type ThrottleState } from "@/lib/reviews/activity";

/** `skipStopped`: a page that already explains a stop itself (the case page's "Slow down") omits that part. */
export async function ThrottleBanner({ actor, skipStopped = [] }: { actor: Actor; skipStopped?: ThrottleState["kind"][] }) {
  const states = (await reviewerThrottle(actor)).filter(
    (s) => s.state === "slowed" || (s.state === "stopped" && !skipStopped.includes(s.kind)),
  );
  if (states.length === 0) return null;
  const t = await getTranslations("review");
  return (
    <section role="status" aria-labelledby="throttle-h" className="space-y-1 rounded border border-amber-700 bg-amber-50 p-3">
      <h2 id="throttle-h" className="text-base font-semibold">
        {t("throttleTitle")}
      </h2>
      {states.map((s) => (
        <p key={s.kind}>
          {t(
            `throttle.${s.kind}.${s.state}` as never,
            { count: s.count, threshold: s.threshold, max: s.max, minutes: s.minutes, seconds: s.slowDownSeconds } as never,
          )}
        </p>
      ))}
      <p className="text-sm">{t("throttleWhy")}</p>
    </section>
  );
}
