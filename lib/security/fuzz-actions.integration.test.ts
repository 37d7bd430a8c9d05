// Fuzzing every server action (the security suite): each action gets FUZZ_RUNS (default 1,000) random and
// malformed form posts — real ids and garbage, missing and repeated fields, huge and odd Unicode values,
// random files — from every kind of actor (signed out, applicant, reviewer, fund manager, course
// provider, donor, admin), against the real database. Zero unhandled errors: each post ends in a
// translated refusal or success (or a redirect), never in the wrapper's "INTERNAL" result or an exception.
// Only the request context is replaced: the session (which actor), headers, translations and navigation.
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/authz/actor";
import { DEPLOYMENT_WIDE, harness, loadActions, mockRequestContext, navigationDigest, type Action } from "@/lib/testing/action-harness";

mockRequestContext();

const { db } = await import("@/lib/db/client");
const { logger } = await import("@/lib/log");
// The wrapper logs an unexpected error with an event id; keep the messages to explain a failure.
const errors = new Map<string, string>();
vi.spyOn(logger, "error").mockImplementation(((o: { eventId?: string; err?: { message?: string } }) => {
  if (o?.eventId) errors.set(o.eventId, JSON.stringify(o.err ?? null).slice(0, 900));
}) as never);
const { actorFor } = await import("@/lib/testing/actors");
const { makeUser, makeOrganisation, makeFund, platformOrganisation } = await import("@/lib/testing/factories");
const { moneyWorld, approvedCase, receive } = await import("@/lib/testing/money");

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000); // eslint-disable-line no-restricted-properties
const FIELDS = [
  "applicationId",
  "fundId",
  "courseId",
  "pledgeId",
  "payoutId",
  "userId",
  "enrollmentId",
  "requestId",
  "bulkId",
  "fileId",
  "organisationId",
  "action",
  "intent",
  "reason",
  "message",
  "note",
  "answer",
  "amount",
  "currency",
  "items",
  "ids",
  "scores",
  "template",
  "ruling",
  "decision",
  "assignee",
  "statement",
  "legalName",
  "phone",
  "city",
  "birthDate",
  "category",
  "purpose",
  "region",
  "submissionKey",
  "idempotencyKey",
  "method",
  "details",
  "otp",
  "identifier",
  "password",
  "passwordConfirm",
  "email",
  "code",
  "username",
  "contactChannel",
  "contactHandle",
  "role",
  "suspend",
  "confirmed",
  "next",
  "name",
  "title",
  "cap",
  "requiredApprovals",
  "publicationDelayDays",
  "retentionMonths",
  "rubric",
  "checklist",
  "eligibleCategories",
  "eligiblePurposes",
  "seats",
  "startDate",
  "token",
  "file",
  "stage",
  "personal",
  "locale",
  "interests",
  "languages",
  "experience",
  "open",
  "anonymous",
  "donorName",
];
const WORDS = [
  "SUBMITTED",
  "SHORTLISTED",
  "VERIFIED",
  "APPROVED",
  "shortlist",
  "decline",
  "request_info",
  "verify",
  "vote_approve",
  "vote_reject",
  "declare_conflict",
  "approve",
  "send",
  "cancel",
  "confirm",
  "resend",
  "investigate",
  "BANK_TRANSFER",
  "USD",
  "EUR",
  "REVIEWER",
  "ADMIN",
  "APPLICANT",
  "overrule",
  "uphold",
  "refuse",
  "me",
  "on",
  "1",
  "0",
  "yes",
  "submit",
  "draft",
  "LIVING_COSTS",
  "DISMISSED_WORKER",
  "MINSK",
  "TELEGRAM",
  "NONE",
  "upload_document",
  "1000",
  "-5",
  "1e309",
  "NaN",
  "0.001",
  "99999999999999999999",
  "2020-02-30",
  '\'; DROP TABLE "User"; --',
  "<script>alert(1)</script>",
  '=HYPERLINK("x")',
  "\u0000",
  "../../etc/passwd",
  "PAD-AAAA-AAAA",
];

