// Verifies the audit log's hash chain (docs/decisions/0014-audit-hash-chain.md) independently of the
// database's own hashing function: every link's hash is recomputed here from the event's fields, each
// link must point at the previous one, every event must be linked and the head must be the last link.
// Names the first broken link. `query` runs SQL on any client (Prisma, pg, or a transaction).
import crypto from "node:crypto";

export type Query = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;
export type ChainReport =
  | { ok: true; links: number; head: string }
  | { ok: false; links: number; brokenAt: number | null; eventId: string | null; reason: "hash_mismatch" | "wrong_previous" | "missing_event" | "gap" | "unlinked_event" | "head_mismatch" };

export const GENESIS = "0".repeat(64);
const PAGE = 5000;

export function linkHash(prev: string, e: { id: string; seq: string; actorId: string | null; action: string; entityType: string; entityId: string; data: string; created: string }): string {
  return crypto.createHash("sha256").update([prev, e.id, e.seq, e.actorId ?? "", e.action, e.entityType, e.entityId, e.data, e.created].join("|"), "utf8").digest("hex");
}

export async function verifyAuditChain(query: Query): Promise<ChainReport> {
  let prevHash = GENESIS;
  let expectedIndex = 1n;
  let links = 0;
  for (;;) {
    const rows = await query(
      `SELECT c."chainIndex"::text AS idx, c."eventId", c."prevHash", c.hash, e.id, e.seq::text AS seq, e."actorId", e.action, e."entityType", e."entityId",
              e.data::text AS data, to_char(e."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS created
       FROM "AuditChain" c LEFT JOIN "AuditEvent" e ON e.id = c."eventId"
       WHERE c."chainIndex" >= $1 ORDER BY c."chainIndex" LIMIT ${PAGE}`,
      [expectedIndex.toString()],
    );
    for (const r of rows) {
      const idx = BigInt(r.idx as string);
      const broken = (reason: Extract<ChainReport, { ok: false }>["reason"]): ChainReport => ({ ok: false, links, brokenAt: Number(idx), eventId: r.eventId as string, reason });
      if (idx !== expectedIndex) return { ok: false, links, brokenAt: Number(expectedIndex), eventId: null, reason: "gap" };
      if (r.prevHash !== prevHash) return broken("wrong_previous");
      if (!r.id) return broken("missing_event");
      const h = linkHash(prevHash, r as never);
      if (h !== r.hash) return broken("hash_mismatch");
      prevHash = h;
      expectedIndex++;
      links++;
    }
    if (rows.length < PAGE) break;
  }
  const unlinked = await query(`SELECT e.id FROM "AuditEvent" e LEFT JOIN "AuditChain" c ON c."eventId" = e.id WHERE c."eventId" IS NULL ORDER BY e.seq LIMIT 1`, []);
  if (unlinked.length > 0) return { ok: false, links, brokenAt: null, eventId: unlinked[0]!.id as string, reason: "unlinked_event" };
  const head = await query(`SELECT "chainIndex"::text AS idx, hash FROM "AuditChainHead" WHERE id = 1`, []);
  if (!head[0] || BigInt(head[0].idx as string) !== BigInt(links) || head[0].hash !== prevHash) return { ok: false, links, brokenAt: links, eventId: null, reason: "head_mismatch" };
  return { ok: true, links, head: prevHash };
}
