import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz/actor";
import { applicantRespond, offerToCandidate, providerDecide, requestSeat } from "@/lib/courses/enrolment";
import { changeCourseStatus, saveCourse } from "@/lib/courses/manage-courses";
import { saveProfile } from "@/lib/courses/profile";
import { expireOwnOverdueOffers } from "@/lib/courses/expire-own-offers";
import { catalogue, myEnrollments, providerCourse, recommendationsFor } from "@/lib/courses/queries";
import { CatalogueFilterSchema, CourseSchema, ProfileSchema } from "@/lib/courses/schemas";
import { db } from "@/lib/db/client";
import { actorFor } from "@/lib/testing/actors";
import { makeOrganisation, makeUser, platformOrganisation } from "@/lib/testing/factories";

let provider: Actor;
let otherProvider: Actor;
let platformId: string;
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
const MOTIVATION = "I was dismissed after the strike and want to become a tester.";

beforeAll(async () => {
  platformId = (await platformOrganisation(db())).id;
  const org = await makeOrganisation(db(), { kind: "COURSE_PROVIDER" });
  const other = await makeOrganisation(db(), { kind: "COURSE_PROVIDER" });
  provider = await actorFor((await makeUser(db(), { roles: [{ role: "COURSE_PROVIDER", organisationId: org.id }] })).id);
  otherProvider = await actorFor((await makeUser(db(), { roles: [{ role: "COURSE_PROVIDER", organisationId: other.id }] })).id);
});

const applicant = async (email: string | null = `${crypto.randomUUID().slice(0, 8)}@test.padtrymka.test`) =>
  actorFor((await makeUser(db(), { email, roles: [{ role: "APPLICANT", organisationId: platformId }] })).id);

async function publishedCourse(over: Record<string, unknown> = {}) {
  const { courseId } = await saveCourse(
    provider,
    CourseSchema.parse({
      title: "Manual QA from zero",
      track: "QA",
      description: "A free eight-week QA course for people with no IT experience.",
      format: "ONLINE",
      language: "RU",
      startDate: inDays(20),
      durationWeeks: "8",
      hoursPerWeek: "10",
      seats: "2",
      applicationDeadline: inDays(15),
      prerequisite: "NONE",
      hiringPledge: "on",
      ...over,
    }),
  );
  await changeCourseStatus(provider, courseId, "publish");
  return courseId;
}

