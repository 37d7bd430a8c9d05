// Retention: a closed case's personal data (rejected, withdrawn or paid) is destroyed automatically once
// the fund's retention period has passed since it closed (Fund.retentionMonths, default 12) — the same
// erasure as the applicant's "delete my data", including its data key (crypto-shredding). Statistics stay.
// Safe on several app nodes at once: each case is taken with FOR UPDATE SKIP LOCKED.
import "server-only";
import { eraseCaseData } from "@/lib/applications/applicant-case-actions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/log";

export const CLOSED = ["REJECTED", "WITHDRAWN", "PAID"] as const;

/** Erases the personal data of up to `limit` cases past their fund's retention period. */
export async function sweepRetention(now = new Date(), limit = 200): Promise<{ erased: number }> {
  const due = await db().$queryRaw<{ id: string }[]>`
    SELECT a.id FROM "Application" a JOIN "Fund" f ON f.id = a."fundId"
    WHERE a."dataDeletedAt" IS NULL AND a.status::text = ANY(${[...CLOSED]})
      AND (SELECT max(c."createdAt") FROM "ApplicationStatusChange" c WHERE c."applicationId" = a.id) < ${now}::timestamp - make_interval(months => f."retentionMonths")
    LIMIT ${limit}`;
  let erased = 0;
  for (const { id } of due) {
    erased += await db().$transaction(async (tx) => {
      const locked = await tx.$queryRaw<
        { id: string }[]
      >`SELECT id FROM "Application" WHERE id = ${id} AND "dataDeletedAt" IS NULL FOR UPDATE SKIP LOCKED`;
      if (locked.length === 0) return 0;
      await eraseCaseData(tx, id);
      await recordAuditEvent(tx, { actorId: null, action: "application.data_expired", entityType: "Application", entityId: id });
      return 1;
    });
  }
  if (erased > 0)
    logger.info({ event: "retention.erased", count: erased }, "personal data of closed cases erased after the retention period");
  return { erased };
}

let timer: NodeJS.Timeout | undefined;
/** Runs the sweep a minute after start and then every hour on this node (started by instrumentation.ts). */
export function startRetentionTimer(): void {
  if (timer) return;
  const run = () =>
    sweepRetention().catch((e) =>
      logger.warn({ event: "retention.failed", err: e instanceof Error ? e.message : String(e) }, "retention sweep failed"),
    );
  setTimeout(run, 60_000).unref();
  timer = setInterval(run, 60 * 60_000);
  timer.unref();
}
