import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { AccessDenied } from "@/components/layout/access-denied";
import { pageActor } from "@/lib/authz/page-actor";
import { listProviderCourses } from "@/lib/courses/queries";

export default async function ProviderPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await pageActor(locale, "/provider", "course:manage:org");
  if (!actor) return <AccessDenied />;
  const [t, te, format, courses] = await Promise.all([getTranslations("provider"), getTranslations("enums"), getFormatter(), listProviderCourses(actor)]);
  return (
    <div className="space-y-6">
      <h1>{t("title")}</h1>
      <p>{t("lead")}</p>
      {courses.length === 0 ? <p>{t("none")}</p> : (
        <table>
          <thead><tr><th scope="col">{t("course")}</th><th scope="col">{t("status")}</th><th scope="col">{t("starts")}</th></tr></thead>
          <tbody>
            {courses.map((c) => (
              <tr key={c.id}><td>{c.title}</td><td>{te(`CourseStatus.${c.status}`)}</td><td>{format.dateTime(c.startDate, { dateStyle: "medium" })}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
