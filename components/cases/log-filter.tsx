import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { filterQuery } from "@/lib/audit/rules";
import type { LogFilter } from "@/lib/audit/schemas";

/** The filter of a log list: a plain GET form (works without JavaScript; a filtered page is a link). */
export async function LogFilterForm({ path, filter, label }: { path: string; filter: LogFilter; label: string }) {
  const t = await getTranslations("admin");
  const field = (name: "who" | "case" | "from" | "to", text: string, type: "text" | "date" = "text", hint?: string) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`log-${name}`} className="text-sm font-medium">
        {text}
      </label>
      <input
        id={`log-${name}`}
        name={name}
        type={type}
        defaultValue={filter[name] ?? ""}
        aria-describedby={hint ? `log-${name}-hint` : undefined}
        className="rounded border border-neutral-400 px-2 py-1"
      />
      {hint && (
        <p id={`log-${name}-hint`} className="text-xs text-neutral-700">
          {hint}
        </p>
      )}
    </div>
  );
  return (
    <form method="get" aria-label={label} className="space-y-3 rounded border border-neutral-200 p-3">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-4">
        {field("who", t("filterWho"), "text", t("filterWhoHint"))}
        {field("case", t("filterCase"), "text", t("filterCaseHint"))}
        {field("from", t("filterFrom"), "date")}
        {field("to", t("filterTo"), "date")}
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t("filterApply")}
        </button>
        <Link href={path}>{t("filterReset")}</Link>
      </div>
    </form>
  );
}

/** "Older entries" (the next page by cursor) and "Newest entries" (back to the start). */
export async function LogPager({ path, filter, next, label }: { path: string; filter: LogFilter; next: string | null; label: string }) {
  const t = await getTranslations("admin");
  if (!next && !filter.after) return null;
  const first = filterQuery({ ...filter, after: undefined });
  return (
    <nav aria-label={label} className="flex flex-wrap gap-4">
      {filter.after && <Link href={first ? `${path}?${first}` : path}>{t("newestPage")}</Link>}
      {next && <Link href={`${path}?${filterQuery(filter, next)}`}>{t("olderPage")}</Link>}
    </nav>
  );
}
