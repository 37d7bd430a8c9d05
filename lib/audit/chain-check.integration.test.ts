// The admin's on-demand audit chain check: admins only, its result recorded as an audit event and read
// back as the last result shown on the admin page.
import { beforeAll, describe, expect, it } from "vitest";
import { lastChainCheck } from "@/lib/audit/queries";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { CHAIN_VERIFIED, verifyAuditChainNow } from "@/lib/audit/verify-audit-chain-now";
import type { Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { actorFor } from "@/lib/testing/actors";
import { makeOrganisation, makeUser, platformOrganisation } from "@/lib/testing/factories";

let admin: Actor;
let reviewer: Actor;

beforeAll(async () => {
  const platform = await platformOrganisation(db());
  admin = await actorFor((await makeUser(db(), { roles: [{ role: "ADMIN", organisationId: platform.id }] })).id);
  reviewer = await actorFor(
    (await makeUser(db(), { roles: [{ role: "REVIEWER", organisationId: (await makeOrganisation(db())).id }] })).id,
  );
});

describe("checking the audit chain on demand", () => {
  it("verifies the chain, records the result, and shows it as the last check", async () => {
    const before = new Date(Date.now() - 1000);
    const report = await verifyAuditChainNow(admin);
    expect(report).toMatchObject({ ok: true });
    const last = await lastChainCheck(admin);
    expect(last!.at.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(last!.report).toEqual(report);
    expect(await db().auditEvent.count({ where: { action: CHAIN_VERIFIED, actorId: admin.userId } })).toBe(1);
  });

  it("shows a broken chain's last result as recorded", async () => {
    const broken = { ok: false, links: 12, stripe: 3, brokenAt: 5, eventId: "evt-1", reason: "hash_mismatch" } as const;
    await db().$transaction((tx) =>
      recordAuditEvent(tx, { actorId: admin.userId, action: CHAIN_VERIFIED, entityType: "AuditChain", entityId: "chain", data: broken }),
    );
    expect((await lastChainCheck(admin))!.report).toEqual(broken);
  });

  it("is refused to anyone but an admin, who records nothing", async () => {
    await expect(verifyAuditChainNow(reviewer)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(lastChainCheck(reviewer)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db().auditEvent.count({ where: { action: CHAIN_VERIFIED, actorId: reviewer.userId } })).toBe(0);
  });
});
