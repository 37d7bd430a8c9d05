import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { listOwnApplications } from "@/lib/applications/queries";
import { pageActor } from "@/lib/authz/page-actor";
import { Link } from "@/lib/i18n/navigation";
import { expireOwnOverdueOffers } from "@/lib/courses/expire-own-offers";
import { myEnrollments, recommendationsFor } from "@/lib/courses/queries";
import type { Reason } from "@/lib/courses/matching";
import { OfferResponse } from "./course-forms";
import { SignOutEverywhere } from "@/components/layout/sign-out-everywhere";
import { ownPasswordState } from "@/lib/users/queries";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | undefined>> };

export default async function MePage({ params, searchParams }: Props) {
  const { locale } = await params;
  const sp = await searchParams;
  setRequestLocale(locale);
  const actor = (await pageActor(locale, "/me"))!;
  // The page's one write, before it reads: an offer past its deadline is shown as expired, its seat offered on.
  await expireOwnOverdueOffers(actor);
  const [ts, t, tc, te, format, apps, enrolments, recs, password] = await Promise.all([
    getTranslations("security"),
    getTranslations("me"),
    getTranslations("courses"),
    getTranslations("enums"),
    getFormatter(),
    listOwnApplications(actor),
    myEnrollments(actor),
    recommendationsFor(actor),
    ownPasswordState(actor),
  ]);
  const reason = (r: Reason) => {
    switch (r.code) {
      case "track":
        return tc("reason_track", { track: te(`CourseTrack.${r.track}`) });
      case "starts_soon":
        return tc("reason_starts_soon", { weeks: r.weeks });
      case "in_region":
        return tc("reason_in_region", { region: te(`Region.${r.region}`) });
      case "online":
        return tc("reason_online");
      case "no_prerequisites":
        return tc("reason_no_prerequisites");
      case "hiring":
        return tc("reason_hiring");
      case "first_language":
        return tc("reason_first_language", { language: te(`TeachingLanguage.${r.language}`) });
    }
  };
  const courseNotice = sp.requested
    ? tc("requestedNotice")
    : sp.enrolment === "accept"
      ? tc("acceptedNotice")
      : sp.enrolment === "decline_offer"
        ? tc("declinedNotice")
        : sp.profile
          ? tc("profileSaved")
          : null;
  return (
    <div className="space-y-6">
      <h1>{t("title")}</h1>
      {password.pending && (
        <p role="alert" className="rounded border border-amber-700 bg-amber-50 p-3">
          {t("passwordPendingBanner")} <Link href="/me/security#password">{t("passwordPendingLink")}</Link>
        </p>
      )}
      {sp.recovered && /^\d{1,2}$/.test(sp.recovered) && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3">
          {t("recovered", { codes: Number(sp.recovered) })}
        </p>
      )}
      <p>{t("lead")}</p>
      {apps.length === 0 ? (
        <p>
          {t("none")} <Link href="/apply">{t("applyCta")}</Link>
        </p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("reference")}</th>
              <th scope="col">{t("fund")}</th>
              <th scope="col">{t("stage")}</th>
              <th scope="col">{t("updated")}</th>
            </tr>
          </thead>
          <tbody>
            {apps.map((a) => (
              <tr key={a.id}>
                <td>
                  {a.status === "DRAFT" ? (
                    <Link href={`/apply/${a.id}`}>{t("continueDraft")}</Link>
                  ) : (
                    <Link href={`/me/${a.id}`}>{a.referenceCode ?? t("open")}</Link>
                  )}
                </td>
                <td>{a.fund.name}</td>
                <td>{te(`ApplicationStatus.${a.status}`)}</td>
                <td>{format.dateTime(a.updatedAt, { dateStyle: "medium" })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <section id="courses" aria-labelledby="courses-h" className="space-y-4">
        <h2 id="courses-h">{tc("meTitle")}</h2>
        {courseNotice && (
          <p role="status" className="rounded border border-green-700 bg-green-50 p-3">
            {courseNotice}
          </p>
        )}
        {enrolments.length > 0 && (
          <ul className="space-y-3">
            {enrolments.map((e) => (
              <li key={e.id} className="space-y-2 rounded border border-neutral-200 p-3">
                <p>
                  <Link href={`/courses/${e.course.id}`}>{e.course.title}</Link> · {e.course.provider.name} ·{" "}
                  <strong>{te(`EnrollmentStatus.${e.status}`)}</strong>
                </p>
                {e.status === "OFFERED" && e.offerExpiresAt && (
                  <p>{tc("offerUntil", { date: format.dateTime(e.offerExpiresAt, { dateStyle: "medium", timeStyle: "short" }) })}</p>
                )}
                {e.status === "OFFERED" && <OfferResponse enrollmentId={e.id} course={e.course.title} />}
              </li>
            ))}
          </ul>
        )}
        <h3>{tc("recommended")}</h3>
        <p className="text-sm text-neutral-700">
          {recs.hasProfile ? tc("recommendedLead") : tc("noProfileLead")} <Link href="/me/profile">{tc("editProfile")}</Link>
        </p>
        {recs.items.length === 0 ? (
          <p>{tc("noRecommendations")}</p>
        ) : (
          <ol className="space-y-3">
            {recs.items.map((r) => (
              <li key={r.courseId} className="space-y-1 rounded border border-neutral-200 p-3">
                <p>
                  <Link href={`/courses/${r.courseId}`}>{r.course.title}</Link> · {r.course.provider.name} ·{" "}
                  <strong>{tc("score", { score: r.score })}</strong>
                </p>
                <p className="text-sm">{r.reasons.map(reason).join(", ")}</p>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="sessions-h" className="space-y-2">
        <h2 id="sessions-h">{t("sessionsTitle")}</h2>
        <p>{t("sessionsLead")}</p>
        <SignOutEverywhere />
        <p>
          <Link href="/me/security">{ts("navLink")}</Link>
        </p>
      </section>
    </div>
  );
}
