import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { AccessDenied } from "@/components/layout/access-denied";
import { pageActor } from "@/lib/authz/page-actor";
import { listProviderCourses, providerOutcomes } from "@/lib/courses/queries";
import { Link } from "@/lib/i18n/navigation";
import type { Cell } from "@/lib/transparency/rules";

export default async function ProviderPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await pageActor(locale, "/provider", "course:manage:org");
  if (!actor) return <AccessDenied />;
  const [t, te, format, courses, outcomes] = await Promise.all([
    getTranslations("provider"),
    getTranslations("enums"),
    getFormatter(),
    listProviderCourses(actor),
    providerOutcomes(actor),
  ]);
  const shown = (c: Cell) => (c.hidden ? t("fewerThan5") : String(c.count));
  return (
    <div className="space-y-6">
      <h1>{t("title")}</h1>
      <p>{t("lead")}</p>
      <p>
        <Link href="/provider/courses/new">{t("newCourse")}</Link>
      </p>
      {courses.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("course")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("starts")}</th>
                <th scope="col">{t("seatsTaken")}</th>
                <th scope="col">{t("waiting")}</th>
              </tr>
            </thead>
            <tbody>
              {courses.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link href={`/provider/courses/${c.id}`}>{c.title}</Link>
                  </th>
                  <td>{te(`CourseStatus.${c.status}`)}</td>
                  <td>{format.dateTime(c.startDate, { dateStyle: "medium" })}</td>
                  <td>
                    {c.seatsHeld} / {c.seats}
                  </td>
                  <td>{c.requests}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="outcomes-h" className="space-y-2">
        <h2 id="outcomes-h">{t("outcomes")}</h2>
        <p>
          {t("outcomesLine", { enrolled: shown(outcomes.enrolled), completed: shown(outcomes.completed), hired: shown(outcomes.hired) })}
        </p>
      </section>
    </div>
  );
}
