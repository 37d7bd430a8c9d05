import { getTranslations, setRequestLocale } from "next-intl/server";
import { AccessDenied } from "@/components/layout/access-denied";
import { pageActor } from "@/lib/authz/page-actor";
import { newCourseDates } from "@/lib/courses/rules";
import { Link } from "@/lib/i18n/navigation";
import { CourseForm } from "../../course-form";

export default async function NewCoursePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await pageActor(locale, "/provider/courses/new", "course:manage:org");
  if (!actor) return <AccessDenied />;
  const t = await getTranslations("provider");
  return (
    <div className="space-y-6">
      <p>
        <Link href="/provider">{t("back")}</Link>
      </p>
      <h1>{t("newCourseTitle")}</h1>
      <CourseForm
        defaults={{
          format: "ONLINE",
          language: "RU",
          prerequisite: "NONE",
          durationWeeks: "10",
          hoursPerWeek: "8",
          seats: "20",
          ...newCourseDates(),
          isFree: "on",
        }}
      />
    </div>
  );
}
