// Per-case data keys against PostgreSQL: personal data is encrypted under the case's own key (wrapped by
// the master key), deleting the case's data destroys that key so any surviving ciphertext is unreadable
// even with the master key, concurrent first writes agree on one key, and master key rotation re-wraps
// keys and re-encrypts values still under an old master key.
import crypto from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { deleteApplicationData } from "@/lib/applications/applicant-case-actions";
import { saveApplication } from "@/lib/applications/save-application";
import { startApplication } from "@/lib/applications/start-application";
import type { Actor } from "@/lib/authz/actor";
import { decrypt } from "@/lib/crypto";
import { clearCaseKeyCache, loadCaseKeys, unwrap, wrap } from "@/lib/crypto/case-keys";
import { encryptField, generateKeySpec, keyIdOf, parseKeyring, DecryptionError } from "@/lib/crypto/field-encryption";
import { masterKeyring } from "@/lib/crypto/master";
import { rotateMasterKey } from "@/lib/crypto/rotate";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { actorFor } from "@/lib/testing/actors";
import { makeFund, makeOrganisation, makeUser, platformOrganisation } from "@/lib/testing/factories";

let fundId: string;
let platformId: string;
beforeAll(async () => {
  platformId = (await platformOrganisation(db())).id;
  fundId = (
    await makeFund(db(), (await makeOrganisation(db())).id, {
      perApplicantCapMinor: 500_000,
      eligibleCategories: ["DISMISSED_WORKER"],
      eligiblePurposes: ["LIVING_COSTS"],
      legalNameRequirement: "OPTIONAL",
      phoneRequirement: "OPTIONAL",
    })
  ).id;
});

async function submitted(): Promise<{ a: Actor; applicationId: string }> {
  const a = await actorFor((await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: platformId }] })).id);
  const { applicationId } = await startApplication(a, { fundId });
  await saveApplication(a, applicationId, {
    intent: "submit",
    submissionKey: crypto.randomUUID(),
    category: "DISMISSED_WORKER",
    purpose: "LIVING_COSTS",
    region: "MINSK",
    amount: "900",
    statement: "Dismissed after the strike; CANARY-KEY-STATEMENT.",
    legalName: "Canary Keyholder",
    phone: "+375 29 444-55-66",
  });
  return { a, applicationId };
}
const keyRow = (applicationId: string) => db().dataKey.findUniqueOrThrow({ where: { owner: `Application:${applicationId}` } });

