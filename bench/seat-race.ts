// `npm run bench:seat-race`: 100 concurrent acceptances for 10 seats, 100 trials (BENCH_TRIALS). Each
// trial: a course with 10 seats and 100 requests; 100 clients at once each get an offer and accept it
// through the real use cases; then the same race again straight against the database (100 concurrent
// UPDATEs to "accepted", bypassing the code) to show the CHECK alone holds. Reads the seats back after
// every trial. Runs on a throwaway PostgreSQL with a 100-connection pool. Prints `metric value unit`.
import pg from "pg";
import { percentile } from "./lib/app";
import { withInProcessDatabase } from "./lib/in-process";

const TRIALS = Number(process.env.BENCH_TRIALS ?? 100);
const CLIENTS = 100;
const SEATS = 10;

async function main() {
  await withInProcessDatabase(CLIENTS, async (databaseUrl) => {
    const { db } = await import("@/lib/db/client");
    const { applicantRespond, providerDecide } = await import("@/lib/courses/enrolment");
    const { actorFor } = await import("@/lib/testing/actors");
    const { makeOrganisation, makeUser, platformOrganisation } = await import("@/lib/testing/factories");
    const raw = new pg.Pool({ connectionString: databaseUrl, max: CLIENTS });

    const platform = await platformOrganisation(db());
    const org = await makeOrganisation(db(), { kind: "COURSE_PROVIDER" });
    const provider = await actorFor((await makeUser(db(), { roles: [{ role: "COURSE_PROVIDER", organisationId: org.id }] })).id);
    const users = await Promise.all(
      Array.from({ length: CLIENTS }, async () =>
        actorFor((await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: platform.id }] })).id),
      ),
    );

    let maxEnrolled = 0;
    let overbooked = 0;
    let rawMax = 0;
    let rawOverbooked = 0;
    let unexpected = 0;
    const trialMs: number[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const course = await db().course.create({
        data: {
          providerId: org.id,
          title: `Race ${trial}`,
          track: "QA",
          description: "Seat race benchmark course.",
          format: "ONLINE",
          language: "RU",
          startDate: new Date(Date.now() + 30 * 86_400_000),
          durationWeeks: 8,
          hoursPerWeek: 8,
          seats: SEATS,
          applicationDeadline: new Date(Date.now() + 20 * 86_400_000),
          status: "PUBLISHED",
        },
      });
      await db().enrollment.createMany({
        data: users.map((u) => ({ courseId: course.id, applicantId: u.userId, status: "REQUESTED" as const })),
      });
      const enrolments = await db().enrollment.findMany({ where: { courseId: course.id }, select: { id: true, applicantId: true } });
      const t = performance.now();
      const results = await Promise.allSettled(
        enrolments.map(async (e) => {
          await providerDecide(provider, { enrollmentId: e.id, action: "offer" });
          await applicantRespond(
            users.find((u) => u.userId === e.applicantId)!,
            { enrollmentId: e.id, action: "accept" },
          );
        }),
      );
      trialMs.push(performance.now() - t);
      for (const res of results)
        if (res.status === "rejected" && (res.reason as { messageKey?: string }).messageKey !== "courses.noSeatLeft") unexpected++;
      const enrolled = await db().enrollment.count({ where: { courseId: course.id, status: "ACCEPTED" } });
      const held = (await db().course.findUniqueOrThrow({ where: { id: course.id } })).seatsHeld;
      maxEnrolled = Math.max(maxEnrolled, enrolled);
      if (enrolled > SEATS || held > SEATS) overbooked++;

      // The same race with the code bypassed: 100 concurrent UPDATEs on a fresh course.
      const bare = await db().course.create({
        data: {
          ...{
            providerId: org.id,
            title: `Bare ${trial}`,
            track: "QA" as const,
            description: "Seat race benchmark course.",
            format: "ONLINE" as const,
            language: "RU" as const,
            startDate: new Date(Date.now() + 30 * 86_400_000),
            durationWeeks: 8,
            hoursPerWeek: 8,
            seats: SEATS,
            applicationDeadline: new Date(Date.now() + 20 * 86_400_000),
            status: "PUBLISHED" as const,
          },
        },
      });
      await db().enrollment.createMany({
        data: users.map((u) => ({ courseId: bare.id, applicantId: u.userId, status: "REQUESTED" as const })),
      });
      const ids = (await db().enrollment.findMany({ where: { courseId: bare.id }, select: { id: true } })).map((e) => e.id);
      await Promise.allSettled(ids.map((id) => raw.query(`UPDATE "Enrollment" SET status = 'ACCEPTED' WHERE id = $1`, [id])));
      const rawEnrolled = Number(
        (await raw.query(`SELECT count(*) FROM "Enrollment" WHERE "courseId" = $1 AND status = 'ACCEPTED'`, [bare.id])).rows[0].count,
      );
      rawMax = Math.max(rawMax, rawEnrolled);
      if (rawEnrolled > SEATS) rawOverbooked++;
    }
    trialMs.sort((a, b) => a - b);
    console.log(`trials ${TRIALS} count`);
    console.log(`clients_per_trial ${CLIENTS} count (offer + accept each, ${SEATS} seats)`);
    console.log(`max_enrolled_in_a_trial ${maxEnrolled} count (limit ${SEATS})`);
    console.log(`overbooked_trials ${overbooked} count`);
    console.log(`bypassing_the_code_max_enrolled ${rawMax} count (100 concurrent raw UPDATEs)`);
    console.log(`bypassing_the_code_overbooked_trials ${rawOverbooked} count`);
    console.log(`trial_p50 ${percentile(trialMs, 50).toFixed(0)} ms p95 ${percentile(trialMs, 95).toFixed(0)} ms`);
    console.log(`unexpected_errors ${unexpected} count`);
    await raw.end();
  });
}

void main();