describe("fuzzing every server action", () => {
  const ids: string[] = [];
  const actors: (Actor | null)[] = [null];
  let actions: [string, Action][] = [];

  beforeAll(async () => {
    const w = await moneyWorld();
    await receive(w, "5000");
    const approved = await approvedCase(w, "1000");
    const platformId = (await platformOrganisation(db())).id;
    const orgId = (await makeOrganisation(db())).id;
    const fund = await makeFund(db(), orgId, {
      perApplicantCapMinor: 100_000,
      eligibleCategories: ["DISMISSED_WORKER"],
      eligiblePurposes: ["LIVING_COSTS"],
    });
    ids.push(approved.applicationId, w.fundId, fund.id, w.orgId, orgId, w.r1.userId, approved.applicant.userId);
    for (const role of ["APPLICANT", "REVIEWER", "FUND_MANAGER", "COURSE_PROVIDER", "DONOR", "ADMIN"] as const) {
      const org =
        role === "APPLICANT" || role === "ADMIN"
          ? platformId
          : role === "COURSE_PROVIDER" || role === "DONOR"
            ? (await makeOrganisation(db(), { kind: role === "DONOR" ? "DONOR" : "COURSE_PROVIDER" })).id
            : w.orgId;
      actors.push(await actorFor((await makeUser(db(), { roles: [{ role, organisationId: org }] })).id));
    }
    actors.push(approved.applicant, w.r1, w.fm1);
    // The emergency lock changes the whole deployment: it is fuzzed on its own (deployment-lock-actions.serial).
    actions = [...(await loadActions())].filter(([n]) => !DEPLOYMENT_WIDE.includes(n)).sort(([a], [b]) => a.localeCompare(b));
  }, 120_000);

  it("finds every server action", () => {
    expect(actions.length).toBeGreaterThanOrEqual(45);
  });

  const value = () =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...(ids.length ? ids : ["x"])) },
      { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
      { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
      { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 200 }) },
      { weight: 1, arbitrary: fc.integer().map(String) },
      { weight: 1, arbitrary: fc.constant("x".repeat(20_000)) },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2048 }).map((b) => new File([b], "f.pdf", { type: "application/pdf" })) },
    );
  const form = () =>
    fc.array(
      fc.tuple(
        fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...FIELDS) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }),
        value(),
      ),
      { maxLength: 14 },
    );

  it(`gives every action ${RUNS} random and malformed posts with no unhandled error`, async () => {
    const failures: string[] = [];
    const outcomes = new Map<string, number>();
    for (const [name, action] of actions) {
      await fc
        .assert(
          fc.asyncProperty(fc.nat({ max: actors.length - 1 }), form(), fc.ipV4(), async (who, entries, ip) => {
            harness.actor = actors[who] ?? null;
            harness.ip = ip;
            const fd = new FormData();
            for (const [k, v] of entries) fd.append(k, v as string | Blob);
            try {
              const r = await action(null, fd);
              outcomes.set(`${r?.ok ? "ok" : r?.code}`, (outcomes.get(`${r?.ok ? "ok" : r?.code}`) ?? 0) + 1);
              if (!r || typeof r !== "object" || r.code === "INTERNAL") {
                const shape = entries.map(
                  ([k, v]) => `${k}=${typeof v === "string" ? `${v.slice(0, 24)}${v.length > 24 ? `…(${v.length})` : ""}` : "file"}`,
                );
                const eventId = (r as { eventId?: string })?.eventId ?? "";
                failures.push(
                  `${name} as ${harness.actor?.memberships.map((m) => m.role).join("+") || "signed out"}: ${shape.join(" ")} -> ${errors.get(eventId) ?? JSON.stringify(r).slice(0, 200)}`,
                );
                return false;
              }
            } catch (e) {
              if (navigationDigest(e)) return true; // a redirect or not-found, as designed
              failures.push(`${name}: threw ${e instanceof Error ? e.message : String(e)}`);
              return false;
            }
            return true;
          }),
          { numRuns: RUNS, endOnFailure: true },
        )
        .catch(() => undefined);
    }
    // The posts reach past validation too: refusals by the rules, and successes.
    console.log(`fuzz outcomes: ${JSON.stringify(Object.fromEntries(outcomes))}`);
    expect(outcomes.get("INVALID_INPUT") ?? 0).toBeGreaterThan(0);
    expect([...outcomes.keys()].filter((k) => k !== "INVALID_INPUT").length).toBeGreaterThan(0);
    expect(failures.slice(0, 10)).toEqual([]);
  }, 1_200_000);
});
