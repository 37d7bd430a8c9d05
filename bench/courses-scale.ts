// `npm run bench:courses-scale`: the public catalogue with 5,000 published courses (SQL seed), over HTTP,
// for random filter combinations (p50/p95, with a static-bytes baseline in the same run), and the
// recommendations for one applicant over all 5,000 courses (loading + matching, and matching alone).
// Prints `metric value unit`; never fails.
import http from "node:http";
import pg from "pg";
import { recommend, type MatchCourse } from "@/lib/courses/matching";
import { percentile, startApp, timeIt } from "./lib/app";

const N = Number(process.env.BENCH_COURSES ?? 5000);
const SAMPLES = 60;
const TRACKS = ["WEB_FRONTEND", "BACKEND_PYTHON", "PHP", "QA", "DESIGN", "BUSINESS_ANALYSIS", "PROJECT_MANAGEMENT", "DATA", "OTHER"];
const REGIONS = ["BREST", "VITEBSK", "GOMEL", "GRODNO", "MINSK", "MINSK_REGION", "MOGILEV"];

async function main() {
  const app = await startApp("courses", 3550, 54393);
  const db = new pg.Client({ connectionString: app.databaseUrl });
  await db.connect();
  try {
    await db.query(
      `INSERT INTO "Course" (id, "providerId", title, track, description, format, cities, language, "startDate", "durationWeeks", "hoursPerWeek", seats, "seatsHeld", "applicationDeadline", prerequisite, "eligibleGroups", "hiringPledge", status, "createdAt", "updatedAt")
       SELECT 'bc-' || g, CASE WHEN g % 2 = 0 THEN 'demo-org-krok' ELSE 'demo-org-pixel' END, 'Course ' || g, ($2::text[])[1 + g % 9]::"CourseTrack",
              'A free course for people who lost their jobs, number ' || g, (ARRAY['ONLINE','IN_PERSON','HYBRID','MENTORING'])[1 + g % 4]::"CourseFormat",
              CASE WHEN g % 4 IN (1, 2) THEN ARRAY[($3::text[])[1 + g % 7]]::"Region"[] ELSE ARRAY[]::"Region"[] END,
              (ARRAY['BE','RU','EN'])[1 + g % 3]::"TeachingLanguage", now() + make_interval(days => 8 + g % 120), 4 + g % 10, 4 + g % 12, 10 + g % 20, g % 10,
              now() + make_interval(days => 7 + g % 120), (ARRAY['NONE','BASIC_COMPUTER','SOME_PROGRAMMING'])[1 + g % 3]::"Prerequisite", ARRAY[]::"SituationCategory"[], g % 3 = 0, 'PUBLISHED', now(), now()
       FROM generate_series(1, $1::int) g`,
      [N, TRACKS, REGIONS],
    );
    await db.query("ANALYZE");
    const filters = [
      "",
      "track=QA",
      "place=online",
      "place=GOMEL",
      "language=BE",
      "within=4",
      "noPrerequisites=1",
      "hiring=1",
      "seatsLeft=1",
      "track=DATA&place=online&language=EN",
      "track=WEB_FRONTEND&within=8&noPrerequisites=1&seatsLeft=1",
      "place=MINSK&hiring=1&seatsLeft=1",
    ];
    let bytes = "";
    const catalogue = await timeIt(async (i: number) => {
      const r = await fetch(`${app.baseUrl}/en/courses?${filters[i % filters.length]}`);
      bytes = await r.text();
      if (r.status !== 200) throw new Error(`catalogue failed: ${r.status}`);
    }, SAMPLES);
    const server = http.createServer((_q, s) => s.end(bytes)).listen(3551);
    const baseline = await timeIt(async () => (await fetch("http://localhost:3551/")).text());
    server.close();

    // Recommendations as the /me page computes them: the cheap hard filters in SQL (language, hours, seats
    // left, online or in the applicant's region), then every filter and the score in recommend().
    const profile = {
      situation: "DISMISSED_WORKER" as const,
      region: "GOMEL" as const,
      interests: ["QA" as const, "DATA" as const],
      languages: ["RU" as const, "BE" as const],
      hoursPerWeek: 10,
      availableFrom: null,
      hasProgramming: false,
      device: "COMPUTER" as const,
    };
    const load = async () =>
      (
        await db.query(
          `SELECT id, track, format, cities, language, "startDate", "hoursPerWeek", seats, "seatsHeld", "applicationDeadline", prerequisite, "eligibleGroups", "hiringPledge", status FROM "Course"
         WHERE status = 'PUBLISHED' AND "applicationDeadline" >= now() AND "seatsHeld" < seats AND language::text = ANY($1) AND "hoursPerWeek" <= $2
           AND (format IN ('ONLINE', 'MENTORING') OR $3 = ANY(cities::text[]))`,
          [profile.languages, profile.hoursPerWeek, profile.region],
        )
      ).rows.map((c) => ({ ...c, cities: parseArray(c.cities), eligibleGroups: parseArray(c.eligibleGroups) }) as MatchCourse);
    let courses: MatchCourse[] = [];
    const full = await timeIt(async () => {
      courses = await load();
      recommend(courses, profile, new Date(), 5);
    });
    const matchOnly = await timeIt(() => recommend(courses, profile, new Date(), 5));
    const allRows = (await db.query(`SELECT count(*)::int AS n FROM "Course" WHERE status = 'PUBLISHED'`)).rows[0].n;
    console.log(`published_courses ${allRows} count`);
    console.log(`candidates_after_sql_filters ${courses.length} count`);
    console.log(
      `catalogue_page_p50 ${percentile(catalogue, 50).toFixed(1)} ms p95 ${percentile(catalogue, 95).toFixed(1)} ms (HTTP, ${filters.length} filter combinations)`,
    );
    console.log(`baseline_static_same_bytes_p50 ${percentile(baseline, 50).toFixed(1)} ms`);
    console.log(
      `recommendations_load_and_match_p50 ${percentile(full, 50).toFixed(1)} ms p95 ${percentile(full, 95).toFixed(1)} ms (${N} courses)`,
    );
    console.log(`recommendations_match_only_p50 ${percentile(matchOnly, 50).toFixed(2)} ms p95 ${percentile(matchOnly, 95).toFixed(2)} ms`);
  } finally {
    await db.end();
    await app.stop();
  }
}

/** pg returns enum arrays as "{A,B}" strings. */
function parseArray(v: unknown): string[] {
  if (Array.isArray(v)) return v as string[];
  const s = String(v ?? "{}").replace(/^\{|\}$/g, "");
  return s ? s.split(",") : [];
}

void main();
