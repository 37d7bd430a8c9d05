import { connection } from "next/server";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { listPublishedCourses } from "@/lib/courses/queries";
import { Link } from "@/lib/i18n/navigation";

export default async function CoursesPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await connection();
  const [t, te, format, courses] = await Promise.all([getTranslations("courses"), getTranslations("enums"), getFormatter(), listPublishedCourses()]);
  return (
    <div className="space-y-6">
      <h1>{t("title")}</h1>
      <p>{t("lead")}</p>
      {courses.length === 0 && <p>{t("none")}</p>}
      <ul className="space-y-4">
        {courses.map((c) => (
          <li key={c.id} className="space-y-1 rounded border border-neutral-200 p-4">
            <h2><Link href={`/courses/${c.id}`}>{c.title}</Link></h2>
            <p className="text-sm text-neutral-700">{c.provider.name} · {te(`CourseTrack.${c.track}`)} · {te(`CourseFormat.${c.format}`)} · {te(`TeachingLanguage.${c.language}`)}</p>
            <p>{t("starts", { date: format.dateTime(c.startDate, { dateStyle: "medium" }) })} · {t("duration", { weeks: c.durationWeeks, hours: c.hoursPerWeek })} · {t("seats", { seats: c.seats })}</p>
            {c.cities.length > 0 && <p>{t("cities")}: {c.cities.map((r) => te(`Region.${r}`)).join(", ")}</p>}
            {c.hiringPledge && <p>{t("hiring")}</p>}
          </li>
        ))}
      </ul>
    </div>
  );
}
