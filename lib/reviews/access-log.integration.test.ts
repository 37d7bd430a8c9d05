// The access log and the audit list as admins and fund managers page through them: every entry reachable
// by cursor, filters by who, case and day, the fund managers' scope in the same statement, and repeated
// openings of one case by one person collapsed into one entry (issue 16, item 21).
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { saveApplication } from "@/lib/applications/save-application";
import { startApplication } from "@/lib/applications/start-application";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { auditEventsPage } from "@/lib/audit/queries";
import type { Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { CASE_OPENED_WINDOW_MS, recordCaseView } from "@/lib/reviews/record-case-view";
import { accessLogPage } from "@/lib/reviews/access-log";
import { actorFor } from "@/lib/testing/actors";
import { makeFund, makeOrganisation, makeUser, platformOrganisation } from "@/lib/testing/factories";

let orgId: string;
let fundId: string;
let cases: { id: string; code: string }[];
let reviewer: Actor;
let other: Actor;
let admin: Actor;
const tag = crypto.randomBytes(4).toString("hex");

async function submittedCase(): Promise<{ id: string; code: string }> {
  const platform = await platformOrganisation(db());
  const a = await actorFor((await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: platform.id }] })).id);
  const { applicationId } = await startApplication(a, { fundId });
  const r = await saveApplication(a, applicationId, {
    intent: "submit",
    submissionKey: crypto.randomUUID(),
    category: "DISMISSED_WORKER",
    purpose: "LIVING_COSTS",
    region: "MINSK",
    amount: "500",
    statement: "Dismissed after the strike; need rent money.",
  });
  return { id: applicationId, code: r.referenceCode! };
}

beforeAll(async () => {
  const platform = await platformOrganisation(db());
  orgId = (await makeOrganisation(db())).id;
  fundId = (await makeFund(db(), orgId)).id;
  cases = [await submittedCase(), await submittedCase()];
  reviewer = await actorFor(
    (await makeUser(db(), { email: `rev-${tag}@test.padtrymka.test`, roles: [{ role: "REVIEWER", organisationId: orgId }] })).id,
  );
  other = await actorFor(
    (await makeUser(db(), { email: `other-${tag}@test.padtrymka.test`, roles: [{ role: "REVIEWER", organisationId: orgId }] })).id,
  );
  admin = await actorFor((await makeUser(db(), { roles: [{ role: "ADMIN", organisationId: platform.id }] })).id);
});

