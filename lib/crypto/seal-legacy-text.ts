// Staff texts written before they were sealed (docs/decisions/0045-staff-text-under-the-case-key.md) are
// sealed in place, in batches, by every node once after it starts: safe on several nodes at once (each
// update applies only if the text is still the plaintext it read). Not while the deployment is locked.
// Audit events written before keep their reason text: the log is append-only and hash-chained.
import "server-only";
import { loadCaseKeys, lockedFlag } from "@/lib/crypto/case-keys";
import { sealLoadedCaseText } from "@/lib/crypto/case-text";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/log";

const BATCH = 200;
// Table, text column, and how to find the row's case. Identifiers are constants, never input.
const COLUMNS = [
  { table: "Review", column: "reason", caseOf: `"applicationId"` },
  { table: "Review", column: "overruleReason", caseOf: `"applicationId"` },
  { table: "ApplicationStatusChange", column: "reason", caseOf: `"applicationId"` },
  { table: "RevealRequest", column: "reason", caseOf: `"applicationId"` },
  { table: "Payout", column: "cancelReason", caseOf: `"applicationId"` },
] as const;

export async function sealLegacyCaseTexts(): Promise<number> {
  let sealed = 0;
  for (const c of COLUMNS) {
    for (;;) {
      if (lockedFlag.value) return sealed;
      const rows = await db().$queryRawUnsafe<{ id: string; applicationId: string; text: string }[]>(
        `SELECT id, ${c.caseOf} AS "applicationId", "${c.column}" AS text FROM "${c.table}" WHERE "${c.column}" IS NOT NULL AND "${c.column}" <> '' AND "${c.column}" NOT LIKE 'pv1.%' LIMIT ${BATCH}`,
      );
      if (rows.length === 0) break;
      await loadCaseKeys(db(), [...new Set(rows.map((r) => r.applicationId))], { create: true });
      let progressed = 0;
      for (const r of rows) {
        // A case whose data was deleted keeps no text about the person.
        const value = sealLoadedCaseText(r.applicationId, r.text);
        progressed += await db().$executeRawUnsafe(
          `UPDATE "${c.table}" SET "${c.column}" = $1 WHERE id = $2 AND "${c.column}" = $3`,
          value,
          r.id,
          r.text,
        );
      }
      sealed += progressed;
      if (progressed === 0) break;
    }
  }
  if (sealed > 0) logger.info({ event: "case_text.legacy_sealed", sealed }, "staff texts sealed under their case keys");
  return sealed;
}
