import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { actorFor } from "@/lib/testing/actors";
import { makeOrganisation, makeUser, platformOrganisation } from "@/lib/testing/factories";
import { grantRole } from "@/lib/users/grant-role";
import { revokeRole } from "@/lib/users/revoke-role";

let platformId: string;
let funderId: string;
let providerOrgId: string;

beforeAll(async () => {
  platformId = (await platformOrganisation(db())).id;
  funderId = (await makeOrganisation(db(), { kind: "FUNDER" })).id;
  providerOrgId = (await makeOrganisation(db(), { kind: "COURSE_PROVIDER" })).id;
});

const admin = async () => actorFor((await makeUser(db(), { roles: [{ role: "ADMIN", organisationId: platformId }] })).id);
const auditOf = (entityId: string) => db().auditEvent.findMany({ where: { entityId } });

describe("granting roles", () => {
  it("admin grants a reviewer role: the membership and its audit event are written together", async () => {
    const a = await admin();
    const target = await makeUser(db());
    const r = await grantRole(a, { userId: target.id, organisationId: funderId, role: "REVIEWER" });
    expect(r.created).toBe(true);
    const m = await db().membership.findUniqueOrThrow({ where: { id: r.membershipId } });
    expect(m).toMatchObject({ userId: target.id, organisationId: funderId, role: "REVIEWER", grantedById: a.userId });
    const events = await auditOf(r.membershipId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "membership.granted", actorId: a.userId, entityType: "Membership" });
    expect(events[0]!.data).toMatchObject({ userId: target.id, role: "REVIEWER" });
  });

  it("is idempotent: granting a held role creates nothing and audits nothing", async () => {
    const a = await admin();
    const target = await makeUser(db());
    const first = await grantRole(a, { userId: target.id, organisationId: funderId, role: "FUND_MANAGER" });
    const second = await grantRole(a, { userId: target.id, organisationId: funderId, role: "FUND_MANAGER" });
    expect(second).toEqual({ membershipId: first.membershipId, created: false });
    expect(await auditOf(first.membershipId)).toHaveLength(1);
  });

  it("refuses a non-admin, and writes nothing", async () => {
    const reviewer = await actorFor((await makeUser(db(), { roles: [{ role: "REVIEWER", organisationId: funderId }] })).id);
    const target = await makeUser(db());
    await expect(grantRole(reviewer, { userId: target.id, organisationId: funderId, role: "ADMIN" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await db().membership.count({ where: { userId: target.id } })).toBe(0);
  });

  it("refuses a role that does not fit the organisation", async () => {
    const a = await admin();
    const target = await makeUser(db());
    const err = await grantRole(a, { userId: target.id, organisationId: providerOrgId, role: "REVIEWER" }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { organisationId: ["role_org_mismatch"] } });
  });

  it("answers NOT_FOUND for an unknown user", async () => {
    const a = await admin();
    await expect(grantRole(a, { userId: "nope", organisationId: funderId, role: "REVIEWER" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("revoking roles", () => {
  it("removes the membership and audits it", async () => {
    const a = await admin();
    const target = await makeUser(db());
    const { membershipId } = await grantRole(a, { userId: target.id, organisationId: funderId, role: "REVIEWER" });
    await revokeRole(a, { membershipId });
    expect(await db().membership.findUnique({ where: { id: membershipId } })).toBeNull();
    expect((await auditOf(membershipId)).map((e) => e.action).sort()).toEqual(["membership.granted", "membership.revoked"]);
  });

  it("never removes the last admin", async () => {
    // Isolate: count admins now, revoke all but one through the use case, then try the last.
    const a = await admin();
    const admins = await db().membership.findMany({ where: { role: "ADMIN" }, orderBy: { createdAt: "asc" } });
    const keep = admins.find((m) => m.userId === a.userId)!;
    for (const m of admins) if (m.id !== keep.id) await revokeRole(a, { membershipId: m.id });
    await expect(revokeRole(a, { membershipId: keep.id })).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect(await db().membership.count({ where: { role: "ADMIN" } })).toBe(1);
  });

  it("takes effect at once: a revoked admin can no longer grant", async () => {
    const a = await admin();
    const b = await admin();
    const bMembership = await db().membership.findFirstOrThrow({ where: { userId: b.userId, role: "ADMIN" } });
    await revokeRole(a, { membershipId: bMembership.id });
    const bNow = await actorFor(b.userId);
    const target = await makeUser(db());
    await expect(grantRole(bNow, { userId: target.id, organisationId: funderId, role: "REVIEWER" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
