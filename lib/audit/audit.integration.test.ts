import { describe, expect, it } from "vitest";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { makeOrganisation, uniq } from "@/lib/testing/factories";

describe("audit trail", () => {
  it("commits with the change it records", async () => {
    const slug = uniq("org");
    await db().$transaction(async (tx) => {
      const org = await tx.organisation.create({ data: { slug, name: slug, kind: "FUNDER" } });
      await recordAuditEvent(tx, { actorId: null, action: "organisation.created", entityType: "Organisation", entityId: org.id });
    });
    const org = await db().organisation.findUniqueOrThrow({ where: { slug } });
    expect(await db().auditEvent.count({ where: { entityId: org.id } })).toBe(1);
  });

  it("rolls back with the change when the transaction fails", async () => {
    const entityId = uniq("rolled-back");
    await expect(
      db().$transaction(async (tx) => {
        await recordAuditEvent(tx, { actorId: null, action: "test.failed", entityType: "Test", entityId });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await db().auditEvent.count({ where: { entityId } })).toBe(0);
  });

  it("is append-only in the database itself: UPDATE and DELETE are refused", async () => {
    const org = await makeOrganisation(db());
    const e = await db().$transaction((tx) => recordAuditEvent(tx, { actorId: null, action: "x.y", entityType: "Organisation", entityId: org.id }));
    await expect(db().auditEvent.update({ where: { id: e.id }, data: { action: "rewritten" } })).rejects.toThrow(/append-only/);
    await expect(db().auditEvent.delete({ where: { id: e.id } })).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect((await db().auditEvent.findUniqueOrThrow({ where: { id: e.id } })).action).toBe("x.y");
  });

  it("orders events by a strictly increasing sequence", async () => {
    const ids: bigint[] = [];
    for (let i = 0; i < 3; i++) ids.push((await db().$transaction((tx) => recordAuditEvent(tx, { actorId: null, action: "seq.test", entityType: "T", entityId: uniq() }))).seq);
    expect(ids[0]! < ids[1]! && ids[1]! < ids[2]!).toBe(true);
  });
});

describe("money invariants held by the database", () => {
  it("refuses non-positive amounts and bad currencies", async () => {
    const org = await makeOrganisation(db());
    const fund = await db().fund.create({ data: { organisationId: org.id, name: "f", purpose: "p", currency: "USD", perApplicantCapMinor: 100 } });
    await expect(db().pledge.create({ data: { fundId: fund.id, donorDisplayName: "d", amountMinor: -5 } })).rejects.toThrow(/Pledge_amount_positive/);
    await expect(db().ledgerEntry.create({ data: { fundId: fund.id, kind: "RECEIPT", amountMinor: 0 } })).rejects.toThrow(/LedgerEntry_amount_positive/);
    await expect(db().fund.create({ data: { organisationId: org.id, name: "f", purpose: "p", currency: "usd", perApplicantCapMinor: 100 } })).rejects.toThrow(/Fund_currency_iso/);
  });
});