describe("recording case openings", () => {
  it("records one opening per person and case within 10 minutes, a new one after", async () => {
    const [c] = cases;
    const count = () => db().auditEvent.count({ where: { entityId: c!.id, action: "case.opened", actorId: reviewer.userId } });
    const before = await count();
    await recordCaseView(reviewer, c!.id);
    await recordCaseView(reviewer, c!.id); // e.g. the page after an action on the case
    expect(await count()).toBe(before + 1);
    await recordCaseView(other, c!.id); // someone else's opening is their own entry
    expect(await db().auditEvent.count({ where: { entityId: c!.id, action: "case.opened", actorId: other.userId } })).toBe(1);
    await recordCaseView(reviewer, c!.id, new Date(Date.now() + CASE_OPENED_WINDOW_MS + 60_000));
    expect(await count()).toBe(before + 2);
  });

  it("records an opening only of a case the person may open: another organisation's reviewer and an admin write nothing", async () => {
    const [c] = cases;
    const outsider = await actorFor(
      (await makeUser(db(), { roles: [{ role: "REVIEWER", organisationId: (await makeOrganisation(db())).id }] })).id,
    );
    await expect(recordCaseView(outsider, c!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(recordCaseView(admin, c!.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(recordCaseView(reviewer, "no-such-case")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().auditEvent.count({ where: { action: "case.opened", actorId: { in: [outsider.userId, admin.userId] } } })).toBe(0);
    expect(await db().auditEvent.count({ where: { action: "case.opened", entityId: "no-such-case" } })).toBe(0);
  });
});

describe("paging and filtering the access log", () => {
  beforeAll(async () => {
    // Seven entries on the second case: openings by two people and downloads.
    for (const [who, action] of [
      [reviewer, "case.opened"],
      [other, "case.opened"],
      [reviewer, "evidence.downloaded"],
      [reviewer, "evidence.downloaded"],
      [other, "evidence.downloaded"],
      [reviewer, "evidence.downloaded"],
      [other, "evidence.downloaded"],
    ] as const) {
      await db().$transaction((tx) =>
        recordAuditEvent(tx, { actorId: who.userId, action, entityType: "Application", entityId: cases[1]!.id, data: { fileId: "f" } }),
      );
    }
  });

  it("pages through every entry of a case, newest first, by cursor", async () => {
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await accessLogPage(admin, { case: cases[1]!.code, take: 3, after });
      seen.push(...page.rows.map((r) => r.seq));
      after = page.next ?? undefined;
      pages++;
    } while (after && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(7);
    expect([...seen].sort((a, b) => Number(BigInt(b) - BigInt(a)))).toEqual(seen);
    expect(new Set(seen).size).toBe(7);
  });

  it("filters by part of an email, by the reference code as typed, and by day", async () => {
    const byWho = await accessLogPage(admin, { who: `OTHER-${tag}`, case: cases[1]!.code });
    expect(byWho.rows.map((r) => r.who)).toEqual([
      `other-${tag}@test.padtrymka.test`,
      `other-${tag}@test.padtrymka.test`,
      `other-${tag}@test.padtrymka.test`,
    ]);
    const typed = cases[1]!.code.toLowerCase().replaceAll("-", " ");
    const { parseLogFilter } = await import("@/lib/audit/schemas");
    expect((await accessLogPage(admin, parseLogFilter({ case: typed }))).rows).toHaveLength(7);
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    expect((await accessLogPage(admin, { case: cases[1]!.code, from: tomorrow })).rows).toEqual([]);
    expect((await accessLogPage(admin, { case: cases[1]!.code, to: "2020-01-01" })).rows).toEqual([]);
    expect((await accessLogPage(admin, { case: cases[1]!.code, from: "2020-01-01", to: tomorrow })).rows.length).toBe(7);
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("keeps fund managers to their organisations' funds, in the same statement", async () => {
    const manager = await actorFor((await makeUser(db(), { roles: [{ role: "FUND_MANAGER", organisationId: orgId }] })).id);
    expect((await accessLogPage(manager, { case: cases[1]!.code })).rows).toHaveLength(7);
    expect((await accessLogPage(manager, { fundId, case: cases[1]!.code, take: 2 })).next).not.toBeNull();
    const stranger = await actorFor(
      (await makeUser(db(), { roles: [{ role: "FUND_MANAGER", organisationId: (await makeOrganisation(db())).id }] })).id,
    );
    expect((await accessLogPage(stranger, { case: cases[1]!.code })).rows).toEqual([]);
    await expect(accessLogPage(reviewer, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the audit list", () => {
  it("names who did what on a case, including events that only name the case, and pages by cursor", async () => {
    await db().$transaction((tx) =>
      recordAuditEvent(tx, {
        actorId: admin.userId,
        action: "payout.requested",
        entityType: "Payout",
        entityId: `po-${tag}`,
        data: { applicationId: cases[0]!.id },
      }),
    );
    const page = await auditEventsPage(admin, { case: cases[0]!.code });
    expect(page.rows.map((r) => r.action)).toEqual(expect.arrayContaining(["payout.requested", "case.opened", "application.submitted"]));
    expect(page.rows.find((r) => r.action === "case.opened")?.who).toBe(`rev-${tag}@test.padtrymka.test`);
    const first = await auditEventsPage(admin, { case: cases[0]!.code, take: 1 });
    const second = await auditEventsPage(admin, { case: cases[0]!.code, take: 1, after: first.next! });
    expect(second.rows[0]!.seq).not.toBe(first.rows[0]!.seq);
    expect(
      (await auditEventsPage(admin, { who: `rev-${tag}`, case: cases[0]!.code })).rows.every(
        (r) => r.who === `rev-${tag}@test.padtrymka.test`,
      ),
    ).toBe(true);
    await expect(auditEventsPage(reviewer, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