describe("courses and enrolment", () => {
  it("a provider publishes a course; another provider can neither see nor change it", async () => {
    const courseId = await publishedCourse();
    expect((await catalogue(CatalogueFilterSchema.parse({ track: "QA" }))).rows.map((c) => c.id)).toContain(courseId);
    expect(await providerCourse(otherProvider, courseId)).toBeNull();
    await expect(changeCourseStatus(otherProvider, courseId, "close")).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { courseId: copy } = await changeCourseStatus(provider, courseId, "duplicate");
    expect((await db().course.findUniqueOrThrow({ where: { id: copy } })).status).toBe("DRAFT");
  });

  it("requested -> offered -> accepted: contact hidden until the applicant accepts; twice in one course is refused", async () => {
    const courseId = await publishedCourse();
    const a = await applicant();
    const { enrollmentId } = await requestSeat(a, { courseId, motivation: MOTIVATION });
    await expect(requestSeat(a, { courseId, motivation: MOTIVATION })).rejects.toMatchObject({
      messageKey: "courses.alreadyRequestedError",
    });
    let view = (await providerCourse(provider, courseId))!;
    expect(view.enrollments[0]).toMatchObject({ status: "REQUESTED", motivation: MOTIVATION, contact: null });
    expect(JSON.stringify(view)).not.toContain(a.email!);
    await expect(providerDecide(otherProvider, { enrollmentId, action: "offer" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await providerDecide(provider, { enrollmentId, action: "offer" });
    view = (await providerCourse(provider, courseId))!;
    expect(view.enrollments[0]!.contact).toBeNull();
    await applicantRespond(a, { enrollmentId, action: "accept" });
    view = (await providerCourse(provider, courseId))!;
    expect(view.enrollments[0]!.contact).toEqual({ channel: "EMAIL", handle: a.email });
    for (const action of ["start", "complete", "hire"] as const) await providerDecide(provider, { enrollmentId, action });
    expect((await db().enrollment.findUniqueOrThrow({ where: { id: enrollmentId } })).status).toBe("HIRED");
  });

  it("refuses a decision from a stale tab: a request answered meanwhile is not answered again differently", async () => {
    const courseId = await publishedCourse({ seats: "1" });
    const first = await applicant();
    const held = await requestSeat(first, { courseId, motivation: MOTIVATION });
    await providerDecide(provider, { enrollmentId: held.enrollmentId, action: "offer" }); // the only seat is held
    const a = await applicant();
    const { enrollmentId } = await requestSeat(a, { courseId, motivation: MOTIVATION });
    // One tab waitlists the request; an older tab, still showing it as requested, declines it (allowed from
    // the waiting list in itself).
    await providerDecide(provider, { enrollmentId, action: "waitlist", expectedStatus: "REQUESTED" });
    await expect(providerDecide(provider, { enrollmentId, action: "decline", expectedStatus: "REQUESTED" })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "courses.notAtThisStage",
    });
    expect((await db().enrollment.findUniqueOrThrow({ where: { id: enrollmentId } })).status).toBe("WAITLISTED");
    // The first applicant declines the offer: the seat goes to the waiting list (here: to `a`).
    await applicantRespond(first, { enrollmentId: held.enrollmentId, action: "decline_offer", expectedStatus: "OFFERED" });
    expect((await db().enrollment.findUniqueOrThrow({ where: { id: enrollmentId } })).status).toBe("OFFERED");
    await applicantRespond(a, { enrollmentId, action: "accept", expectedStatus: "OFFERED" });
    // The applicant's other tab still shows the offer: declining it now is refused, the seat stays accepted.
    await expect(applicantRespond(a, { enrollmentId, action: "decline_offer", expectedStatus: "OFFERED" })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    expect((await db().enrollment.findUniqueOrThrow({ where: { id: enrollmentId } })).status).toBe("ACCEPTED");
  });

  it("never overbooks: many concurrent offers and acceptances for 2 seats hold at most 2", async () => {
    const courseId = await publishedCourse();
    const people = await Promise.all(Array.from({ length: 8 }, () => applicant()));
    const requests = await Promise.all(people.map((p) => requestSeat(p, { courseId, motivation: MOTIVATION })));
    const offers = await Promise.allSettled(
      requests.map((r) => providerDecide(provider, { enrollmentId: r.enrollmentId, action: "offer" })),
    );
    expect(offers.filter((o) => o.status === "fulfilled")).toHaveLength(2);
    for (const o of offers) if (o.status === "rejected") expect(o.reason).toMatchObject({ messageKey: "courses.noSeatLeft" });
    const course = await db().course.findUniqueOrThrow({ where: { id: courseId } });
    expect(course.seatsHeld).toBe(2);
    // The database refuses an overbooking even without the code's check.
    const extra = requests.find((_, i) => offers[i]!.status === "rejected")!;
    await expect(db().enrollment.update({ where: { id: extra.enrollmentId }, data: { status: "ACCEPTED" } })).rejects.toThrow(
      /Course_seats_not_overbooked/,
    );
  });

  it("a freed seat goes to the first waitlisted person with a deadline; an expired offer cannot be accepted", async () => {
    const courseId = await publishedCourse({ seats: "1" });
    const [a, b, c] = await Promise.all([applicant(), applicant(), applicant()]);
    const ea = await requestSeat(a, { courseId, motivation: MOTIVATION });
    const eb = await requestSeat(b, { courseId, motivation: MOTIVATION });
    const ec = await requestSeat(c, { courseId, motivation: MOTIVATION });
    await providerDecide(provider, { enrollmentId: ea.enrollmentId, action: "offer" });
    await providerDecide(provider, { enrollmentId: eb.enrollmentId, action: "waitlist" });
    await providerDecide(provider, { enrollmentId: ec.enrollmentId, action: "waitlist" });
    await applicantRespond(a, { enrollmentId: ea.enrollmentId, action: "decline_offer" });
    const promoted = await db().enrollment.findUniqueOrThrow({ where: { id: eb.enrollmentId } });
    expect(promoted.status).toBe("OFFERED");
    expect(promoted.offerExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 2 * 86_400_000);
    // The offer expires; the next sweep gives the seat to c, and b can no longer accept.
    await db().enrollment.update({ where: { id: eb.enrollmentId }, data: { offerExpiresAt: new Date(Date.now() - 1000) } });
    await expect(applicantRespond(b, { enrollmentId: eb.enrollmentId, action: "accept" })).rejects.toMatchObject({
      messageKey: "courses.offerExpired",
    });
    expect((await db().enrollment.findUniqueOrThrow({ where: { id: ec.enrollmentId } })).status).toBe("OFFERED");
  });

  it("the applicant's list only reads; their overdue offer is expired by its own use case, audited, and the seat goes on", async () => {
    const courseId = await publishedCourse({ seats: "1" });
    const [a, b] = await Promise.all([applicant(), applicant()]);
    const ea = await requestSeat(a, { courseId, motivation: MOTIVATION });
    const eb = await requestSeat(b, { courseId, motivation: MOTIVATION });
    await providerDecide(provider, { enrollmentId: ea.enrollmentId, action: "offer" });
    await providerDecide(provider, { enrollmentId: eb.enrollmentId, action: "waitlist" });
    await db().enrollment.update({ where: { id: ea.enrollmentId }, data: { offerExpiresAt: new Date(Date.now() - 1000) } });
    // Reading the list changes nothing.
    expect((await myEnrollments(a)).find((e) => e.id === ea.enrollmentId)?.status).toBe("OFFERED");
    expect((await db().enrollment.findUniqueOrThrow({ where: { id: ea.enrollmentId } })).status).toBe("OFFERED");
    // Someone else's expiry does not touch this offer; the applicant's own does, once, even twice at once.
    expect(await expireOwnOverdueOffers(b)).toBe(0);
    expect(await expireOwnOverdueOffers(provider)).toBe(0);
    expect((await db().enrollment.findUniqueOrThrow({ where: { id: ea.enrollmentId } })).status).toBe("OFFERED");
    await Promise.all([expireOwnOverdueOffers(a), expireOwnOverdueOffers(a)]);
    expect((await myEnrollments(a)).find((e) => e.id === ea.enrollmentId)?.status).toBe("EXPIRED");
    expect((await db().enrollment.findUniqueOrThrow({ where: { id: eb.enrollmentId } })).status).toBe("OFFERED");
    expect(await db().auditEvent.count({ where: { entityId: ea.enrollmentId, action: "enrollment.expired" } })).toBe(1);
    expect(await db().auditEvent.count({ where: { entityId: eb.enrollmentId, action: "enrollment.offered_from_waitlist" } })).toBe(1);
  });

  it("recommends matching courses with reasons, and suggests opted-in candidates anonymously", async () => {
    const courseId = await publishedCourse({ track: "DESIGN", title: "UI design for beginners", language: "BE", seats: "5" });
    const a = await applicant();
    await saveProfile(
      a,
      ProfileSchema.parse({
        interests: ["DESIGN"],
        languages: ["BE"],
        region: "GOMEL",
        situation: "DISMISSED_WORKER",
        previousOccupation: "Machinist",
        yearsExperience: "12",
        openToSuggestions: "on",
      }),
    );
    const recs = await recommendationsFor(a);
    const mine = recs.items.find((r) => r.courseId === courseId)!;
    expect(mine.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(["track", "online", "no_prerequisites", "hiring", "first_language"]),
    );
    const view = (await providerCourse(provider, courseId))!;
    const suggestion = view.suggestions.find((s) => s.occupation === "Machinist")!;
    expect(suggestion).toBeTruthy();
    expect(JSON.stringify(suggestion)).not.toContain(a.email!);
    const { enrollmentId } = await offerToCandidate(provider, { courseId, candidate: suggestion.id });
    expect((await db().enrollment.findUniqueOrThrow({ where: { id: enrollmentId } })).status).toBe("OFFERED");
    await expect(offerToCandidate(otherProvider, { courseId, candidate: suggestion.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses fewer seats than are already held", async () => {
    const courseId = await publishedCourse({ seats: "2" });
    for (const a of [await applicant(), await applicant()]) {
      const e = await requestSeat(a, { courseId, motivation: MOTIVATION });
      await providerDecide(provider, { enrollmentId: e.enrollmentId, action: "offer" });
    }
    const c = await db().course.findUniqueOrThrow({ where: { id: courseId } });
    const input = CourseSchema.parse({
      courseId,
      title: c.title,
      track: c.track,
      description: c.description,
      format: c.format,
      language: c.language,
      startDate: inDays(20),
      durationWeeks: "8",
      hoursPerWeek: "10",
      seats: "1",
      applicationDeadline: inDays(15),
      prerequisite: "NONE",
    });
    await expect(saveCourse(provider, input)).rejects.toMatchObject({
      fieldErrors: { seats: ["seats_below_held"] },
      messageValues: { held: 2 },
    });
  });
});

describe("a course paid by a fund", () => {
  it("an accepted seat opens a pre-approved case and a third-party payout request that another fund manager approves", async () => {
    const { fundCourse } = await import("@/lib/courses/funding");
    const { payoutStep } = await import("@/lib/payouts/payout-step");
    const { moneyWorld, receive, key } = await import("@/lib/testing/money");
    const w = await moneyWorld();
    await receive(w, "5000");
    const courseId = await publishedCourse({ isFree: undefined, seats: "3" });
    await expect(fundCourse(provider, { fundId: w.fundId, courseId, fee: "400", seats: 3, idempotencyKey: key() })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await fundCourse(w.fm1, { fundId: w.fundId, courseId, fee: "400", seats: 3, idempotencyKey: key() });
    const a = await applicant();
    const { enrollmentId } = await requestSeat(a, { courseId, motivation: MOTIVATION });
    await providerDecide(provider, { enrollmentId, action: "offer" });
    await applicantRespond(a, { enrollmentId, action: "accept" });
    const payout = await db().payout.findUniqueOrThrow({
      where: { idempotencyKey: `enrolment:${enrollmentId}` },
      include: { application: true },
    });
    expect([payout.status, payout.method, payout.amountMinor, payout.requestedById]).toEqual([
      "REQUESTED",
      "THIRD_PARTY",
      40_000,
      w.fm1.userId,
    ]);
    expect([payout.application.status, payout.application.applicantId, payout.application.approvedAmountMinor]).toEqual([
      "APPROVED",
      a.userId,
      40_000,
    ]);
    await expect(
      payoutStep(w.fm1, { payoutId: payout.id, action: "approve", method: "", reason: "", idempotencyKey: key() }),
    ).rejects.toMatchObject({ messageKey: "payouts.refused.same_person" });
    expect(
      (await payoutStep(w.fm2, { payoutId: payout.id, action: "approve", method: "", reason: "", idempotencyKey: key() })).status,
    ).toBe("APPROVED");
  });
});

describe("a course fund's agreement: fixed seats, fixed fee, and the provider cannot widen it", () => {
  async function fundedWorld(seats: string, fundedSeats: number) {
    const { fundCourse } = await import("@/lib/courses/funding");
    const { moneyWorld, receive, key } = await import("@/lib/testing/money");
    const w = await moneyWorld();
    await receive(w, "5000");
    const courseId = await publishedCourse({ isFree: undefined, seats });
    await fundCourse(w.fm1, { fundId: w.fundId, courseId, fee: "400", seats: fundedSeats, idempotencyKey: key() });
    const accept = async () => {
      const a = await applicant();
      const { enrollmentId } = await requestSeat(a, { courseId, motivation: MOTIVATION });
      await providerDecide(provider, { enrollmentId, action: "offer" });
      await applicantRespond(a, { enrollmentId, action: "accept" });
      return enrollmentId;
    };
    const feeCases = () => db().enrollment.count({ where: { courseId, feeCaseId: { not: null } } });
    const exposure = async () =>
      (
        await db().payout.aggregate({
          where: { fundId: w.fundId, idempotencyKey: { startsWith: "enrolment:" } },
          _sum: { amountMinor: true },
        })
      )._sum.amountMinor ?? 0;
    return { w, courseId, accept, feeCases, exposure, fundCourse, key };
  }

  it("pays for at most the seats agreed, whatever the provider does with the course's seats", async () => {
    const { w, courseId, accept, feeCases, exposure, fundCourse, key } = await fundedWorld("3", 2);
    await expect(fundCourse(w.fm1, { fundId: w.fundId, courseId, fee: "400", seats: 4, idempotencyKey: key() })).rejects.toMatchObject({
      fieldErrors: { seats: ["funded_seats_over_course"] },
    });
    await accept();
    await accept();
    await accept(); // the course has 3 seats, the fund pays for 2: the third student keeps the seat, unfunded
    expect(await feeCases()).toBe(2);
    expect(await exposure()).toBe(80_000);
    // The provider raises the seats to 500: the funding is suspended, the exposure stays.
    const c = await db().course.findUniqueOrThrow({ where: { id: courseId } });
    await saveCourse(
      provider,
      CourseSchema.parse({
        courseId,
        title: c.title,
        track: c.track,
        description: c.description,
        format: c.format,
        language: c.language,
        startDate: inDays(20),
        durationWeeks: "8",
        hoursPerWeek: "10",
        seats: "500",
        applicationDeadline: inDays(15),
        prerequisite: "NONE",
      }),
    );
    const after = await db().course.findUniqueOrThrow({ where: { id: courseId } });
    expect(after.fundingSuspendedAt).not.toBeNull();
    expect(after.fundedSeats).toBe(2);
    for (let i = 0; i < 3; i++) await accept();
    expect(await feeCases()).toBe(2);
    expect(await exposure()).toBe(80_000);
    // The database refuses a counter beyond the agreement even without the code's check.
    await expect(db().course.update({ where: { id: courseId }, data: { fundedSeatsUsed: 3 } })).rejects.toThrow(
      /Course_funded_seats_within_agreement/,
    );
    expect((await db().auditEvent.findMany({ where: { entityId: courseId, action: "course.funding_suspended" } })).length).toBe(1);
  });

  it("resumes only when a fund manager accepts the change, opening the waiting students' fee cases within the new seats; the fee is fixed once used", async () => {
    const { w, courseId, accept, feeCases, exposure, fundCourse, key } = await fundedWorld("2", 1);
    await accept();
    const c = await db().course.findUniqueOrThrow({ where: { id: courseId } });
    await saveCourse(
      provider,
      CourseSchema.parse({
        courseId,
        title: c.title,
        track: c.track,
        description: c.description,
        format: c.format,
        language: c.language,
        startDate: inDays(20),
        durationWeeks: "8",
        hoursPerWeek: "10",
        seats: "10",
        applicationDeadline: inDays(15),
        prerequisite: "NONE",
      }),
    );
    await accept();
    await accept();
    await accept();
    expect(await feeCases()).toBe(1);
    await expect(fundCourse(w.fm2, { fundId: w.fundId, courseId, fee: "500", seats: 3, idempotencyKey: key() })).rejects.toMatchObject({
      fieldErrors: { fee: ["fee_fixed_once_used"] },
    });
    await expect(
      fundCourse(w.fm2, { fundId: w.fundId, courseId, fee: "400", seats: 0 as never, idempotencyKey: key() }),
    ).rejects.toMatchObject({ fieldErrors: { seats: ["funded_seats_below_used"] } });
    expect(await fundCourse(w.fm2, { fundId: w.fundId, courseId, fee: "400", seats: 3, idempotencyKey: key() })).toEqual({
      courseId,
      opened: 2,
    });
    expect(await feeCases()).toBe(3);
    expect(await exposure()).toBe(120_000);
    const course = await db().course.findUniqueOrThrow({ where: { id: courseId } });
    expect([course.fundingSuspendedAt, course.fundedSeats, course.fundedSeatsUsed, course.fundedById]).toEqual([null, 3, 3, w.fm2.userId]);
    // A change that does not touch the terms (the description) keeps the funding.
    await saveCourse(
      provider,
      CourseSchema.parse({
        courseId,
        title: c.title,
        track: c.track,
        description: `${c.description} Updated.`,
        format: c.format,
        language: c.language,
        startDate: inDays(20),
        durationWeeks: "8",
        hoursPerWeek: "10",
        seats: "10",
        applicationDeadline: inDays(15),
        prerequisite: "NONE",
      }),
    );
    expect((await db().course.findUniqueOrThrow({ where: { id: courseId } })).fundingSuspendedAt).toBeNull();
  });
});
