// Canary: a pseudonymous applicant with unique canary strings in every personal field, their contact,
// profile, messages, a file and payout details goes through a whole journey (apply, information request
// and answer, reviewer note, reveal, four-eyes approval, payout, exports). Afterwards a dump of every table
// (and pg_dump when its version matches the server), everything logged, and the exports of roles that may
// not see identities contain none of the canaries in plaintext (nor as the hex of a binary column). The
// personal export of a fund manager, which is allowed, does contain them: the test can see a leak.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The action wrapper translates its messages; outside a request, messages are their keys.
vi.mock("next-intl/server", () => ({ getTranslations: async () => (k: string) => k, getLocale: async () => "en" }));
import { answerInfoRequest } from "@/lib/applications/applicant-case-actions";
import { saveApplication } from "@/lib/applications/save-application";
import { startApplication } from "@/lib/applications/start-application";
import { saveProfile } from "@/lib/courses/profile";
import { ProfileSchema } from "@/lib/courses/schemas";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { addEvidence } from "@/lib/evidence/evidence";
import { logger } from "@/lib/log";
import { exportPayoutBatch } from "@/lib/payouts/batch";
import { payoutStep } from "@/lib/payouts/payout-step";
import { requestPayout } from "@/lib/payouts/request-payout";
import { formAction } from "@/lib/actions/form-action";
import { ApplicantMessageSchema } from "@/lib/reviews/schemas";
import { RequestPayoutSchema } from "@/lib/payouts/schemas";
import { revealIdentity } from "@/lib/reviews/reveal-identity";
import { addReviewerNote } from "@/lib/reviews/add-note";
import { exportFundCases, FundExportSchema } from "@/lib/reviews/export-cases";
import { exportQueue } from "@/lib/reviews/export-queue";
import { QueueFilterSchema } from "@/lib/reviews/queue";
import { reviewCase } from "@/lib/reviews/review-case";
import { ReviewActionSchema } from "@/lib/reviews/schemas";
import { actorFor } from "@/lib/testing/actors";
import { key, moneyWorld, receive, type MoneyWorld } from "@/lib/testing/money";
import { registerPseudonymousApplicant } from "@/lib/users/register-pseudonymous-applicant";

const C = `CNRY${crypto.randomBytes(5).toString("hex").toUpperCase()}`;
const phoneDigits = String(crypto.randomInt(1_000_000, 9_999_999));
const CANARY = {
  legalName: `${C}-NAME Kanaryeva`,
  phone: `+375 29 ${phoneDigits}`,
  city: `${C}-CITY`,
  birthDate: "1971-03-17",
  statement: `Dismissed after the strike. ${C}-STATEMENT`,
  contactHandle: `@${C}_HANDLE`,
  experience: `${C}-EXPERIENCE welder`,
  answer: `${C}-ANSWER the order is dated 12 May`,
  note: `${C}-NOTE seen the original`,
  payout: `BY99 ${C}PAYOUT 0000 1111`,
  fileText: `${C}-FILETEXT`,
  fileName: `${C}-order.pdf`,
};
const needles = Object.values(CANARY)
  .filter((v) => v !== CANARY.birthDate)
  .concat(phoneDigits);
const leaks = (haystack: string) =>
  needles.filter((n) => haystack.includes(n) || haystack.toLowerCase().includes(Buffer.from(n).toString("hex")));

let w: MoneyWorld;
let applicationId: string;
const logged: string[] = [];
const exports: Record<string, string> = {};

