// The emergency lock against PostgreSQL: once locked, no case's personal data can be decrypted — not from
// this node's cache, not with the master key and the database together — and no new case data can be
// written; a wrong unlock code is refused; the right one restores everything. Runs alone in its file and
// unlocks at the end (the lock is deployment-wide).
import crypto from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { saveApplication } from "@/lib/applications/save-application";
import { startApplication } from "@/lib/applications/start-application";
import { decrypt, LOCKED_TEXT } from "@/lib/crypto";
import { clearCaseKeyCache, loadCaseKeys, unwrap } from "@/lib/crypto/case-keys";
import { deploymentLocked, lockDeployment, lockState, refreshLockState, unlockDeployment } from "@/lib/crypto/emergency-lock";
import { loadActor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { actorFor } from "@/lib/testing/actors";
import { makeFund, makeOrganisation, makeUser, platformOrganisation } from "@/lib/testing/factories";

let unlockCode: string | undefined;
afterAll(async () => {
  if (unlockCode && (await lockState()).lockedAt) {
    const admin = await actorFor(
      (await makeUser(db(), { roles: [{ role: "ADMIN", organisationId: (await platformOrganisation(db())).id }] })).id,
    );
    await unlockDeployment(admin, unlockCode, undefined);
  }
});

describe("emergency lock", () => {
  it("makes every case's personal data unreadable until the unlock code is supplied", async () => {
    const platformId = (await platformOrganisation(db())).id;
    const fundId = (
      await makeFund(db(), (await makeOrganisation(db())).id, {
        perApplicantCapMinor: 100_000,
        eligibleCategories: ["DISMISSED_WORKER"],
        eligiblePurposes: ["LIVING_COSTS"],
        legalNameRequirement: "OPTIONAL",
      })
    ).id;
    const applicant = await actorFor((await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: platformId }] })).id);
    const submit = async () => {
      const { applicationId } = await startApplication(applicant, { fundId });
      await saveApplication(applicant, applicationId, {
        intent: "submit",
        submissionKey: crypto.randomUUID(),
        category: "DISMISSED_WORKER",
        purpose: "LIVING_COSTS",
        region: "MINSK",
        amount: "100",
        statement: "Dismissed after the strike, no income.",
        legalName: "Locked Person",
      });
      return applicationId;
    };
    const applicationId = await submit();
    const admin = await actorFor((await makeUser(db(), { roles: [{ role: "ADMIN", organisationId: platformId }] })).id);
    const reviewer = await actorFor((await makeUser(db(), { roles: [{ role: "REVIEWER", organisationId: platformId }] })).id);
    await expect(lockDeployment(reviewer, undefined)).rejects.toMatchObject({ code: "FORBIDDEN" });

    const { unlockCode: code, keys } = await lockDeployment(admin, undefined);
    unlockCode = code;
    expect(keys).toBeGreaterThanOrEqual(1);
    expect(deploymentLocked()).toBe(true);
    await expect(lockDeployment(admin, undefined)).rejects.toMatchObject({ messageKey: "security.alreadyLocked" });

    const row = await db().application.findUniqueOrThrow({ where: { id: applicationId } });
    const dataKey = await db().dataKey.findUniqueOrThrow({ where: { owner: `Application:${applicationId}` } });
    expect(dataKey.masterKeyId).toBe("locked");
    expect(() => unwrap(dataKey.id, dataKey.wrappedKey!)).toThrow(); // the master key alone opens nothing
    clearCaseKeyCache();
    await loadCaseKeys(db(), [applicationId]);
    expect(decrypt(row.legalNameEnc!, `Application.legalName:${applicationId}`)).toBe(LOCKED_TEXT);
    await expect(submit()).rejects.toMatchObject({ messageKey: "security.lockedNotice" }); // nothing new is written

    await expect(unlockDeployment(admin, crypto.randomBytes(32).toString("base64url"), undefined)).rejects.toMatchObject({
      fieldErrors: { code: ["unlock_code_wrong"] },
    });
    expect(await refreshLockState()).toBe(true);
    await unlockDeployment(admin, code, undefined);
    expect(await refreshLockState()).toBe(false);
    await loadCaseKeys(db(), [applicationId]);
    expect(decrypt(row.legalNameEnc!, `Application.legalName:${applicationId}`)).toBe("Locked Person");
    expect((await db().dataKey.findUniqueOrThrow({ where: { id: dataKey.id } })).masterKeyId).not.toBe("locked");
    expect(
      await db().auditEvent.count({ where: { action: { in: ["deployment.locked", "deployment.unlocked"] }, actorId: admin.userId } }),
    ).toBe(2);
  });

  it("reaches a node that did not take it with that node's next signed-in request, not only its watcher", async () => {
    const platformId = (await platformOrganisation(db())).id;
    const fundId = (
      await makeFund(db(), (await makeOrganisation(db())).id, {
        perApplicantCapMinor: 100_000,
        eligibleCategories: ["DISMISSED_WORKER"],
        eligiblePurposes: ["LIVING_COSTS"],
      })
    ).id;
    const applicant = await actorFor((await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: platformId }] })).id);
    const { applicationId } = await startApplication(applicant, { fundId });
    await saveApplication(applicant, applicationId, {
      intent: "submit",
      submissionKey: crypto.randomUUID(),
      category: "DISMISSED_WORKER",
      purpose: "LIVING_COSTS",
      region: "MINSK",
      amount: "100",
      statement: "Dismissed after the strike, no income.",
    });
    const row = await db().application.findUniqueOrThrow({ where: { id: applicationId }, select: { statementEnc: true } });
    await loadCaseKeys(db(), [applicationId]);
    expect(decrypt(row.statementEnc!, `Application.statement:${applicationId}`)).toBe("Dismissed after the strike, no income.");

    // Another node takes the lock: here only the database changes; this node's cache still holds the key.
    await db().securityState.update({ where: { id: 1 }, data: { lockedAt: new Date(), unlockCheck: "test-only" } });
    try {
      expect(deploymentLocked()).toBe(false);
      await loadActor(applicant.userId); // any signed-in request to this node
      expect(deploymentLocked()).toBe(true);
      expect(decrypt(row.statementEnc!, `Application.statement:${applicationId}`)).toBe(LOCKED_TEXT);
    } finally {
      await db().securityState.update({ where: { id: 1 }, data: { lockedAt: null, unlockCheck: null } });
      await loadActor(applicant.userId);
    }
    expect(deploymentLocked()).toBe(false);
  });
});
