// Alerts about reviewers who crossed an hourly threshold of case openings or identity reveals, for the
// admins and the fund managers of their organisations. Nothing is shown when there is nothing to see.
import { getFormatter, getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/authz/actor";
import { activityAlerts } from "@/lib/reviews/activity";

export async function ActivityAlerts({ actor }: { actor: Actor }) {
  const alerts = await activityAlerts(actor);
  if (alerts.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations("alerts"), getFormatter()]);
  return (
    <section aria-labelledby="alerts-h" className="space-y-2 rounded border border-amber-700 bg-amber-50 p-3">
      <h2 id="alerts-h">{t("title")}</h2>
      <ul className="space-y-1">
        {alerts.map((a) => (
          <li key={a.id}>
            {format.dateTime(a.createdAt, { dateStyle: "medium", timeStyle: "short" })} —{" "}
            {a.data.kind === "reveals"
              ? t("reveals", { who: a.who, count: a.data.threshold })
              : t("openings", { who: a.who, count: a.data.threshold })}
          </li>
        ))}
      </ul>
      <p className="text-sm">{t("hint")}</p>
    </section>
  );
}
