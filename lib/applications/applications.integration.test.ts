import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { answerInfoRequest, deleteApplicationData, withdrawApplication } from "@/lib/applications/applicant-case-actions";
import { decryptPersonal } from "@/lib/applications/personal-data";
import { saveApplication } from "@/lib/applications/save-application";
import { clearCaseKeyCache, loadCaseKeys } from "@/lib/crypto/case-keys";
import { startApplication } from "@/lib/applications/start-application";
import { db } from "@/lib/db/client";
import { actorFor } from "@/lib/testing/actors";
import { makeFund, makeOrganisation, makeUser, platformOrganisation } from "@/lib/testing/factories";

let fundId: string;
let platformId: string;

beforeAll(async () => {
  platformId = (await platformOrganisation(db())).id;
  const org = await makeOrganisation(db());
  fundId = (
    await makeFund(db(), org.id, {
      currency: "USD",
      perApplicantCapMinor: 200_000,
      eligibleCategories: ["DISMISSED_WORKER"],
      eligiblePurposes: ["LIVING_COSTS", "RELOCATION"],
      legalNameRequirement: "REQUIRED",
      phoneRequirement: "REQUIRED",
      birthDateRequirement: "OPTIONAL",
    })
  ).id;
});

const applicant = async () => actorFor((await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: platformId }] })).id);
const complete = (over: Record<string, string> = {}) => ({
  intent: "submit",
  submissionKey: crypto.randomUUID(),
  category: "DISMISSED_WORKER",
  purpose: "LIVING_COSTS",
  region: "GOMEL",
  amount: "1500",
  statement: "Dismissed from the plant after the strike in August; no income since.",
  legalName: "Алена Іванова",
  phone: "+375 29 123-45-67",
  city: "Gomel",
  birthDate: "1988-03-14",
  ...over,
});

