// Publishing the audit chain's anchor (docs/decisions/0052-published-audit-anchor.md): once a day by any
// app node's timer (the first to take the lock publishes; the others see a fresh one and stop) and on an
// admin's demand. Each anchor is a row of AuditAnchor (append-only) with the heads it covers and, when the
// deployment has a signing key (MIRRORS_SIGNING_KEY), its signed block; publishing it is audited.
import "server-only";
import { anchorReference, currentHeads, signedAnchorText } from "@/lib/audit/anchor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { chainAnchor } from "@/lib/audit/verify";
import { assertCan, type Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { deploymentSigningKey } from "@/lib/mirrors/mirrors";

export const ANCHOR_PUBLISHED = "audit.anchor_published";
const DAY_MS = 24 * 60 * 60_000;

export type PublishedAnchor = { id: string; publishedAt: Date; anchor: string; reference: string; signedText: string | null };

/**
 * Publishes the anchor now. `actor` null is the daily timer, which publishes only when the last anchor is
 * a day old or there is none; an admin always publishes.
 */
export async function publishAuditAnchor(actor: Actor | null): Promise<PublishedAnchor | null> {
  if (actor) assertCan(actor, "audit:read:any");
  return db().$transaction(async (tx) => {
    // One publisher at a time across every node: the second waits, then sees the first's anchor.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('padtrymka.audit-anchor'))`;
    const last = await tx.auditAnchor.findFirst({ orderBy: { publishedAt: "desc" }, select: { publishedAt: true } });
    const now = new Date();
    if (!actor && last && now.getTime() - last.publishedAt.getTime() < DAY_MS) return null;
    // Two anchors in the same millisecond would share a time, which is half of what a person keeps.
    const publishedAt = last && last.publishedAt.getTime() >= now.getTime() ? new Date(last.publishedAt.getTime() + 1) : now;
    const heads = await currentHeads((sql, params) => tx.$queryRawUnsafe<Record<string, unknown>[]>(sql, ...params));
    const anchor = chainAnchor(heads);
    const key = deploymentSigningKey();
    const signedText = key ? signedAnchorText(anchor, publishedAt, key) : null;
    const row = await tx.auditAnchor.create({ data: { publishedAt, anchor, heads, signedText }, select: { id: true } });
    await recordAuditEvent(tx, {
      actorId: actor?.userId ?? null,
      action: ANCHOR_PUBLISHED,
      entityType: "AuditAnchor",
      entityId: row.id,
      data: { anchor, signed: Boolean(signedText) },
    });
    return { id: row.id, publishedAt, anchor, reference: anchorReference(anchor, publishedAt), signedText };
  });
}

/** The latest anchors, newest first, for the transparency page (public: hashes and times only). */
export async function latestAuditAnchors(take = 5): Promise<PublishedAnchor[]> {
  const rows = await db().auditAnchor.findMany({
    orderBy: { publishedAt: "desc" },
    take,
    select: { id: true, publishedAt: true, anchor: true, signedText: true },
  });
  return rows.map((r) => ({ ...r, reference: anchorReference(r.anchor, r.publishedAt) }));
}

let timer: NodeJS.Timeout | undefined;
/** Checks every hour on this node whether a day has passed since the last anchor (started by instrumentation.ts). */
export function startAuditAnchorTimer(): void {
  if (timer) return;
  const run = () =>
    publishAuditAnchor(null).then(
      (a) => a && logger.info({ event: "audit.anchor_published", anchor: a.anchor }, "audit anchor published"),
      (e) =>
        logger.warn(
          { event: "audit.anchor_failed", err: e instanceof Error ? e.message : String(e) },
          "publishing the audit anchor failed",
        ),
    );
  setTimeout(run, 90_000).unref();
  timer = setInterval(run, 60 * 60_000);
  timer.unref();
}
