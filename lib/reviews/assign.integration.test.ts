import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { saveApplication } from "@/lib/applications/save-application";
import { startApplication } from "@/lib/applications/start-application";
import { db } from "@/lib/db/client";
import { assignableReviewers, assignCase, assignmentOf } from "@/lib/reviews/assign";
import { listQueue, QueueFilterSchema } from "@/lib/reviews/queue";
import { reviewCase } from "@/lib/reviews/review-case";
import { ReviewActionSchema } from "@/lib/reviews/schemas";
import { actorFor } from "@/lib/testing/actors";
import { makeFund, makeOrganisation, makeUser, platformOrganisation } from "@/lib/testing/factories";

describe("claiming and assigning cases", () => {
  it("a reviewer claims, the queue filters 'assigned to me', another reviewer is assigned; never a conflicted reviewer, an outsider or the applicant", async () => {
    const platform = await platformOrganisation(db());
    const org = await makeOrganisation(db());
    const fund = await makeFund(db(), org.id);
    const [r1, r2, r3] = await Promise.all(
      [1, 2, 3].map(async () => actorFor((await makeUser(db(), { roles: [{ role: "REVIEWER", organisationId: org.id }] })).id)),
    );
    const outsider = await actorFor(
      (await makeUser(db(), { roles: [{ role: "REVIEWER", organisationId: (await makeOrganisation(db())).id }] })).id,
    );
    const applicant = await actorFor((await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: platform.id }] })).id);
    const { applicationId } = await startApplication(applicant, { fundId: fund.id });
    await saveApplication(applicant, applicationId, {
      intent: "submit",
      submissionKey: crypto.randomUUID(),
      category: "DISMISSED_WORKER",
      purpose: "LIVING_COSTS",
      region: "BREST",
      amount: "500",
      statement: "Dismissed after the strike; need help with rent.",
    });

    await assignCase(r1!, applicationId, r1!.userId);
    expect((await listQueue(r1!, QueueFilterSchema.parse({ fund: fund.id, assignedToMe: "1" }))).rows.map((r) => r.id)).toEqual([
      applicationId,
    ]);
    expect((await listQueue(r2!, QueueFilterSchema.parse({ fund: fund.id, assignedToMe: "1" }))).rows).toEqual([]);
    await assignCase(r1!, applicationId, r2!.userId);
    expect((await db().application.findUniqueOrThrow({ where: { id: applicationId } })).assignedToId).toBe(r2!.userId);

    await reviewCase(r3!, ReviewActionSchema.parse({ applicationId, action: "declare_conflict", reason: "I know this person" }));
    await expect(assignCase(r1!, applicationId, r3!.userId)).rejects.toMatchObject({ messageKey: "review.notAssignable" });
    await expect(assignCase(r1!, applicationId, outsider.userId)).rejects.toMatchObject({ messageKey: "review.notAssignable" });
    await expect(assignCase(r1!, applicationId, applicant.userId)).rejects.toMatchObject({ messageKey: "review.notAssignable" });
    await expect(assignCase(outsider, applicationId, outsider.userId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await assignCase(r2!, applicationId, null);
    expect((await db().application.findUniqueOrThrow({ where: { id: applicationId } })).assignedToId).toBeNull();
    const actions = (
      await db().auditEvent.findMany({
        where: { entityId: applicationId, action: { in: ["case.assigned", "case.released"] } },
        orderBy: { seq: "asc" },
      })
    ).map((e) => e.action);
    expect(actions).toEqual(["case.assigned", "case.assigned", "case.released"]);
  });

  it("who may take a case and who has it are told only to a reviewer whose scope holds the case", async () => {
    const platform = await platformOrganisation(db());
    const org = await makeOrganisation(db());
    const fund = await makeFund(db(), org.id);
    const [r1, r2, conflicted] = await Promise.all(
      [1, 2, 3].map(async () => actorFor((await makeUser(db(), { roles: [{ role: "REVIEWER", organisationId: org.id }] })).id)),
    );
    const outsider = await actorFor(
      (await makeUser(db(), { roles: [{ role: "REVIEWER", organisationId: (await makeOrganisation(db())).id }] })).id,
    );
    const manager = await actorFor((await makeUser(db(), { roles: [{ role: "FUND_MANAGER", organisationId: org.id }] })).id);
    const applicant = await actorFor((await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: platform.id }] })).id);
    const { applicationId } = await startApplication(applicant, { fundId: fund.id });
    await saveApplication(applicant, applicationId, {
      intent: "submit",
      submissionKey: crypto.randomUUID(),
      category: "DISMISSED_WORKER",
      purpose: "LIVING_COSTS",
      region: "BREST",
      amount: "500",
      statement: "Dismissed after the strike; need help with rent.",
    });
    await reviewCase(conflicted!, ReviewActionSchema.parse({ applicationId, action: "declare_conflict", reason: "I know this person" }));
    await assignCase(r1!, applicationId, r2!.userId);

    expect((await assignableReviewers(r1!, applicationId)).map((r) => r.id).sort()).toEqual([r1!.userId, r2!.userId].sort());
    expect(await assignmentOf(r1!, applicationId)).toEqual({ assignedToId: r2!.userId, label: expect.any(String) });
    // Out of scope: another organisation's reviewer, the reviewer who declared a conflict (their e-mails and
    // colleagues' are not theirs to see), a fund manager of the organisation (no reviewer scope).
    for (const a of [outsider, conflicted!, manager]) {
      expect(await assignmentOf(a, applicationId)).toEqual({ assignedToId: null, label: null });
    }
    for (const a of [outsider, conflicted!]) expect(await assignableReviewers(a, applicationId)).toEqual([]);
    // Without a reviewer's permission: refused.
    await expect(assignableReviewers(manager, applicationId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(assignableReviewers(applicant, applicationId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(assignmentOf(applicant, applicationId)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
