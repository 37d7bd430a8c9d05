// The actor's statement with a joined read (the submission's hot path): the extra row comes back only for
// a valid session, with its types, and the actor is exactly the one loadActor gives.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { startApplication } from "@/lib/applications/start-application";
import { saveApplication, submissionRead, type SubmitRow } from "@/lib/applications/save-application";
import { loadActor, loadActorWith } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { actorFor } from "@/lib/testing/actors";
import { makeFund, makeOrganisation, makeUser, platformOrganisation } from "@/lib/testing/factories";
import { signOutDevice, startDeviceSession } from "@/lib/users/devices";
import { setSuspended, signOutEverywhere } from "@/lib/users/sessions";

async function world() {
  const platform = (await platformOrganisation(db())).id;
  const org = await makeOrganisation(db());
  const fund = await makeFund(db(), org.id, { currency: "USD", perApplicantCapMinor: 200_000, eligibleCategories: ["DISMISSED_WORKER"], eligiblePurposes: ["LIVING_COSTS"] });
  const user = await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: platform }] });
  const actor = await actorFor(user.id);
  const { applicationId } = await startApplication(actor, { fundId: fund.id });
  return { user, actor, fund, applicationId };
}

describe("the actor with a joined read", () => {
  it("returns the actor loadActor gives and the case row with its types", async () => {
    const { user, fund, applicationId } = await world();
    const device = await startDeviceSession(user.id, "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0");
    const r = await loadActorWith<SubmitRow>(user.id, 0, device, submissionRead(applicationId, user.id));
    expect(r.actor).toEqual(await loadActor(user.id, 0, device));
    expect(r.also).toMatchObject({ status: "DRAFT", fundId: fund.id, fundStatus: "OPEN", currency: "USD", perApplicantCapMinor: 200_000, eligibleCategories: ["DISMISSED_WORKER"], locked: false });
    // Not the applicant's case: no row.
    const other = await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: (await platformOrganisation(db())).id }] });
    expect((await loadActorWith(other.id, 0, undefined, submissionRead(applicationId, other.id))).also).toBeNull();
  });

  it("gives nothing from the joined read to a session that is signed out, outdated or suspended", async () => {
    const { user, actor, applicationId } = await world();
    const read = submissionRead(applicationId, user.id);
    const device = await startDeviceSession(user.id, null);
    await signOutDevice(actor, device);
    expect(await loadActorWith(user.id, 0, device, read)).toEqual({ actor: null, also: null });
    await signOutEverywhere(actor);
    expect(await loadActorWith(user.id, 0, undefined, read)).toEqual({ actor: null, also: null });
    expect((await loadActorWith(user.id, 1, undefined, read)).also).not.toBeNull();
    const admin = await actorFor((await makeUser(db(), { roles: [{ role: "ADMIN", organisationId: (await platformOrganisation(db())).id }] })).id);
    await setSuspended(admin, user.id, true);
    expect(await loadActorWith(user.id, 1, undefined, read)).toEqual({ actor: null, also: null });
  });

  it("submits from the joined read exactly as from its own: once, idempotent on retry", async () => {
    const { user, actor, applicationId } = await world();
    const input = { intent: "submit", submissionKey: crypto.randomUUID(), category: "DISMISSED_WORKER", purpose: "LIVING_COSTS", region: "GOMEL", amount: "1500", statement: "Dismissed after the strike in August; no income since.", legalName: "Test Person", phone: `+375 29 ${crypto.randomInt(1_000_000, 9_999_999)}` };
    const first = (await loadActorWith<SubmitRow>(user.id, 0, undefined, submissionRead(applicationId, user.id))).also;
    const r = await saveApplication(actor, applicationId, input, first);
    expect(r.status).toBe("SUBMITTED");
    // A retry reads the submitted case with the actor again and gets the first result.
    const again = (await loadActorWith<SubmitRow>(user.id, 0, undefined, submissionRead(applicationId, user.id))).also;
    expect(await saveApplication(actor, applicationId, input, again)).toEqual(r);
    expect(await db().applicationStatusChange.count({ where: { applicationId } })).toBe(1);
    // A stale prefetched draft row (read before the submission) changes nothing: the write re-checks.
    await expect(saveApplication(actor, applicationId, { ...input, submissionKey: crypto.randomUUID() }, first)).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect(await db().applicationStatusChange.count({ where: { applicationId } })).toBe(1);
  });
});
