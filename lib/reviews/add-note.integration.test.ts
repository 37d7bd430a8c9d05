import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { getOwnCase } from "@/lib/applications/queries";
import { saveApplication } from "@/lib/applications/save-application";
import { startApplication } from "@/lib/applications/start-application";
import { db } from "@/lib/db/client";
import { addReviewerNote } from "@/lib/reviews/add-note";
import { reviewCase } from "@/lib/reviews/review-case";
import { ReviewActionSchema } from "@/lib/reviews/schemas";
import { actorFor } from "@/lib/testing/actors";
import { makeFund, makeOrganisation, makeUser, platformOrganisation } from "@/lib/testing/factories";

describe("notes between reviewers", () => {
  it("are encrypted, audited, refused to conflicted reviewers, and never shown to the applicant", async () => {
    const platform = await platformOrganisation(db());
    const org = await makeOrganisation(db());
    const fund = await makeFund(db(), org.id);
    const a = await actorFor((await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: platform.id }] })).id);
    const { applicationId } = await startApplication(a, { fundId: fund.id });
    await saveApplication(a, applicationId, {
      intent: "submit",
      submissionKey: crypto.randomUUID(),
      category: "DISMISSED_WORKER",
      purpose: "LIVING_COSTS",
      region: "GOMEL",
      amount: "100",
      statement: "Dismissed after the strike, need help.",
    });
    const r1 = await actorFor((await makeUser(db(), { roles: [{ role: "REVIEWER", organisationId: org.id }] })).id);
    const r2 = await actorFor((await makeUser(db(), { roles: [{ role: "REVIEWER", organisationId: org.id }] })).id);

    await addReviewerNote(r1, applicationId, "Called the employer's union rep: story checks out.");
    const note = await db().applicationMessage.findFirstOrThrow({ where: { applicationId, kind: "REVIEWER_NOTE" } });
    expect(note.bodyEnc).not.toContain("union rep");
    expect(await db().auditEvent.count({ where: { entityId: applicationId, action: "review.note_added", actorId: r1.userId } })).toBe(1);

    const own = await getOwnCase(a, applicationId);
    expect(own!.messages).toEqual([]);
    expect(JSON.stringify(own)).not.toContain("union rep");

    await reviewCase(r2, ReviewActionSchema.parse({ applicationId, action: "declare_conflict", reason: "cousin" }));
    await expect(addReviewerNote(r2, applicationId, "I should not be here")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(addReviewerNote(a, applicationId, "applicants cannot")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
