import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { exportPayoutBatch, importReconciliation } from "@/lib/payouts/batch";
import { payoutStep } from "@/lib/payouts/payout-step";
import { requestPayout } from "@/lib/payouts/request-payout";
import { approvedCase, key, moneyWorld, receive } from "@/lib/testing/money";

describe("bank batch and reconciliation", () => {
  it("exports approved bank transfers (neutralised, with an export code) and imports the bank's list, reporting bad rows by line", async () => {
    const w = await moneyWorld();
    await receive(w, "10000");
    const made = [];
    for (const [amount, details] of [
      ["100", '=HYPERLINK("http://x")'],
      ["200", "BY11 AAAA 0000 1111"],
      ["300", "BY22 BBBB 0000 2222"],
    ] as const) {
      const c = await approvedCase(w, amount);
      const p = await requestPayout(w.fm1, {
        applicationId: c.applicationId,
        amount,
        method: "BANK_TRANSFER",
        details,
        idempotencyKey: key(),
      });
      await payoutStep(w.fm2, { payoutId: p.payoutId, action: "approve", method: "", reason: "", idempotencyKey: key() });
      made.push(p);
    }
    const other = await moneyWorld();
    const batch = await exportPayoutBatch(other.fm1);
    expect(batch.rows).toBe(0);
    const { csv, rows, exportCode } = await exportPayoutBatch(w.fm1);
    expect(rows).toBe(3);
    const records = parse(csv, { columns: true }) as Record<string, string>[];
    expect(records.map((r) => r.payout_reference)).toEqual(made.map((m) => m.reference));
    expect(records[0]!.beneficiary_account).toBe('\'=HYPERLINK("http://x")');
    expect(records[1]!.amount).toBe("200.00");
    expect(records.every((r) => r.export_code === exportCode)).toBe(true);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: exportCode } });
    expect(audit.actorId).toBe(w.fm1.userId);

    const [a, b, c] = made;
    const bankCsv = [
      "payout_reference,amount,currency",
      `${a!.reference},100.00,USD`,
      `${b!.reference},250.00,USD`,
      `PO-ZZZZ-ZZZZ,10,USD`,
      `${c!.reference},300,EUR`,
      `${a!.reference},100.00,USD`,
      `,5,USD`,
      `${c!.reference.toLowerCase()},300,usd`,
    ].join("\n");
    const report = await importReconciliation(w.fm2, bankCsv, key());
    expect(report.sent).toEqual([a!.reference, c!.reference]);
    expect(report.problems).toEqual([
      { line: 3, reference: b!.reference, problem: "amount_mismatch", detail: "200.00" },
      { line: 4, reference: "PO-ZZZZ-ZZZZ", problem: "unknown_reference" },
      { line: 5, reference: c!.reference, problem: "currency_mismatch", detail: "USD" },
      { line: 6, reference: a!.reference, problem: "duplicate_row" },
      { line: 7, reference: "", problem: "bad_row" },
    ]);
    expect((await db().payout.findUniqueOrThrow({ where: { id: b!.payoutId } })).status).toBe("APPROVED");
    expect((await db().payout.findUniqueOrThrow({ where: { id: a!.payoutId } })).status).toBe("SENT");
    // Importing the same file again sends nothing twice.
    const again = await importReconciliation(w.fm2, bankCsv, key());
    expect(again.sent).toEqual([]);
    expect(again.problems.filter((p) => p.problem === "already_sent").map((p) => p.line)).toEqual([2, 5, 6, 8]);
  });

  it("refuses a file without the expected columns or that is not CSV", async () => {
    const w = await moneyWorld();
    await expect(importReconciliation(w.fm1, "ref;sum\nPO-1;2", key())).rejects.toMatchObject({ messageKey: "payouts.csvHeader" });
    await expect(importReconciliation(w.fm1, 'payout_reference,amount,currency\n"unterminated,1,USD', key())).rejects.toMatchObject({
      messageKey: "payouts.csvUnreadable",
    });
  });
});