describe("starting an application", () => {
  it("creates one draft per fund and resumes it on a second start", async () => {
    const a = await applicant();
    const first = await startApplication(a, { fundId, category: "DISMISSED_WORKER", purpose: "RELOCATION" });
    const again = await startApplication(a, { fundId });
    expect(again).toEqual({ applicationId: first.applicationId, resumed: true });
    const row = await db().application.findUniqueOrThrow({ where: { id: first.applicationId } });
    expect(row).toMatchObject({ status: "DRAFT", category: "DISMISSED_WORKER", purpose: "RELOCATION", referenceCode: null });
    expect(await db().auditEvent.count({ where: { entityId: first.applicationId, action: "application.draft_created" } })).toBe(1);
  });

  it("refuses unknown and closed funds with a clear error", async () => {
    const a = await applicant();
    await expect(startApplication(a, { fundId: "no-such-fund" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "apply.unknownFund",
    });
    const closed = await makeFund(db(), (await makeOrganisation(db())).id, { status: "CLOSED" });
    await expect(startApplication(a, { fundId: closed.id })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "apply.fundClosed",
    });
  });

  it("refuses a staff member without the applicant role", async () => {
    const reviewer = await actorFor(
      (await makeUser(db(), { roles: [{ role: "REVIEWER", organisationId: (await makeOrganisation(db())).id }] })).id,
    );
    await expect(startApplication(reviewer, { fundId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("saving and submitting", () => {
  it("saves an incomplete draft, encrypted: the row never holds the plaintext", async () => {
    const a = await applicant();
    const { applicationId } = await startApplication(a, { fundId });
    const r = await saveApplication(a, applicationId, {
      intent: "save",
      submissionKey: "k-draft-1",
      statement: "Secret statement text",
      legalName: "Алена Іванова",
      amount: "12,50",
    });
    expect(r).toEqual({ applicationId, status: "DRAFT", referenceCode: null });
    const raw = await db().$queryRaw<Record<string, unknown>[]>`SELECT * FROM "Application" WHERE id = ${applicationId}`;
    const dump = JSON.stringify(raw[0]);
    expect(dump).not.toContain("Secret statement");
    expect(dump).not.toContain("Іванова");
    expect(raw[0]!.requestedAmountMinor).toBe(1250);
  });

  it("submits: reference code, SUBMITTED with history, blind indexes, audit event", async () => {
    const a = await applicant();
    const { applicationId } = await startApplication(a, { fundId });
    const digits = String(crypto.randomInt(1_000_000, 9_999_999));
    const r = await saveApplication(a, applicationId, complete({ phone: `+375 29 ${digits}` }));
    expect(r.status).toBe("SUBMITTED");
    expect(r.referenceCode).toMatch(/^PAD-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    const row = await db().application.findUniqueOrThrow({ where: { id: applicationId }, include: { statusChanges: true } });
    expect(row).toMatchObject({ status: "SUBMITTED", requestedAmountMinor: 150_000 });
    expect(row.phoneIndex).toBeTruthy();
    expect(row.identityIndex).toBeTruthy();
    expect(row.statusChanges.map((s) => s.toStatus)).toEqual(["SUBMITTED"]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: applicationId, action: "application.submitted" } });
    expect(audit.data).toMatchObject({ fundId, amountMinor: 150_000 });
    expect(JSON.stringify(audit.data)).not.toMatch(new RegExp(`Іванова|${digits}`));
  });

  it("requires what the fund requires on submit, and reports each missing field", async () => {
    const a = await applicant();
    const { applicationId } = await startApplication(a, { fundId });
    const err = await saveApplication(a, applicationId, complete({ legalName: "", phone: "", statement: "short" })).catch((e) => e);
    expect(err).toMatchObject({ code: "INVALID_INPUT" });
    expect(Object.keys(err.fieldErrors).sort()).toEqual(["legalName", "phone", "statement"]);
    expect((await db().application.findUniqueOrThrow({ where: { id: applicationId } })).status).toBe("DRAFT");
  });

  it("refuses an amount over the fund's cap, a malformed amount, and tampered choices", async () => {
    const a = await applicant();
    const { applicationId } = await startApplication(a, { fundId });
    for (const [over, field, key] of [
      [{ amount: "2000.01" }, "amount", "amount_over_cap"],
      [{ amount: "12.345" }, "amount", "amount_format"],
      [{ amount: "-5" }, "amount", "amount_format"],
      [{ category: "RESIGNING_OFFICER" }, "category", undefined],
      [{ purpose: "ACADEMY_DEBT" }, "purpose", undefined],
    ] as const) {
      const err = await saveApplication(a, applicationId, complete(over)).catch((e) => e);
      expect(err.code).toBe("INVALID_INPUT");
      expect(err.fieldErrors[field]).toBeDefined();
      if (key) expect(err.fieldErrors[field]).toContain(key);
    }
  });

  it("counts a submission once in its fund's funnel (stage, day and week figures), a retry not again", async () => {
    // The submission sets the case's funnel rank itself and the trigger counts a case leaving DRAFT from
    // "no stage reached" (prisma/migrations/20261127050000_submission_sets_funnel_rank): both halves are
    // needed for the count.
    const org = await makeOrganisation(db());
    const fresh = (
      await makeFund(db(), org.id, {
        currency: "USD",
        perApplicantCapMinor: 200_000,
        eligibleCategories: ["DISMISSED_WORKER"],
        eligiblePurposes: ["LIVING_COSTS"],
      })
    ).id;
    const a = await applicant();
    const { applicationId } = await startApplication(a, { fundId: fresh });
    const input = complete();
    await saveApplication(a, applicationId, input);
    await saveApplication(a, applicationId, input);
    const counted = async () => ({
      stages: await db().fundStageCount.groupBy({ by: ["stageRank"], where: { fundId: fresh }, _sum: { count: true } }),
      daily: await db().fundStageDaily.aggregate({ where: { fundId: fresh, stageRank: 0 }, _sum: { count: true, amountMinor: true } }),
      weekly: await db().fundStageWeekly.aggregate({ where: { fundId: fresh, stageRank: 0 }, _sum: { count: true, amountMinor: true } }),
    });
    const c = await counted();
    expect(c.stages.map((x) => [x.stageRank, x._sum.count])).toEqual([[0, 1]]);
    expect(c.daily._sum).toEqual({ count: 1, amountMinor: 150_000n });
    expect(c.weekly._sum).toEqual({ count: 1, amountMinor: 150_000n });
    expect((await db().application.findUniqueOrThrow({ where: { id: applicationId } })).furthestStageRank).toBe(0);
  });

  it("is idempotent: the same submission key twice gives the same code and one history entry", async () => {
    const a = await applicant();
    const { applicationId } = await startApplication(a, { fundId });
    const input = complete();
    const [x, y] = await Promise.all([saveApplication(a, applicationId, input), saveApplication(a, applicationId, input)]);
    expect(x.referenceCode).toBe(y.referenceCode);
    expect(await db().applicationStatusChange.count({ where: { applicationId } })).toBe(1);
    // A different key on an already submitted case is a clear error, not a second submission.
    await expect(saveApplication(a, applicationId, complete())).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "apply.notADraft",
    });
  });

  it("submits once under concurrency: eight tabs with one key, eight with different keys, first save being the submit", async () => {
    const a = await applicant();
    // No draft save before: the case has no data key yet, so every concurrent submit makes one.
    const same = (await startApplication(a, { fundId })).applicationId;
    const input = complete();
    const results = await Promise.all(Array.from({ length: 8 }, () => saveApplication(a, same, input)));
    expect(new Set(results.map((r) => r.referenceCode)).size).toBe(1);
    expect(await db().applicationStatusChange.count({ where: { applicationId: same } })).toBe(1);
    expect(await db().auditEvent.count({ where: { entityId: same, action: "application.submitted" } })).toBe(1);
    expect(await db().dataKey.count({ where: { owner: `Application:${same}` } })).toBe(1);
    // The stored ciphertext is under the stored key (not under a key made by a submit that lost the race).
    clearCaseKeyCache();
    await loadCaseKeys(db(), [same]);
    const row = await db().application.findUniqueOrThrow({ where: { id: same } });
    expect(decryptPersonal(same, row)).toMatchObject({ statement: input.statement, legalName: input.legalName, phone: input.phone });

    const b = await applicant();
    const other = (await startApplication(b, { fundId })).applicationId;
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => saveApplication(b, other, complete())));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    for (const o of outcomes.filter((o) => o.status === "rejected"))
      expect((o as PromiseRejectedResult).reason).toMatchObject({ code: "INVALID_STATE", messageKey: "apply.notADraft" });
    expect(await db().applicationStatusChange.count({ where: { applicationId: other } })).toBe(1);
  });

  it("limits submissions to 10 per account per hour: the 11th is refused with the wait, and changes nothing", async () => {
    const a = await applicant();
    for (let i = 0; i < 10; i++) {
      const { applicationId } = await startApplication(a, { fundId });
      expect((await saveApplication(a, applicationId, complete())).status).toBe("SUBMITTED");
    }
    const { applicationId } = await startApplication(a, { fundId });
    await expect(saveApplication(a, applicationId, complete())).rejects.toMatchObject({
      code: "RATE_LIMITED",
      messageKey: "errors.rateLimitedMinutes",
    });
    expect(await db().application.findUniqueOrThrow({ where: { id: applicationId } })).toMatchObject({
      status: "DRAFT",
      referenceCode: null,
    });
    // Saving the draft is not limited.
    expect((await saveApplication(a, applicationId, { ...complete(), intent: "save" })).status).toBe("DRAFT");
  });

  it("counts the limit exactly when one account submits many cases at once; a retry with the same key is not counted", async () => {
    const a = await applicant();
    const first = (await startApplication(a, { fundId })).applicationId;
    const input = complete();
    await saveApplication(a, first, input);
    // A retry of the same submission (a dropped connection) answers with the first result and uses nothing.
    for (let i = 0; i < 3; i++) expect((await saveApplication(a, first, input)).status).toBe("SUBMITTED");
    // Twelve drafts (one per fund is what the form opens; more can exist from other devices or funds).
    const drafts = await Promise.all(
      Array.from(
        { length: 12 },
        async () => (await db().application.create({ data: { applicantId: a.userId, fundId, status: "DRAFT" } })).id,
      ),
    );
    const outcomes = await Promise.allSettled(drafts.map((id) => saveApplication(a, id, complete())));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(9);
    for (const o of outcomes.filter((o) => o.status === "rejected"))
      expect((o as PromiseRejectedResult).reason).toMatchObject({ code: "RATE_LIMITED" });
    expect(await db().application.count({ where: { applicantId: a.userId, status: "SUBMITTED" } })).toBe(10);
  });

  it("refuses a submission key already used by another case (a tampered hidden field) as a form error, not a server error", async () => {
    const a = await applicant();
    const first = (await startApplication(a, { fundId })).applicationId;
    const input = complete();
    await saveApplication(a, first, input);
    const second = (await startApplication(a, { fundId })).applicationId;
    await expect(saveApplication(a, second, { ...complete(), submissionKey: input.submissionKey })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { submissionKey: ["form_tampered"] },
    });
    expect(await db().application.findUniqueOrThrow({ where: { id: second } })).toMatchObject({ status: "DRAFT" });
  });

  it("never lets anyone else read or change an applicant's case", async () => {
    const owner = await applicant();
    const other = await applicant();
    const { applicationId } = await startApplication(owner, { fundId });
    await expect(saveApplication(other, applicationId, complete())).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(withdrawApplication(other, applicationId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteApplicationData(other, applicationId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("flags the newer case when two people give the same phone (never the older one), and not an applicant's own second case", async () => {
    const phone = `+375 33 ${crypto.randomInt(100, 999)}-${crypto.randomInt(10, 99)}-${crypto.randomInt(10, 99)}`;
    const a = await applicant();
    const b = await applicant();
    const first = (await startApplication(a, { fundId })).applicationId;
    await saveApplication(a, first, complete({ phone, legalName: "Person One", birthDate: "1970-01-01" }));
    expect((await db().application.findUniqueOrThrow({ where: { id: first } })).isDuplicateFlagged).toBe(false);
    const second = (await startApplication(b, { fundId })).applicationId;
    await saveApplication(
      b,
      second,
      complete({ phone: phone.replace("+375 ", "80").replaceAll(" ", ""), legalName: "Person Two", birthDate: "1971-01-01" }),
    );
    expect((await db().application.findUniqueOrThrow({ where: { id: second } })).isDuplicateFlagged).toBe(true);
    expect((await db().application.findUniqueOrThrow({ where: { id: first } })).isDuplicateFlagged).toBe(false);
  });

  it("flags the newer case when two people give the same legal name and birth date with different phones; the audit event counts the match", async () => {
    const legalName = `Person ${crypto.randomUUID().replace(/[^a-f]/g, "")}`;
    const randomPhone = () => `+375 44 ${crypto.randomInt(1_000_000, 9_999_999)}`;
    const a = await applicant();
    const b = await applicant();
    const first = (await startApplication(a, { fundId })).applicationId;
    await saveApplication(a, first, complete({ phone: randomPhone(), legalName, birthDate: "1980-05-05" }));
    const second = (await startApplication(b, { fundId })).applicationId;
    await saveApplication(
      b,
      second,
      complete({ phone: randomPhone(), legalName: `  ${legalName.toUpperCase()} `, birthDate: "1980-05-05" }),
    );
    expect((await db().application.findUniqueOrThrow({ where: { id: second } })).isDuplicateFlagged).toBe(true);
    const event = await db().auditEvent.findFirstOrThrow({ where: { entityId: second, action: "application.submitted" } });
    expect(event.data).toMatchObject({ duplicateMatches: 1 });
  });
});

describe("the applicant's own case", () => {
  const submitted = async () => {
    const a = await applicant();
    const { applicationId } = await startApplication(a, { fundId });
    await saveApplication(a, applicationId, complete());
    return { a, applicationId };
  };

  it("withdraws, records who and when, and cannot withdraw twice", async () => {
    const { a, applicationId } = await submitted();
    await withdrawApplication(a, applicationId);
    const row = await db().application.findUniqueOrThrow({
      where: { id: applicationId },
      include: { statusChanges: { orderBy: { createdAt: "asc" } } },
    });
    expect(row.status).toBe("WITHDRAWN");
    expect(row.statusChanges.at(-1)).toMatchObject({ fromStatus: "SUBMITTED", toStatus: "WITHDRAWN", actorId: a.userId });
    await expect(withdrawApplication(a, applicationId)).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("answers a request for information and returns the case to the stage that asked", async () => {
    const { a, applicationId } = await submitted();
    await db().application.update({ where: { id: applicationId }, data: { status: "NEEDS_INFO", returnStatus: "SHORTLISTED" } });
    await answerInfoRequest(a, applicationId, "Here is the dismissal order number 123.");
    const row = await db().application.findUniqueOrThrow({ where: { id: applicationId }, include: { messages: true } });
    expect(row.status).toBe("SHORTLISTED");
    expect(row.messages).toHaveLength(1);
    expect(row.messages[0]!.bodyEnc).not.toContain("dismissal");
    await expect(answerInfoRequest(a, applicationId, "again")).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("deletes the personal data for good, keeps the statistics, and withdraws an open case", async () => {
    const { a, applicationId } = await submitted();
    await db().applicationMessage.create({ data: { applicationId, kind: "INFO_REQUEST", bodyEnc: "pv1.x.y.z" } });
    await deleteApplicationData(a, applicationId);
    const row = await db().application.findUniqueOrThrow({
      where: { id: applicationId },
      include: { messages: true, evidenceFiles: true },
    });
    expect(row).toMatchObject({
      statementEnc: null,
      legalNameEnc: null,
      phoneEnc: null,
      birthDateEnc: null,
      cityEnc: null,
      phoneIndex: null,
      identityIndex: null,
      status: "WITHDRAWN",
    });
    expect(row.messages).toHaveLength(0);
    expect(row.dataDeletedAt).not.toBeNull();
    expect(row).toMatchObject({ category: "DISMISSED_WORKER", purpose: "LIVING_COSTS", region: "GOMEL", requestedAmountMinor: 150_000 });
    expect(await db().auditEvent.count({ where: { entityId: applicationId, action: "application.data_deleted" } })).toBe(1);
    await deleteApplicationData(a, applicationId); // again: nothing more to do, no error
  });
});
