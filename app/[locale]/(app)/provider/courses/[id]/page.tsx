import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { AccessDenied } from "@/components/layout/access-denied";
import { pageActor } from "@/lib/authz/page-actor";
import { sweepNow } from "@/lib/courses/enrolment";
import { providerCourse } from "@/lib/courses/queries";
import { hasOverdueOffer, providerActionsAt } from "@/lib/courses/rules";
import { Link } from "@/lib/i18n/navigation";
import { CourseStatusButtons, EnrollmentButtons, OfferCandidateButton } from "../../course-actions";
import { CourseForm } from "../../course-form";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | undefined>> };

export default async function ProviderCoursePage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  const sp = await searchParams;
  setRequestLocale(locale);
  const actor = await pageActor(locale, `/provider/courses/${id}`, "course:manage:org");
  if (!actor) return <AccessDenied />;
  const first = await providerCourse(actor, id);
  if (!first) notFound();
  // Overdue offers are released (and the waitlist offered the seats) before the provider looks.
  const overdue = hasOverdueOffer(first.enrollments);
  const view = overdue ? (await sweepNow(id), (await providerCourse(actor, id))!) : first;
  const { course, fundName, enrollments, suggestions } = view;
  const [t, tc, te, format] = await Promise.all([
    getTranslations("provider"),
    getTranslations("courses"),
    getTranslations("enums"),
    getFormatter(),
  ]);
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const notice = sp.saved
    ? t("saved")
    : sp.done
      ? t(`done_${sp.done}` as never)
      : sp.moved
        ? t("moved", { status: te(`EnrollmentStatus.${sp.moved}` as never) })
        : null;
  const statusActions = [
    course.status !== "PUBLISHED" && ("publish" as const),
    course.status === "PUBLISHED" && ("close" as const),
    "duplicate" as const,
  ].filter((a): a is "publish" | "close" | "duplicate" => Boolean(a));
  const profileLine = (
    p: { occupation: string | null; years: number | null; languages: string[]; interests: string[]; region: string | null } | null,
  ) =>
    p
      ? [
          p.occupation,
          p.years !== null ? t("years", { years: p.years }) : null,
          p.region ? te(`Region.${p.region}` as never) : null,
          p.languages.map((l) => te(`TeachingLanguage.${l}` as never)).join("/"),
          p.interests.map((i) => te(`CourseTrack.${i}` as never)).join(", "),
        ]
          .filter(Boolean)
          .join(" · ")
      : t("noProfile");
  return (
    <article className="space-y-6">
      <p>
        <Link href="/provider">{t("back")}</Link>
      </p>
      <h1>{course.title}</h1>
      {notice && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3">
          {notice}
        </p>
      )}
      <p>
        {te(`CourseStatus.${course.status}`)} · {t("seatsLine", { held: course.seatsHeld, seats: course.seats })} ·{" "}
        {t("startsOn", { date: format.dateTime(course.startDate, { dateStyle: "medium" }) })}
      </p>
      {fundName && <p>{tc("fundedTerms", { fund: fundName, seats: course.fundedSeats ?? 0, used: course.fundedSeatsUsed })}</p>}
      {fundName && course.fundingSuspendedAt && (
        <p role="alert" className="rounded border border-amber-700 bg-amber-50 p-3">
          {tc("fundingSuspendedNotice", { fund: fundName })}
        </p>
      )}
      <CourseStatusButtons courseId={course.id} actions={statusActions} />

      <section id="enrolments" aria-labelledby="enrol-h" className="space-y-3">
        <h2 id="enrol-h">{t("enrolments")}</h2>
        <p className="text-sm text-neutral-700">{t("anonymousHint")}</p>
        {enrollments.length === 0 ? (
          <p>{t("noEnrolments")}</p>
        ) : (
          <ul className="space-y-3">
            {enrollments.map((e) => (
              <li
                key={e.id}
                className="space-y-2 rounded border border-neutral-200 p-3"
                aria-label={t("applicantLabel", { label: e.label })}
              >
                <p>
                  <strong>{t("applicantLabel", { label: e.label })}</strong> · {te(`EnrollmentStatus.${e.status}`)}
                  {e.offerExpiresAt && e.status === "OFFERED"
                    ? ` · ${t("offerUntil", { date: format.dateTime(e.offerExpiresAt, { dateStyle: "medium", timeStyle: "short" }) })}`
                    : ""}
                </p>
                <p className="text-sm">{profileLine(e.profile)}</p>
                {e.motivation && <p className="whitespace-pre-wrap rounded bg-neutral-50 p-2">{e.motivation}</p>}
                {e.contact && (
                  <p>
                    {t("contact")}:{" "}
                    <strong>
                      {e.contact.channel === "NONE"
                        ? t("noContact")
                        : `${te(`ContactChannel.${e.contact.channel}` as never)} ${e.contact.handle}`}
                    </strong>
                  </p>
                )}
                <EnrollmentButtons enrollmentId={e.id} label={e.label} status={e.status} actions={providerActionsAt(e.status)} />
              </li>
            ))}
          </ul>
        )}
      </section>

      {course.status === "PUBLISHED" && (
        <section aria-labelledby="sugg-h" className="space-y-3">
          <h2 id="sugg-h">{t("suggestions")}</h2>
          <p className="text-sm text-neutral-700">{t("suggestionsHint")}</p>
          {suggestions.length === 0 ? (
            <p>{t("noSuggestions")}</p>
          ) : (
            <ul className="space-y-2">
              {suggestions.map((s, i) => (
                <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 rounded border border-neutral-200 p-3">
                  <span>
                    {t("candidateLabel", { n: i + 1 })}: {profileLine(s)} · {t("scoreOf", { score: s.score })}
                  </span>
                  <OfferCandidateButton courseId={course.id} candidate={s.id} label={t("candidateLabel", { n: i + 1 })} />
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <section aria-labelledby="edit-h" className="space-y-3">
        <h2 id="edit-h">{t("editCourse")}</h2>
        <CourseForm
          defaults={{
            courseId: course.id,
            title: course.title,
            track: course.track,
            description: course.description,
            format: course.format,
            cities: course.cities.join("\n"),
            language: course.language,
            startDate: iso(course.startDate),
            durationWeeks: String(course.durationWeeks),
            hoursPerWeek: String(course.hoursPerWeek),
            seats: String(course.seats),
            applicationDeadline: iso(course.applicationDeadline),
            prerequisite: course.prerequisite,
            eligibleGroups: course.eligibleGroups.join("\n"),
            isFree: course.isFree ? "on" : "",
            hiringPledge: course.hiringPledge ? "on" : "",
          }}
        />
      </section>
    </article>
  );
}
