// CSV export of the review queue as filtered: no personal fields (reviewers never export identities),
// every cell neutralised against formula injection, written by a maintained CSV library, and recorded in
// the audit log with who, when, which filter and how many rows.
import "server-only";
import crypto from "node:crypto";
import { stringify } from "csv-stringify/sync";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, type Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { minorDigits } from "@/lib/money/money";
import { neutraliseCell } from "@/lib/reviews/csv";
import { queueWhere, type QueueFilter } from "@/lib/reviews/queue";

export const EXPORT_LIMIT = 50_000;

export async function exportQueue(actor: Actor, f: QueueFilter): Promise<{ csv: string; rows: number }> {
  assertCan(actor, "review:queue:org");
  const rows = await db().application.findMany({
    where: queueWhere(actor, { ...f, after: undefined }),
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: EXPORT_LIMIT,
    select: {
      referenceCode: true,
      status: true,
      category: true,
      purpose: true,
      region: true,
      requestedAmountMinor: true,
      approvedAmountMinor: true,
      submittedAt: true,
      isDuplicateFlagged: true,
      fund: { select: { name: true, currency: true } },
    },
  });
  const major = (m: number | null, currency: string) =>
    m === null ? "" : (m / 10 ** minorDigits(currency)).toFixed(minorDigits(currency));
  // Every row carries this export's code, recorded with the exporter in the audit log (watermark).
  const exportCode = `EX-${crypto.randomBytes(4).toString("hex").toUpperCase()}`;
  const records = rows.map((r) =>
    [
      r.referenceCode,
      r.fund.name,
      r.status,
      r.category,
      r.purpose,
      r.region,
      major(r.requestedAmountMinor, r.fund.currency),
      major(r.approvedAmountMinor, r.fund.currency),
      r.fund.currency,
      r.submittedAt?.toISOString() ?? "",
      r.isDuplicateFlagged ? "yes" : "",
      exportCode,
    ].map(neutraliseCell),
  );
  const header = [
    "reference",
    "fund",
    "stage",
    "category",
    "purpose",
    "region",
    "requested",
    "approved",
    "currency",
    "submitted_at",
    "possible_duplicate",
    "export_code",
  ];
  const filter = Object.fromEntries(Object.entries(f).filter(([k, v]) => v && k !== "after")) as Record<string, string>;
  await db().$transaction((tx) =>
    recordAuditEvent(tx, {
      actorId: actor.userId,
      action: "queue.exported",
      entityType: "ReviewQueue",
      entityId: actor.userId,
      data: { ...filter, rows: rows.length, exportCode },
    }),
  );
  return { csv: stringify([header, ...records]), rows: rows.length };
}
