import { describe, expect, it } from "vitest";
import { auditEventInsert, recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db, hotQuery } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
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
    const e = await db().$transaction((tx) =>
      recordAuditEvent(tx, { actorId: null, action: "x.y", entityType: "Organisation", entityId: org.id }),
    );
    await expect(db().auditEvent.update({ where: { id: e.id }, data: { action: "rewritten" } })).rejects.toThrow(/append-only/);
    await expect(db().auditEvent.delete({ where: { id: e.id } })).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect((await db().auditEvent.findUniqueOrThrow({ where: { id: e.id } })).action).toBe("x.y");
  });

  it("orders events by a strictly increasing sequence", async () => {
    const ids: bigint[] = [];
    for (let i = 0; i < 3; i++)
      ids.push(
        (await db().$transaction((tx) => recordAuditEvent(tx, { actorId: null, action: "seq.test", entityType: "T", entityId: uniq() })))
          .seq,
      );
    expect(ids[0]! < ids[1]! && ids[1]! < ids[2]!).toBe(true);
  });

  it("is one row definition: a write statement's event (values read from its own rows) is the row recordAuditEvent inserts", async () => {
    const [plainId, computedId] = [uniq("plain"), uniq("computed")];
    const data = { fundId: "fund-1", amountMinor: 950, duplicateMatches: 0, none: null, list: ["a", "b"] };
    await db().$transaction((tx) => recordAuditEvent(tx, { actorId: null, action: "x.same", entityType: "T", entityId: plainId, data }));
    // As the submission's CTE does it: the entity id and some values from the rows the statement wrote,
    // one event per row and none when it wrote nothing.
    const written = Prisma.sql`(SELECT ${computedId}::text AS id, 'fund-1'::text AS "fundId") w`;
    const nothing = Prisma.sql`(SELECT ${computedId}::text AS id, 'fund-1'::text AS "fundId" WHERE false) w`;
    const event = (from: Prisma.Sql) =>
      auditEventInsert(
        {
          actorId: null,
          action: "x.same",
          entityType: "T",
          entityId: Prisma.sql`w.id`,
          data: { ...data, fundId: Prisma.sql`w."fundId"`, duplicateMatches: Prisma.sql`(SELECT count(*) FROM "AuditEvent" WHERE false)` },
        },
        from,
      );
    expect(await hotQuery(event(nothing))).toEqual([]);
    expect(await hotQuery(event(written))).toHaveLength(1);
    const row = (entityId: string) =>
      db().$queryRaw<
        { data: string; actorId: string | null; action: string; entityType: string }[]
      >`SELECT data::text AS data, "actorId", action, "entityType" FROM "AuditEvent" WHERE "entityId" = ${entityId}`;
    const [plain, computed] = [await row(plainId), await row(computedId)];
    expect(computed).toEqual(plain);
    expect(JSON.parse(plain[0]!.data)).toEqual(data);
  });
});

describe("money invariants held by the database", () => {
  it("refuses non-positive amounts and bad currencies", async () => {
    const org = await makeOrganisation(db());
    const fund = await db().fund.create({
      data: { organisationId: org.id, name: "f", purpose: "p", currency: "USD", perApplicantCapMinor: 100 },
    });
    await expect(db().pledge.create({ data: { fundId: fund.id, donorDisplayName: "d", amountMinor: -5 } })).rejects.toThrow(
      /Pledge_amount_positive/,
    );
    await expect(db().ledgerEntry.create({ data: { fundId: fund.id, kind: "RECEIPT", amountMinor: 0 } })).rejects.toThrow(
      /LedgerEntry_amount_positive/,
    );
    await expect(
      db().fund.create({ data: { organisationId: org.id, name: "f", purpose: "p", currency: "usd", perApplicantCapMinor: 100 } }),
    ).rejects.toThrow(/Fund_currency_iso/);
  });
});