beforeAll(async () => {
  for (const level of ["fatal", "error", "warn", "info", "debug", "trace"] as const) {
    const original = logger[level].bind(logger);
    vi.spyOn(logger, level).mockImplementation(((...args: unknown[]) => {
      logged.push(JSON.stringify(args));
      return (original as (...a: unknown[]) => void)(...args);
    }) as never);
  }
  w = await moneyWorld(["LIVING_COSTS"]);
  await db().fund.update({
    where: { id: w.fundId },
    data: { birthDateRequirement: "OPTIONAL", cityRequirement: "OPTIONAL", legalNameRequirement: "OPTIONAL", phoneRequirement: "OPTIONAL" },
  });
  await receive(w, "5000");

  // The applicant: no email, a contact handle, a profile, an application with every personal field and a file.
  const reg = await registerPseudonymousApplicant({
    password: "correct horse battery staple canary",
    passwordConfirm: "correct horse battery staple canary",
    contactChannel: "TELEGRAM",
    contactHandle: CANARY.contactHandle,
  });
  const applicant = await actorFor(reg.userId);
  await saveProfile(applicant, ProfileSchema.parse({ experience: CANARY.experience, interests: [], languages: [] }));
  ({ applicationId } = await startApplication(applicant, { fundId: w.fundId }));
  const pdf = await PDFDocument.create();
  pdf.addPage([300, 200]).drawText(CANARY.fileText);
  pdf.setAuthor(CANARY.legalName);
  await addEvidence(
    applicant,
    applicationId,
    new File([Buffer.from(await pdf.save({ useObjectStreams: false }))], CANARY.fileName, { type: "application/pdf" }),
  );
  await saveApplication(applicant, applicationId, {
    intent: "submit",
    submissionKey: key(),
    category: "DISMISSED_WORKER",
    purpose: "LIVING_COSTS",
    region: "GOMEL",
    amount: "1000",
    statement: CANARY.statement,
    legalName: CANARY.legalName,
    phone: CANARY.phone,
    city: CANARY.city,
    birthDate: CANARY.birthDate,
  });

  // Review: information requested and answered, a note, a reveal, four eyes; then a payout.
  const act = (a: typeof w.r1, action: string, more: Record<string, unknown> = {}) =>
    reviewCase(a, ReviewActionSchema.parse({ applicationId, action, ...more }));
  await act(w.r1, "request_info", { message: "Please add the dismissal order." });
  await answerInfoRequest(applicant, applicationId, CANARY.answer);
  await addReviewerNote(w.r1, applicationId, CANARY.note);
  await revealIdentity(w.r1, applicationId, "To check the name on the dismissal order");
  await act(w.r1, "shortlist");
  await act(w.r1, "verify", { items: [] });
  await act(w.r1, "vote_approve", { amount: "1000" });
  await act(w.r2, "vote_approve", { amount: "1000" });
  const { payoutId } = await requestPayout(
    w.fm1,
    RequestPayoutSchema.parse({ applicationId, amount: "1000", method: "BANK_TRANSFER", details: CANARY.payout, idempotencyKey: key() }),
  );
  await payoutStep(w.fm2, { payoutId, action: "approve", method: "", reason: "", idempotencyKey: key() });
  // An unexpected failure inside a server action with canary input: the wrapper logs the error, never the form.
  const failing = formAction("canaryProbe", ApplicantMessageSchema, async () => {
    throw new Error("connection reset while saving");
  });
  const fd = new FormData();
  fd.set("applicationId", applicationId);
  fd.set("message", CANARY.answer);
  const result = await failing(null, fd);
  expect(result).toMatchObject({ ok: false, code: "INTERNAL" });

  exports.queue = (await exportQueue(w.r1, QueueFilterSchema.parse({ stage: "APPROVED" }))).csv;
  exports.fundCases = (await exportFundCases(w.fm1, w.fundId, FundExportSchema.parse({ personal: "" }))).csv;
  exports.personal = (
    await exportFundCases(w.fm1, w.fundId, FundExportSchema.parse({ personal: "1", reason: "Paying the approved cases today" }))
  ).csv;
  exports.bankBatch = (await exportPayoutBatch(w.fm1)).csv;
}, 120_000);

afterAll(() => vi.restoreAllMocks());

async function sqlDump(): Promise<string> {
  const tables = await db().$queryRaw<
    { t: string }[]
  >`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`;
  const parts: string[] = [];
  for (const { t } of tables) {
    const rows = (await db().$queryRawUnsafe(`SELECT coalesce(string_agg(x::text, E'\\n'), '') AS d FROM "${t}" x`)) as { d: string }[];
    parts.push(`-- ${t}\n${rows[0]?.d ?? ""}`);
  }
  return parts.join("\n");
}

describe("canary", () => {
  it("no canary is in the database in plaintext (every table, every column, bytea as hex)", async () => {
    const dump = await sqlDump();
    const app = await db().application.findUniqueOrThrow({ where: { id: applicationId } });
    expect(dump).toContain(app.referenceCode!); // the dump is real
    expect(dump).toContain(Buffer.from("%PDF").toString("hex").slice(0, 2)); // binary columns are in it
    expect(leaks(dump)).toEqual([]);
  });

  it("no canary is in pg_dump's output either (when a pg_dump of the server's version is installed)", async () => {
    let dump: string;
    try {
      dump = execFileSync("pg_dump", ["--data-only", "--no-owner", env().DATABASE_URL], {
        encoding: "utf8",
        maxBuffer: 512 * 1024 * 1024,
        stdio: ["ignore", "pipe", "pipe"],
      });
    } catch (e) {
      // pg_dump refuses a newer server (the embedded one); the SQL dump above covers that case.
      const msg = e instanceof Error ? e.message : String(e);
      expect(msg).toMatch(/server version mismatch|ENOENT|not found/i);
      return;
    }
    expect(dump).toContain("COPY public");
    expect(leaks(dump)).toEqual([]);
  });

  it("nothing logged during the journey carries a canary", () => {
    expect(logged.some((l) => l.includes("action.failed"))).toBe(true); // the failure above was logged
    expect(leaks(logged.join("\n"))).toEqual([]);
  });

  it("exports of roles that may not see identities carry none; the fund manager's personal export, which is allowed, carries them", () => {
    expect(leaks(exports.queue!)).toEqual([]);
    expect(leaks(exports.fundCases!)).toEqual([]);
    expect(exports.queue).toContain("APPROVED");
    expect(exports.personal).toContain(CANARY.legalName);
    expect(exports.personal).toContain(CANARY.contactHandle);
    expect(exports.bankBatch).toContain(CANARY.payout); // the bank needs the account: fund managers only
  });
});
