// The application form with its files: adding or removing a file saves what was typed first.
import crypto from "node:crypto";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { getOwnDraft } from "@/lib/applications/queries";
import { saveWithEvidence } from "@/lib/applications/save-with-evidence";
import { startApplication } from "@/lib/applications/start-application";
import { db } from "@/lib/db/client";
import { actorFor } from "@/lib/testing/actors";
import { makeFund, makeOrganisation, makeUser, platformOrganisation } from "@/lib/testing/factories";

let fundId: string;
let platformId: string;
let png: File;

beforeAll(async () => {
  platformId = (await platformOrganisation(db())).id;
  fundId = (await makeFund(db(), (await makeOrganisation(db())).id)).id;
  png = new File(
    [
      new Uint8Array(
        await sharp({ create: { width: 8, height: 8, channels: 3, background: "#c00" } })
          .png()
          .toBuffer(),
      ),
    ],
    "order.png",
  );
});

async function draft() {
  const a = await actorFor((await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: platformId }] })).id);
  return { a, applicationId: (await startApplication(a, { fundId })).applicationId };
}
const statement = "Dismissed after the strike; typed, not yet saved.";

describe("the application form with its files", () => {
  it("saves the typed draft and adds the file ('Add the file')", async () => {
    const { a, applicationId } = await draft();
    const r = await saveWithEvidence(a, applicationId, {
      applicationId,
      submissionKey: crypto.randomUUID(),
      intent: "upload",
      statement,
      amount: "300",
      file: png,
    });
    expect(r).toMatchObject({ status: "DRAFT", evidence: "added" });
    const saved = (await getOwnDraft(a, applicationId))!;
    expect(saved.values.statement).toBe(statement);
    expect(saved.files.map((f) => f.fileName)).toEqual(["order.png"]);
  });

  it("saves the draft even when the file is refused, and saves alone when no file was chosen (Enter in a field)", async () => {
    const { a, applicationId } = await draft();
    const err = await saveWithEvidence(a, applicationId, {
      applicationId,
      submissionKey: crypto.randomUUID(),
      intent: "upload",
      statement,
      file: new File([new Uint8Array(Buffer.from("not a pdf"))], "x.pdf"),
    }).catch((e) => e);
    expect(err).toMatchObject({ fieldErrors: { file: ["evidence_wrong_type"] } });
    expect((await getOwnDraft(a, applicationId))!.values.statement).toBe(statement);
    expect(
      await saveWithEvidence(a, applicationId, {
        applicationId,
        submissionKey: crypto.randomUUID(),
        intent: "upload",
        statement: `${statement}!`,
        file: new File([], ""),
      }),
    ).toMatchObject({ status: "DRAFT" });
    expect((await getOwnDraft(a, applicationId))!.values.statement).toBe(`${statement}!`);
    expect(await db().evidenceFile.count({ where: { applicationId } })).toBe(0);
  });

  it("adds nothing when the draft itself is invalid: the typed values come back with the errors", async () => {
    const { a, applicationId } = await draft();
    await expect(
      saveWithEvidence(a, applicationId, { applicationId, submissionKey: crypto.randomUUID(), intent: "upload", amount: "-5", file: png }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await db().evidenceFile.count({ where: { applicationId } })).toBe(0);
  });

  it("saves the draft and removes the file ('Remove …'), only a file of this draft", async () => {
    const { a, applicationId } = await draft();
    await saveWithEvidence(a, applicationId, { applicationId, submissionKey: crypto.randomUUID(), intent: "upload", file: png });
    const fileId = (await getOwnDraft(a, applicationId))!.files[0]!.id;
    const other = await draft();
    // Another applicant naming this file from their own draft: not found, and the file stays.
    await expect(
      saveWithEvidence(other.a, other.applicationId, {
        applicationId: other.applicationId,
        submissionKey: crypto.randomUUID(),
        removeFileId: fileId,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The owner naming it from another of their drafts would not remove it either.
    const second = (await startApplication(a, { fundId: (await makeFund(db(), (await makeOrganisation(db())).id)).id })).applicationId;
    await expect(
      saveWithEvidence(a, second, { applicationId: second, submissionKey: crypto.randomUUID(), removeFileId: fileId }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().evidenceFile.count({ where: { id: fileId } })).toBe(1);
    expect(
      await saveWithEvidence(a, applicationId, { applicationId, submissionKey: crypto.randomUUID(), removeFileId: fileId, statement }),
    ).toMatchObject({ evidence: "removed" });
    expect(await db().evidenceFile.count({ where: { id: fileId } })).toBe(0);
    expect((await getOwnDraft(a, applicationId))!.values.statement).toBe(statement);
    expect(
      await db().auditEvent.count({ where: { entityId: applicationId, action: { in: ["evidence.removed", "application.draft_saved"] } } }),
    ).toBeGreaterThanOrEqual(3);
  });

  it("adds a chosen file before submitting", async () => {
    const { a, applicationId } = await draft();
    const r = await saveWithEvidence(a, applicationId, {
      applicationId,
      intent: "submit",
      submissionKey: crypto.randomUUID(),
      category: "DISMISSED_WORKER",
      purpose: "LIVING_COSTS",
      region: "MINSK",
      amount: "300",
      statement,
      file: png,
    });
    expect(r).toMatchObject({ status: "SUBMITTED", evidence: "added" });
    expect(await db().evidenceFile.count({ where: { applicationId } })).toBe(1);
  });
});