describe("per-case data keys", () => {
  it("encrypts a case's fields under its own wrapped key", async () => {
    const { applicationId } = await submitted();
    const app = await db().application.findUniqueOrThrow({ where: { id: applicationId } });
    const key = await keyRow(applicationId);
    expect(keyIdOf(app.legalNameEnc!)).toBe(`dk_${key.id}`);
    expect(key.masterKeyId).toBe(masterKeyring().current);
    expect(unwrap(key.id, key.wrappedKey!)).toHaveLength(32);
    expect(app.statementEnc).not.toContain("CANARY");
    clearCaseKeyCache();
    await loadCaseKeys(db(), [applicationId]);
    expect(decrypt(app.legalNameEnc!, `Application.legalName:${applicationId}`)).toBe("Canary Keyholder");
  });

  it("deleting a case's data destroys its key: a copy of the ciphertext is unreadable even with the master key", async () => {
    const { a, applicationId } = await submitted();
    const backup = (await db().application.findUniqueOrThrow({ where: { id: applicationId } })).statementEnc!;
    await loadCaseKeys(db(), [applicationId]);
    await deleteApplicationData(a, applicationId);
    expect(() => decrypt(backup, `Application.statement:${applicationId}`)).toThrow(DecryptionError); // this node forgot it at once
    const key = await keyRow(applicationId);
    expect(key.wrappedKey).toBeNull();
    expect(key.destroyedAt).not.toBeNull();
    clearCaseKeyCache();
    await loadCaseKeys(db(), [applicationId]);
    expect(() => decrypt(backup, `Application.statement:${applicationId}`)).toThrow(DecryptionError);
    await expect(db().dataKey.update({ where: { id: key.id }, data: { destroyedAt: null } })).rejects.toThrow(/DataKey_live_or_destroyed/);
  });

  it("concurrent first writes agree on one key", async () => {
    const applicationId = `race-${crypto.randomUUID()}`;
    clearCaseKeyCache();
    await Promise.all(Array.from({ length: 8 }, () => loadCaseKeys(db(), [applicationId], { create: true })));
    expect(await db().dataKey.count({ where: { owner: `Application:${applicationId}` } })).toBe(1);
  });

  it("rotation re-wraps keys and re-encrypts values still under an old master key; the data reads the same", async () => {
    const { applicationId } = await submitted();
    // Pretend this case's key and one contact handle are still under an old master key "zold".
    const oldSpec = generateKeySpec("zold");
    const oldRing = parseKeyring(oldSpec);
    const key = await keyRow(applicationId);
    const w = wrap(key.id, unwrap(key.id, key.wrappedKey!), oldRing);
    await db().dataKey.update({ where: { id: key.id }, data: w });
    const user = await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: platformId }] });
    await db().applicantProfile.create({
      data: {
        userId: user.id,
        contactChannel: "TELEGRAM",
        contactHandleEnc: encryptField(oldRing, "@canary_handle", `ApplicantProfile.contactHandle:${user.id}`),
      },
    });

    const ring = parseKeyring(`${env().ENCRYPTION_KEYS},${oldSpec}`); // current master first, "zold" after
    const report = await rotateMasterKey(db(), ring);
    expect(report.dataKeysRewrapped).toBeGreaterThanOrEqual(1);
    expect(report.valuesReencrypted).toBeGreaterThanOrEqual(1);
    expect(report.stillUnderOldKeys).toBe(0);
    expect((await keyRow(applicationId)).masterKeyId).toBe(masterKeyring().current);
    const profile = await db().applicantProfile.findUniqueOrThrow({ where: { userId: user.id } });
    expect(keyIdOf(profile.contactHandleEnc!)).toBe(masterKeyring().current);
    // Without the old key at all, everything still reads.
    clearCaseKeyCache();
    await loadCaseKeys(db(), [applicationId]);
    const app = await db().application.findUniqueOrThrow({ where: { id: applicationId } });
    expect(decrypt(app.legalNameEnc!, `Application.legalName:${applicationId}`)).toBe("Canary Keyholder");
    expect(decrypt(profile.contactHandleEnc!, `ApplicantProfile.contactHandle:${user.id}`)).toBe("@canary_handle");
    // A second run has nothing to do.
    expect(await rotateMasterKey(db(), ring)).toMatchObject({ dataKeysRewrapped: 0, valuesReencrypted: 0 });
  });
});

describe("retention", () => {
  it("erases a closed case's personal data and key after the fund's retention period, and only then", async () => {
    const { sweepRetention } = await import("@/lib/applications/retention");
    const { a, applicationId } = await submitted();
    const { withdrawApplication } = await import("@/lib/applications/applicant-case-actions");
    await withdrawApplication(a, applicationId);
    await db().fund.update({ where: { id: fundId }, data: { retentionMonths: 1 } });
    const open = await submitted(); // still open: never erased
    await sweepRetention(new Date(Date.now() + 20 * 86_400_000));
    expect((await db().application.findUniqueOrThrow({ where: { id: applicationId } })).dataDeletedAt).toBeNull(); // 20 days: too early
    await sweepRetention(new Date(Date.now() + 40 * 86_400_000));
    const row = await db().application.findUniqueOrThrow({ where: { id: applicationId } });
    expect(row.dataDeletedAt).not.toBeNull();
    expect([row.statementEnc, row.legalNameEnc, row.phoneEnc]).toEqual([null, null, null]);
    expect((await keyRow(applicationId)).wrappedKey).toBeNull();
    expect(await db().auditEvent.count({ where: { entityId: applicationId, action: "application.data_expired" } })).toBe(1);
    expect((await db().application.findUniqueOrThrow({ where: { id: open.applicationId } })).dataDeletedAt).toBeNull();
    await db().fund.update({ where: { id: fundId }, data: { retentionMonths: 12 } });
  });

  it("keeps one key cache and lock flag per process, however many times the module is loaded", async () => {
    // Next.js loads this module once for the pages and once more for instrumentation.ts, where the lock
    // watcher runs: clearing the cache there must clear the keys the pages decrypt with.
    const pages = await import("@/lib/crypto/case-keys");
    vi.resetModules();
    const watcher = await import("@/lib/crypto/case-keys");
    expect(watcher).not.toBe(pages);
    const { applicationId } = await submitted();
    await pages.loadCaseKeys(db(), [applicationId]);
    expect(() => watcher.caseKeyring(applicationId)).not.toThrow();
    watcher.clearCaseKeyCache();
    expect(() => pages.caseKeyring(applicationId)).toThrow(/not loaded/);
    watcher.lockedFlag.value = true;
    expect(pages.lockedFlag.value).toBe(true);
    watcher.lockedFlag.value = false;
  });
});
