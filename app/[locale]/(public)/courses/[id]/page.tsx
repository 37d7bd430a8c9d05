import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { currentActor } from "@/lib/authz/current-actor";
import { getPublishedCourse, myEnrollmentIn } from "@/lib/courses/queries";
import { rolesOf } from "@/lib/authz/actor";
import { RequestSeatForm } from "./request-seat-form";
import { Link } from "@/lib/i18n/navigation";

export default async function CoursePage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  await connection();
  const course = await getPublishedCourse(id);
  if (!course) notFound();
  const [t, te, format, actor] = await Promise.all([
    getTranslations("courses"),
    getTranslations("enums"),
    getFormatter(),
    currentActor().catch(() => null),
  ]);
  const mine = actor ? await myEnrollmentIn(actor, course.id) : null;
  const date = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  return (
    <article className="space-y-4">
      <p>
        <Link href="/courses">{t("back")}</Link>
      </p>
      <h1>{course.title}</h1>
      <p>{course.description}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
        <dt className="font-semibold">{t("provider")}</dt>
        <dd>{course.provider.name}</dd>
        <dt className="font-semibold">{t("format")}</dt>
        <dd>
          {te(`CourseFormat.${course.format}`)} · {te(`CourseTrack.${course.track}`)}
        </dd>
        <dt className="font-semibold">{t("language")}</dt>
        <dd>{te(`TeachingLanguage.${course.language}`)}</dd>
        {course.cities.length > 0 && (
          <>
            <dt className="font-semibold">{t("cities")}</dt>
            <dd>{course.cities.map((r) => te(`Region.${r}`)).join(", ")}</dd>
          </>
        )}
        <dt className="font-semibold">{t("prerequisite")}</dt>
        <dd>{te(`Prerequisite.${course.prerequisite}`)}</dd>
        {course.eligibleGroups.length > 0 && (
          <>
            <dt className="font-semibold">{t("eligible")}</dt>
            <dd>{course.eligibleGroups.map((g) => te(`SituationCategory.${g}`)).join(", ")}</dd>
          </>
        )}
      </dl>
      <p>
        {t("starts", { date: date(course.startDate) })} · {t("duration", { weeks: course.durationWeeks, hours: course.hoursPerWeek })} ·{" "}
        {t("seatsLeft", { left: Math.max(0, course.seats - course.seatsHeld), seats: course.seats })}
      </p>
      <p>{t("deadline", { date: date(course.applicationDeadline) })}</p>
      {course.isFree && <p>{t("free")}</p>}
      {course.paidByFund && <p>{t("paidByFund", { fund: course.paidByFund })}</p>}
      {course.hiringPledge && <p>{t("hiring")}</p>}
      <section aria-labelledby="seat-h" className="space-y-2">
        <h2 id="seat-h">{t("requestTitle")}</h2>
        {!actor ? (
          <p>
            {t("signInToRequest")}{" "}
            <Link href={`/sign-in?next=${encodeURIComponent(`/${locale}/courses/${course.id}`)}`}>{t("signIn")}</Link> ·{" "}
            <Link href="/sign-up">{t("signUp")}</Link>
          </p>
        ) : !rolesOf(actor).has("APPLICANT") ? (
          <p>{t("applicantsOnly")}</p>
        ) : mine ? (
          <p>
            {t("alreadyRequested")} <Link href="/me#courses">{t("seeMyCourses")}</Link>
          </p>
        ) : (
          <RequestSeatForm courseId={course.id} />
        )}
      </section>
    </article>
  );
}
