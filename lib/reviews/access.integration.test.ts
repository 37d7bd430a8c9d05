import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { openCaseText } from "@/lib/crypto/case-text";
import { saveApplication } from "@/lib/applications/save-application";
import { startApplication } from "@/lib/applications/start-application";
import type { Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { accessLog } from "@/lib/reviews/access-log";
import { revealIdentity } from "@/lib/reviews/reveal-identity";
import { recordCaseView } from "@/lib/reviews/record-case-view";
import { reviewCase } from "@/lib/reviews/review-case";
import { ReviewActionSchema } from "@/lib/reviews/schemas";
import { actorFor } from "@/lib/testing/actors";
import { makeFund, makeOrganisation, makeUser, platformOrganisation } from "@/lib/testing/factories";

let orgId: string;
let applicationId: string;
let reviewer: Actor;
let admin: Actor;

beforeAll(async () => {
  const platform = await platformOrganisation(db());
  orgId = (await makeOrganisation(db())).id;
  const fundId = (await makeFund(db(), orgId, { legalNameRequirement: "REQUIRED", phoneRequirement: "REQUIRED" })).id;
  const a = await actorFor((await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: platform.id }] })).id);
  applicationId = (await startApplication(a, { fundId })).applicationId;
  await saveApplication(a, applicationId, {
    intent: "submit",
    submissionKey: crypto.randomUUID(),
    category: "DISMISSED_WORKER",
    purpose: "LIVING_COSTS",
    region: "MINSK",
    amount: "500",
    statement: "Dismissed after the strike; need rent money.",
    legalName: "Hanna Secretava",
    phone: "+375291112233",
  });
  reviewer = await actorFor((await makeUser(db(), { roles: [{ role: "REVIEWER", organisationId: orgId }] })).id);
  admin = await actorFor((await makeUser(db(), { roles: [{ role: "ADMIN", organisationId: platform.id }] })).id);
});

describe("identity reveal and the access log", () => {
  it("reveals the identity only with a reason, recorded before anything is returned", async () => {
    const id = await revealIdentity(reviewer, applicationId, "Need to match the name on the dismissal order");
    expect(id).toMatchObject({ legalName: "Hanna Secretava", phone: "+375291112233" });
    const event = await db().auditEvent.findFirstOrThrow({
      where: { entityId: applicationId, action: "identity.revealed", actorId: reviewer.userId },
    });
    // The reason is sealed under the case's key (lib/crypto/case-text.ts), never in the audit row as text.
    expect(JSON.stringify(event.data)).not.toContain("dismissal order");
    expect(openCaseText(applicationId, (event.data as { reasonEnc: string }).reasonEnc)).toBe(
      "Need to match the name on the dismissal order",
    );
    expect(JSON.stringify(event.data)).not.toContain("Secretava");
  });

  it("refuses reviewers of other organisations, conflicted reviewers and applicants", async () => {
    const outsider = await actorFor(
      (await makeUser(db(), { roles: [{ role: "REVIEWER", organisationId: (await makeOrganisation(db())).id }] })).id,
    );
    await expect(revealIdentity(outsider, applicationId, "curious about this one")).rejects.toMatchObject({ code: "NOT_FOUND" });
    const conflicted = await actorFor((await makeUser(db(), { roles: [{ role: "REVIEWER", organisationId: orgId }] })).id);
    await reviewCase(conflicted, ReviewActionSchema.parse({ applicationId, action: "declare_conflict", reason: "neighbour" }));
    await expect(revealIdentity(conflicted, applicationId, "I want to see it anyway")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(revealIdentity(admin, applicationId, "admins do not review cases")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lets admins read who opened and revealed what, per case and per person", async () => {
    await recordCaseView(reviewer, applicationId);
    const perCase = await accessLog(admin, { applicationId });
    expect(perCase.map((e) => e.action)).toEqual(expect.arrayContaining(["case.opened", "identity.revealed"]));
    expect(perCase.every((e) => e.reference.startsWith("PAD-"))).toBe(true);
    const perPerson = await accessLog(admin, { actorId: reviewer.userId });
    expect(perPerson.length).toBeGreaterThanOrEqual(2);
    await expect(accessLog(reviewer)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lets a fund manager read the access log of their own organisation's funds only", async () => {
    const manager = await actorFor((await makeUser(db(), { roles: [{ role: "FUND_MANAGER", organisationId: orgId }] })).id);
    const own = await accessLog(manager, { applicationId });
    expect(own.some((e) => e.action === "identity.revealed")).toBe(true);
    const otherManager = await actorFor(
      (await makeUser(db(), { roles: [{ role: "FUND_MANAGER", organisationId: (await makeOrganisation(db())).id }] })).id,
    );
    expect(await accessLog(otherManager, { applicationId })).toEqual([]);
    expect((await accessLog(otherManager)).some((e) => e.reference === own[0]!.reference)).toBe(false);
  });
});
