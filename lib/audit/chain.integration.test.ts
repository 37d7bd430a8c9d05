// Tampering with the audit log (editing, deleting or reordering an event, or removing a link) is always
// detected. Each tampering runs in a transaction that is rolled back, with the append-only triggers
// disabled as only a database superuser (or someone who seized the server) could.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { verifyAuditChain, type Query } from "@/lib/audit/verify";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

let client: pg.Client;
const query = (c: pg.Client): Query => async (sql, params) => (await c.query(sql, params)).rows;

beforeAll(async () => {
  for (let i = 0; i < 5; i++) await db().$transaction((tx) => recordAuditEvent(tx, { actorId: null, action: "test.chain", entityType: "Test", entityId: `chain-${i}`, data: { i } }));
  client = new pg.Client({ connectionString: env().DATABASE_URL });
  await client.connect();
});
afterAll(() => client.end());

async function tampered(sql: string[]) {
  await client.query("BEGIN");
  try {
    await client.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER USER`);
    await client.query(`ALTER TABLE "AuditChain" DISABLE TRIGGER USER`);
    for (const s of sql) await client.query(s);
    return await verifyAuditChain(query(client));
  } finally {
    await client.query("ROLLBACK");
  }
}

describe("audit hash chain", () => {
  it("links every committed event, and verifies", async () => {
    const r = await verifyAuditChain(query(client));
    expect(r).toMatchObject({ ok: true });
    expect(r.links).toBeGreaterThanOrEqual(5);
  });

  it("detects an edited event", async () => {
    const r = await tampered([`UPDATE "AuditEvent" SET data = '{"i": 99}' WHERE "entityId" = 'chain-2'`]);
    expect(r).toMatchObject({ ok: false, reason: "hash_mismatch" });
  });

  it("detects a deleted event", async () => {
    expect(await tampered([`DELETE FROM "AuditEvent" WHERE "entityId" = 'chain-3'`])).toMatchObject({ ok: false, reason: "missing_event" });
  });

  it("detects reordered events", async () => {
    const seq = async (id: string) => (await client.query(`SELECT seq::text FROM "AuditEvent" WHERE "entityId" = $1`, [id])).rows[0].seq as string;
    const [a, b] = [await seq("chain-1"), await seq("chain-2")];
    const r = await tampered([
      `UPDATE "AuditEvent" SET seq = -1 WHERE "entityId" = 'chain-1'`,
      `UPDATE "AuditEvent" SET seq = ${a} WHERE "entityId" = 'chain-2'`,
      `UPDATE "AuditEvent" SET seq = ${b} WHERE "entityId" = 'chain-1'`,
    ]);
    expect(r).toMatchObject({ ok: false, reason: "hash_mismatch" });
  });

  it("detects a removed link and an event outside the chain", async () => {
    expect(await tampered([`DELETE FROM "AuditChain" WHERE "chainIndex" = 2`])).toMatchObject({ ok: false, reason: "gap", brokenAt: 2 });
    const last = (await client.query(`SELECT max("chainIndex")::text AS m FROM "AuditChain"`)).rows[0].m;
    expect(await tampered([`DELETE FROM "AuditChain" WHERE "chainIndex" = ${last}`])).toMatchObject({ ok: false });
  });

  it("refuses ordinary edits of events and links", async () => {
    await expect(db().auditEvent.updateMany({ where: { entityId: "chain-0" }, data: { action: "x" } })).rejects.toThrow();
    await expect(db().auditChain.deleteMany({ where: { chainIndex: 1n } })).rejects.toThrow(/append-only/);
  });
});
