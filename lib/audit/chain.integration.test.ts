// Tampering with the audit log (editing, deleting or reordering an event, or removing a link) is always
// detected. Each tampering runs in a transaction that is rolled back, with the append-only triggers
// disabled as only a database superuser (or someone who seized the server) could.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { chainAnchor, verifyAuditChain, type Query } from "@/lib/audit/verify";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

let client: pg.Client;
const query =
  (c: pg.Client): Query =>
  async (sql, params) =>
    (await c.query(sql, params)).rows;

beforeAll(async () => {
  for (let i = 0; i < 5; i++)
    await db().$transaction((tx) =>
      recordAuditEvent(tx, { actorId: null, action: "test.chain", entityType: "Test", entityId: `chain-${i}`, data: { i } }),
    );
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
    const seq = async (id: string) =>
      (await client.query(`SELECT seq::text FROM "AuditEvent" WHERE "entityId" = $1`, [id])).rows[0].seq as string;
    const [a, b] = [await seq("chain-1"), await seq("chain-2")];
    const r = await tampered([
      `UPDATE "AuditEvent" SET seq = -1 WHERE "entityId" = 'chain-1'`,
      `UPDATE "AuditEvent" SET seq = ${a} WHERE "entityId" = 'chain-2'`,
      `UPDATE "AuditEvent" SET seq = ${b} WHERE "entityId" = 'chain-1'`,
    ]);
    expect(r).toMatchObject({ ok: false, reason: "hash_mismatch" });
  });

  it("detects a removed link and an event outside the chain", async () => {
    const { stripe } = (await client.query(`SELECT stripe FROM "AuditChain" GROUP BY stripe HAVING count(*) >= 3 LIMIT 1`)).rows[0];
    expect(await tampered([`DELETE FROM "AuditChain" WHERE stripe = ${stripe} AND "chainIndex" = 2`])).toMatchObject({
      ok: false,
      reason: "gap",
      stripe,
      brokenAt: 2,
    });
    const last = (await client.query(`SELECT max("chainIndex")::text AS m FROM "AuditChain" WHERE stripe = $1`, [stripe])).rows[0].m;
    expect(await tampered([`DELETE FROM "AuditChain" WHERE stripe = ${stripe} AND "chainIndex" = ${last}`])).toMatchObject({
      ok: false,
      stripe,
    });
    // Moving a link (with its hash) to another stripe does not verify either.
    expect(await tampered([`UPDATE "AuditChain" SET stripe = 99 WHERE stripe = ${stripe} AND "chainIndex" = ${last}`])).toMatchObject({
      ok: false,
    });
  });

  it("links each session's events into its own stripe (concurrent commits need not queue on one head), and all verify", async () => {
    // Sessions hold their transactions open together: with one chain head they would queue at commit.
    const clients = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const c = new pg.Client({ connectionString: env().DATABASE_URL });
        await c.connect();
        return c;
      }),
    );
    try {
      const pids = await Promise.all(
        clients.map(async (c) => (await c.query(`SELECT pg_backend_pid() % 16 + 1 AS stripe`)).rows[0].stripe as number),
      );
      await Promise.all(
        clients.map(async (c, i) => {
          await c.query("BEGIN");
          await c.query(
            `INSERT INTO "AuditEvent" (id, action, "entityType", "entityId", data, "createdAt", "updatedAt") VALUES ($1, 'test.stripe', 'Test', $1, '{}', now(), now())`,
            [`stripe-${i}-${Date.now()}`],
          );
        }),
      );
      await Promise.all(clients.map((c) => c.query("COMMIT")));
      const linked = (
        await client.query(
          `SELECT c.stripe FROM "AuditChain" c JOIN "AuditEvent" e ON e.id = c."eventId" WHERE e.action = 'test.stripe' AND e."entityId" LIKE 'stripe-%' ORDER BY e.seq DESC LIMIT 6`,
        )
      ).rows.map((r) => r.stripe as number);
      expect(linked.sort()).toEqual([...pids].sort());
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
    expect(await verifyAuditChain(query(client))).toMatchObject({ ok: true });
  });

  it("the anchor covers every stripe's head: a change in any one changes it", () => {
    const heads = Array.from({ length: 16 }, (_, i) => ({ stripe: i + 1, links: i, hash: String(i % 10).repeat(64) }));
    const anchor = chainAnchor(heads);
    expect(chainAnchor([...heads].reverse())).toBe(anchor);
    for (const i of [0, 7, 15]) {
      expect(chainAnchor(heads.map((h, j) => (j === i ? { ...h, links: h.links + 1 } : h)))).not.toBe(anchor);
      expect(chainAnchor(heads.map((h, j) => (j === i ? { ...h, hash: "f".repeat(64) } : h)))).not.toBe(anchor);
    }
    expect(chainAnchor(heads.slice(1))).not.toBe(anchor);
  });

  it("refuses ordinary edits of events and links", async () => {
    await expect(db().auditEvent.updateMany({ where: { entityId: "chain-0" }, data: { action: "x" } })).rejects.toThrow();
    const link = await db().auditChain.findFirstOrThrow({ select: { stripe: true, chainIndex: true } });
    await expect(db().auditChain.deleteMany({ where: { stripe: link.stripe, chainIndex: link.chainIndex } })).rejects.toThrow(
      /append-only/,
    );
  });
});
