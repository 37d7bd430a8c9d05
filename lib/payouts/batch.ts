// Batch work for fund managers: a CSV of approved bank-transfer payouts to hand to the bank, and a
// reconciliation import (the bank's list of what it sent) that marks payouts sent. CSV is written and
// parsed by maintained libraries; cells are neutralised against formula injection; bad rows import
// nothing and are reported with their line numbers.
import "server-only";
import crypto from "node:crypto";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, orgsWithRole, type Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { minorDigits, parseMoneyInput } from "@/lib/money/money";
import { payoutDetails } from "@/lib/payouts/payout-details";
import { payoutStep } from "@/lib/payouts/payout-step";
import { loadCaseKeys } from "@/lib/crypto/case-keys";
import { neutraliseCell } from "@/lib/reviews/csv";

export const BATCH_HEADER = ["payout_reference", "fund", "amount", "currency", "tranche", "beneficiary_account", "export_code"] as const;
export const RECONCILE_HEADER = ["payout_reference", "amount", "currency"] as const;
export const MAX_IMPORT_BYTES = 1_000_000;

const major = (m: number, currency: string) => (m / 10 ** minorDigits(currency)).toFixed(minorDigits(currency));

/** Approved bank transfers of the manager's funds, with decrypted account details; recorded with an export code. */
export async function exportPayoutBatch(actor: Actor): Promise<{ csv: string; rows: number; exportCode: string }> {
  assertCan(actor, "payout:release:org");
  const payouts = await db().payout.findMany({
    where: { status: "APPROVED", method: "BANK_TRANSFER", fund: { organisationId: { in: orgsWithRole(actor, "FUND_MANAGER") } } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      applicationId: true,
      reference: true,
      amountMinor: true,
      tranche: true,
      detailsEnc: true,
      fund: { select: { name: true, currency: true } },
    },
  });
  await loadCaseKeys(
    db(),
    payouts.map((p) => p.applicationId),
  );
  // The export code ties every copy of this file to who exported it, in the audit log.
  const exportCode = `EX-${crypto.randomBytes(4).toString("hex").toUpperCase()}`;
  const records = payouts.map((p) =>
    [
      p.reference,
      p.fund.name,
      major(p.amountMinor, p.fund.currency),
      p.fund.currency,
      p.tranche,
      payoutDetails(p.id, p.detailsEnc),
      exportCode,
    ].map(neutraliseCell),
  );
  await db().$transaction((tx) =>
    recordAuditEvent(tx, {
      actorId: actor.userId,
      action: "payout.batch_exported",
      entityType: "PayoutBatch",
      entityId: exportCode,
      data: { rows: payouts.length, payoutIds: payouts.map((p) => p.id) },
    }),
  );
  return { csv: stringify([[...BATCH_HEADER], ...records]), rows: payouts.length, exportCode };
}

export type ImportProblem = {
  line: number;
  reference: string;
  problem:
    | "unknown_reference"
    | "not_approved"
    | "already_sent"
    | "amount_mismatch"
    | "currency_mismatch"
    | "duplicate_row"
    | "bad_row"
    | "failed";
  detail?: string;
};
export type ImportReport = { sent: string[]; problems: ImportProblem[] };

/** Marks payouts sent from the bank's CSV. Each good row is its own transaction (through the send step). */
export async function importReconciliation(actor: Actor, csvText: string, idempotencyKey: string): Promise<ImportReport> {
  assertCan(actor, "payout:release:org");
  if (Buffer.byteLength(csvText) > MAX_IMPORT_BYTES)
    throw new AppError("INVALID_INPUT", "file too big", { fieldErrors: { file: ["csv_too_big"] } });
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parse(csvText, {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      bom: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      relax_column_count: true,
    });
  } catch (e) {
    throw new AppError("INVALID_INPUT", "unreadable csv", {
      fieldErrors: { file: ["csv_unreadable"] },
      messageKey: "payouts.csvUnreadable",
      messageValues: { detail: e instanceof Error ? e.message.slice(0, 120) : "" },
    });
  }
  const header = rows[0] ? Object.keys(rows[0].record) : [];
  const missing = RECONCILE_HEADER.filter((h) => !header.includes(h));
  if (rows.length > 0 && missing.length > 0)
    throw new AppError("INVALID_INPUT", "header", {
      fieldErrors: { file: ["csv_header"] },
      messageKey: "payouts.csvHeader",
      messageValues: { columns: RECONCILE_HEADER.join(", ") },
    });

  const orgs = orgsWithRole(actor, "FUND_MANAGER");
  const refs = [...new Set(rows.map((r) => (r.record.payout_reference ?? "").toUpperCase()).filter(Boolean))];
  const payouts = await db().payout.findMany({
    where: { reference: { in: refs }, fund: { organisationId: { in: orgs } } },
    select: { id: true, reference: true, status: true, amountMinor: true, fund: { select: { currency: true } } },
  });
  const byRef = new Map(payouts.map((p) => [p.reference, p]));
  const seen = new Set<string>();
  const report: ImportReport = { sent: [], problems: [] };
  for (const { record, info } of rows) {
    const line = info.lines;
    const reference = (record.payout_reference ?? "").toUpperCase();
    const problem = (p: ImportProblem["problem"], detail?: string) =>
      report.problems.push({ line, reference, problem: p, ...(detail ? { detail } : {}) });
    if (!reference || !record.amount || !record.currency) {
      problem("bad_row");
      continue;
    }
    if (seen.has(reference)) {
      problem("duplicate_row");
      continue;
    }
    const p = byRef.get(reference);
    if (!p) {
      problem("unknown_reference");
      continue;
    }
    if (p.status === "SENT" || p.status === "CONFIRMED") {
      problem("already_sent");
      continue;
    }
    if (p.status !== "APPROVED") {
      problem("not_approved", p.status);
      continue;
    }
    if (record.currency.toUpperCase() !== p.fund.currency) {
      problem("currency_mismatch", p.fund.currency);
      continue;
    }
    if (parseMoneyInput(record.amount, p.fund.currency) !== p.amountMinor) {
      problem("amount_mismatch", major(p.amountMinor, p.fund.currency));
      continue;
    }
    seen.add(reference);
    try {
      await payoutStep(actor, {
        payoutId: p.id,
        action: "send",
        method: "BANK_TRANSFER",
        reason: "",
        idempotencyKey: `${idempotencyKey}:${reference}`,
      });
      report.sent.push(reference);
    } catch (e) {
      problem("failed", e instanceof AppError ? e.code : "INTERNAL");
    }
  }
  return report;
}
