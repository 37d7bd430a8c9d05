// Verifies the audit log's hash chains (docs/decisions/0014-audit-hash-chain.md, striped in 0020)
// independently of the database's own hashing function: every link's hash is recomputed here from the
// event's fields, each link must point at the previous one of its stripe, every event must be linked and
// each stripe's head must be its last link. Names the first broken link. The anchor to write down is one
// hash over all stripe heads. `query` runs SQL on any client (Prisma, pg, or a transaction).
import crypto from "node:crypto";

export type Query = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;
export type ChainReport =
  | { ok: true; links: number; head: string }
  | {
      ok: false;
      links: number;
      stripe: number | null;
      brokenAt: number | null;
      eventId: string | null;
      reason: "hash_mismatch" | "wrong_previous" | "missing_event" | "gap" | "unlinked_event" | "head_mismatch";
    };

export const GENESIS = "0".repeat(64);
const PAGE = 5000;

export function linkHash(
  prev: string,
  e: {
    id: string;
    seq: string;
    actorId: string | null;
    action: string;
    entityType: string;
    entityId: string;
    data: string;
    created: string;
  },
): string {
  return crypto
    .createHash("sha256")
    .update([prev, e.id, e.seq, e.actorId ?? "", e.action, e.entityType, e.entityId, e.data, e.created].join("|"), "utf8")
    .digest("hex");
}

/** One hash over every stripe's head (id, length and last hash): what the admin writes down or publishes. */
export function chainAnchor(heads: { stripe: number; links: bigint | number | string; hash: string }[]): string {
  const lines = [...heads].sort((a, b) => a.stripe - b.stripe).map((h) => `${h.stripe}:${h.links}:${h.hash}`);
  return crypto.createHash("sha256").update(lines.join("\n"), "utf8").digest("hex");
}

export async function verifyAuditChain(query: Query): Promise<ChainReport> {
  const heads = await query(`SELECT id, "chainIndex"::text AS idx, hash FROM "AuditChainHead" ORDER BY id`, []);
  let links = 0;
  for (const head of heads) {
    const stripe = Number(head.id);
    let prevHash = GENESIS;
    let expectedIndex = 1n;
    for (;;) {
      const rows = await query(
        `SELECT c."chainIndex"::text AS idx, c."eventId", c."prevHash", c.hash, e.id, e.seq::text AS seq, e."actorId", e.action, e."entityType", e."entityId",
                e.data::text AS data, to_char(e."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS created
         FROM "AuditChain" c LEFT JOIN "AuditEvent" e ON e.id = c."eventId"
         WHERE c.stripe = $1 AND c."chainIndex" >= $2 AND c."chainIndex" <= $3 ORDER BY c."chainIndex" LIMIT ${PAGE}`,
        // Up to the head read above: links committed since then are checked next time.
        [stripe, expectedIndex.toString(), head.idx],
      );
      for (const r of rows) {
        const idx = BigInt(r.idx as string);
        const broken = (reason: Extract<ChainReport, { ok: false }>["reason"]): ChainReport => ({
          ok: false,
          links,
          stripe,
          brokenAt: Number(idx),
          eventId: r.eventId as string,
          reason,
        });
        if (idx !== expectedIndex) return { ok: false, links, stripe, brokenAt: Number(expectedIndex), eventId: null, reason: "gap" };
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
    if (BigInt(head.idx as string) !== expectedIndex - 1n || head.hash !== prevHash)
      return { ok: false, links, stripe, brokenAt: Number(expectedIndex - 1n), eventId: null, reason: "head_mismatch" };
  }
  // Links in a stripe without a head row would be skipped above: they count as a broken chain too.
  const orphan = await query(
    `SELECT c.stripe, c."eventId" FROM "AuditChain" c LEFT JOIN "AuditChainHead" h ON h.id = c.stripe WHERE h.id IS NULL LIMIT 1`,
    [],
  );
  if (orphan.length > 0)
    return {
      ok: false,
      links,
      stripe: Number(orphan[0]!.stripe),
      brokenAt: null,
      eventId: orphan[0]!.eventId as string,
      reason: "head_mismatch",
    };
  const unlinked = await query(
    `SELECT e.id FROM "AuditEvent" e LEFT JOIN "AuditChain" c ON c."eventId" = e.id WHERE c."eventId" IS NULL ORDER BY e.seq LIMIT 1`,
    [],
  );
  if (unlinked.length > 0)
    return { ok: false, links, stripe: null, brokenAt: null, eventId: unlinked[0]!.id as string, reason: "unlinked_event" };
  return {
    ok: true,
    links,
    head: chainAnchor(heads.map((h) => ({ stripe: Number(h.id), links: h.idx as string, hash: h.hash as string }))),
  };
}
