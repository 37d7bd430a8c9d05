// Public catalogue: server-rendered filters (a plain GET form, no JavaScript needed), keyset pages.
import { connection } from "next/server";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { catalogue } from "@/lib/courses/queries";
import { CatalogueFilterSchema, LANGUAGES, REGIONS, TRACKS } from "@/lib/courses/schemas";
import { Link } from "@/lib/i18n/navigation";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CoursesPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await connection();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = CatalogueFilterSchema.safeParse(raw);
  const filter = parsed.success ? parsed.data : {};
  const [t, te, format, { rows, next }] = await Promise.all([
    getTranslations("courses"),
    getTranslations("enums"),
    getFormatter(),
    catalogue({ ...filter, after: typeof raw.after === "string" ? raw.after : undefined }),
  ]);
  const current = Object.fromEntries(
    Object.entries(filter)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  );
  const select = (name: string, label: string, options: { value: string; label: string }[]) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`f-${name}`} className="text-sm font-medium">
        {label}
      </label>
      <select id={`f-${name}`} name={name} defaultValue={current[name] ?? ""} className="rounded border border-neutral-400 px-2 py-1">
        <option value="">{t("any")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  const check = (name: string, label: string) => (
    <label className="flex items-center gap-2">
      <input type="checkbox" name={name} value="1" defaultChecked={current[name] === "1"} className="h-5 w-5" />
      {label}
    </label>
  );
  return (
    <div className="space-y-6">
      <h1>{t("title")}</h1>
      <p>{t("lead")}</p>
      <form method="get" className="space-y-3 rounded border border-neutral-200 p-3" aria-label={t("filters")}>
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {select(
            "track",
            t("track"),
            TRACKS.map((v) => ({ value: v, label: te(`CourseTrack.${v}`) })),
          )}
          {select("place", t("place"), [
            { value: "online", label: t("online") },
            ...REGIONS.map((v) => ({ value: v, label: te(`Region.${v}`) })),
          ])}
          {select(
            "language",
            t("teachingLanguage"),
            LANGUAGES.map((v) => ({ value: v, label: te(`TeachingLanguage.${v}`) })),
          )}
          {select(
            "within",
            t("startsWithin"),
            [2, 4, 8, 12].map((w) => ({ value: String(w), label: t("weeks", { weeks: w }) })),
          )}
        </div>
        <div className="flex flex-wrap gap-4">
          {check("noPrerequisites", t("noPrerequisites"))}
          {check("hiring", t("hiringOnly"))}
          {check("seatsLeft", t("seatsLeftOnly"))}
        </div>
        <div className="flex gap-3">
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
            {t("applyFilters")}
          </button>
          <Link href="/courses" className="self-center">
            {t("clearFilters")}
          </Link>
        </div>
      </form>
      <p role="status">{t("shown", { count: rows.length })}</p>
      {rows.length === 0 && <p>{t("none")}</p>}
      <ul className="space-y-4">
        {rows.map((c) => (
          <li key={c.id} className="space-y-1 rounded border border-neutral-200 p-4">
            <h2>
              <Link href={`/courses/${c.id}`}>{c.title}</Link>
            </h2>
            <p className="text-sm text-neutral-700">
              {c.provider.name} · {te(`CourseTrack.${c.track}`)} · {te(`CourseFormat.${c.format}`)} · {te(`TeachingLanguage.${c.language}`)}
            </p>
            <p>
              {t("starts", { date: format.dateTime(c.startDate, { dateStyle: "medium" }) })} ·{" "}
              {t("duration", { weeks: c.durationWeeks, hours: c.hoursPerWeek })} ·{" "}
              {t("seatsLeft", { left: Math.max(0, c.seats - c.seatsHeld), seats: c.seats })}
            </p>
            {c.cities.length > 0 && (
              <p>
                {t("cities")}: {c.cities.map((r) => te(`Region.${r}`)).join(", ")}
              </p>
            )}
            <p>
              {c.prerequisite === "NONE" ? t("noPrerequisites") : t("prerequisiteLine", { what: te(`Prerequisite.${c.prerequisite}`) })}
              {c.hiringPledge ? ` · ${t("hiring")}` : ""}
            </p>
          </li>
        ))}
      </ul>
      {next && (
        <p>
          <Link href={{ pathname: "/courses", query: { ...current, after: next } }}>{t("nextPage")}</Link>
        </p>
      )}
    </div>
  );
}
