// The published audit anchor: the daily timer publishes once across nodes, an admin on demand; a kept anchor
// is extended by the chain that grows after it, and any rewrite of the history it covers is detected. Each
// tampering runs in a rolled-back transaction with the append-only triggers disabled, as only a database
// superuser (or someone who seized the server) could.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAnchor, verifySignedAnchor, type AnchorHead } from "@/lib/audit/anchor";
import { ANCHOR_PUBLISHED, latestAuditAnchors, publishAuditAnchor } from "@/lib/audit/publish-anchor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Query } from "@/lib/audit/verify";
import type { Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { actorFor } from "@/lib/testing/actors";
import { makeOrganisation, makeUser, platformOrganisation } from "@/lib/testing/factories";
import { generateSigningKey, signingKeyFrom } from "@/lib/mirrors/signed-list";

// This deployment signs: a key set before env() first reads the environment, below.
// eslint-disable-next-line no-restricted-properties
process.env.MIRRORS_SIGNING_KEY = generateSigningKey();

let client: pg.Client;
let admin: Actor;
let reviewer: Actor;
const query: Query = async (sql, params) => (await client.query(sql, params)).rows;
const event = (i: number) =>
  db().$transaction((tx) =>
    recordAuditEvent(tx, { actorId: null, action: "test.anchor", entityType: "Test", entityId: `anchor-${i}`, data: { i } }),
  );

beforeAll(async () => {
  for (let i = 0; i < 20; i++) await event(i);
  const platform = await platformOrganisation(db());
  admin = await actorFor((await makeUser(db(), { roles: [{ role: "ADMIN", organisationId: platform.id }] })).id);
  reviewer = await actorFor(
    (await makeUser(db(), { roles: [{ role: "REVIEWER", organisationId: (await makeOrganisation(db())).id }] })).id,
  );
  client = new pg.Client({ connectionString: env().DATABASE_URL });
  await client.connect();
});
afterAll(() => client.end());

async function tampered(sql: string[], check: () => ReturnType<typeof checkAnchor>) {
  await client.query("BEGIN");
  try {
    for (const t of ["AuditEvent", "AuditChain", "AuditAnchor"]) await client.query(`ALTER TABLE "${t}" DISABLE TRIGGER USER`);
    for (const s of sql) await client.query(s);
    return await check();
  } finally {
    await client.query("ROLLBACK");
  }
}

describe("the published audit anchor", () => {
  it("is published by one node at a time: a second publisher waits for the lock the first holds", async () => {
    const before = await db().auditAnchor.count();
    // Another node is publishing: it holds the lock.
    await client.query("BEGIN");
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('padtrymka.audit-anchor'))`);
    let settled = false;
    const mine = publishAuditAnchor(admin).finally(() => (settled = true));
    // This node queues behind that lock (were there none, it would publish at once and never wait).
    const waiting = async () =>
      (
        await client.query(
          `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
             AND objid = (hashtext('padtrymka.audit-anchor')::bigint & 4294967295)::oid`,
        )
      ).rows[0].n > 0;
    let sawWaiting = false;
    for (let i = 0; i < 500 && !settled && !sawWaiting; i++) {
      sawWaiting = await waiting();
      if (!sawWaiting) await new Promise((r) => setTimeout(r, 10));
    }
    expect(sawWaiting).toBe(true);
    expect(await db().auditAnchor.count()).toBe(before);
    await client.query("COMMIT");
    expect(await mine).not.toBeNull();
    expect(await db().auditAnchor.count()).toBe(before + 1);
  });

  it("is published by the daily timer only when the last anchor is a day old", async () => {
    const before = await db().auditAnchor.count();
    await publishAuditAnchor(admin);
    expect(await publishAuditAnchor(null)).toBeNull();
    expect(await db().auditAnchor.count()).toBe(before + 1);
  });

  it("is published by an admin on demand, audited, and listed newest first; nobody else may", async () => {
    const published = (await publishAuditAnchor(admin))!;
    expect(published.reference).toBe(`${published.anchor}@${published.publishedAt.toISOString()}`);
    expect((await latestAuditAnchors())[0]).toMatchObject({ id: published.id, anchor: published.anchor });
    expect(await db().auditEvent.count({ where: { action: ANCHOR_PUBLISHED, actorId: admin.userId, entityId: published.id } })).toBe(1);
    const count = await db().auditAnchor.count({ where: { publishedAt: { lte: published.publishedAt } } });
    await expect(publishAuditAnchor(reviewer)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db().auditAnchor.count({ where: { publishedAt: { lte: published.publishedAt } } })).toBe(count);
    expect(await db().auditEvent.count({ where: { action: ANCHOR_PUBLISHED, actorId: reviewer.userId } })).toBe(0);
  });

  it("is signed with the deployment's key", async () => {
    const [latest] = await latestAuditAnchors(1);
    expect(verifySignedAnchor(latest!.signedText!)).toEqual({
      anchor: latest!.anchor,
      time: latest!.publishedAt,
      publicKey: signingKeyFrom(env().MIRRORS_SIGNING_KEY!).publicKey,
    });
  });

  it("is extended by the chain as it grows after it", async () => {
    const { anchor, publishedAt } = (await publishAuditAnchor(admin))!;
    for (let i = 20; i < 30; i++) await event(i);
    const r = await checkAnchor(query, anchor, publishedAt);
    expect(r).toMatchObject({ ok: true });
    expect(r.ok && r.anchorNow).not.toBe(anchor);
  });

  it("detects an edited, deleted or re-chained event before it, rewritten heads, and a removed or misquoted anchor", async () => {
    const { anchor, publishedAt, id } = (await publishAuditAnchor(admin))!;
    const heads = (await db().auditAnchor.findUniqueOrThrow({ where: { id } })).heads as AnchorHead[];
    const h = heads.find((x) => x.links !== "0")!;
    const check = () => checkAnchor(query, anchor, publishedAt);
    expect(await check()).toMatchObject({ ok: true });
    // An edited event: its link's stored hash no longer matches.
    expect(await tampered([`UPDATE "AuditEvent" SET data = '{"i": 99}' WHERE "entityId" = 'anchor-3'`], check)).toMatchObject({
      ok: false,
    });
    expect(await tampered([`DELETE FROM "AuditEvent" WHERE "entityId" = 'anchor-4'`], check)).toMatchObject({ ok: false });
    // The head link rewritten (as a re-chained history would be): it no longer carries the anchor's hash.
    expect(
      await tampered(
        [`UPDATE "AuditChain" SET hash = '${"f".repeat(64)}' WHERE stripe = ${h.stripe} AND "chainIndex" = ${h.links}`],
        check,
      ),
    ).toMatchObject({ ok: false, reason: "history_changed", stripe: h.stripe });
    // The stored heads rewritten to fit a new history: they no longer hash to the kept anchor.
    expect(await tampered([`UPDATE "AuditAnchor" SET heads = '[]' WHERE id = '${id}'`], check)).toMatchObject({
      ok: false,
      reason: "history_changed",
    });
    expect(await tampered([`DELETE FROM "AuditAnchor" WHERE id = '${id}'`], check)).toMatchObject({ ok: false, reason: "unknown_anchor" });
    expect(await checkAnchor(query, anchor, new Date(publishedAt.getTime() + 1))).toMatchObject({ ok: false, reason: "unknown_anchor" });
    expect(await checkAnchor(query, "0".repeat(64), publishedAt)).toMatchObject({ ok: false, reason: "unknown_anchor" });
  });

  it("cannot be edited or removed", async () => {
    await expect(db().auditAnchor.updateMany({ data: { anchor: "0".repeat(64) } })).rejects.toThrow(/append-only/);
    await expect(db().auditAnchor.deleteMany({})).rejects.toThrow(/append-only/);
  });
});
