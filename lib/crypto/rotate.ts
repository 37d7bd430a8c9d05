// Master key rotation without downtime (docs/decisions/0017-case-data-keys.md). With ENCRYPTION_KEYS =
// "<new>,<old>" deployed on every node (new values already use <new>), this re-wraps every case data key
// under <new> — the case data itself is not touched — and re-encrypts the few values encrypted directly
// under a master key (older data, two-factor secrets, contact handles). Batched, each row a conditional
// update, safe to re-run and to run while the app serves. Afterwards <old> can be removed.
import { decryptBytes, decryptField, encryptBytes, encryptField, keyIdOf, type Keyring } from "@/lib/crypto/field-encryption";
import type { PrismaClient } from "@/lib/db/generated/client";

const BATCH = 500;
const wrapContext = (id: string) => `DataKey:${id}`;

/** Text columns that may hold values encrypted directly under a master key, with their AAD context. */
const TEXT_COLUMNS: { table: string; column: string; id: string; context: (id: string) => string }[] = [
  ...["statement", "legalName", "phone", "city", "birthDate"].map((f) => ({
    table: "Application",
    column: `${f}Enc`,
    id: "id",
    context: (id: string) => `Application.${f}:${id}`,
  })),
  { table: "ApplicationMessage", column: "bodyEnc", id: "id", context: (id) => `ApplicationMessage.body:${id}` },
  { table: "EvidenceFile", column: "fileNameEnc", id: "id", context: (id) => `EvidenceFile.fileName:${id}` },
  { table: "Payout", column: "detailsEnc", id: "id", context: (id) => `Payout.details:${id}` },
  { table: "User", column: "totpSecretEnc", id: "id", context: (id) => `User.totpSecret:${id}` },
  { table: "ApplicantProfile", column: "contactHandleEnc", id: "userId", context: (id) => `ApplicantProfile.contactHandle:${id}` },
  { table: "ApplicantProfile", column: "experienceEnc", id: "userId", context: (id) => `ApplicantProfile.experience:${id}` },
];

export type RotationReport = { dataKeysRewrapped: number; valuesReencrypted: number; filesReencrypted: number; stillUnderOldKeys: number };

export async function rotateMasterKey(db: PrismaClient, ring: Keyring): Promise<RotationReport> {
  const report: RotationReport = { dataKeysRewrapped: 0, valuesReencrypted: 0, filesReencrypted: 0, stillUnderOldKeys: 0 };
  const old = [...ring.keys.keys()].filter((k) => k !== ring.current);
  // 1. Data keys: unwrap with the old master key, wrap with the new one.
  for (;;) {
    const rows = await db.$queryRaw<{ id: string; wrappedKey: string; masterKeyId: string }[]>`
      SELECT id, "wrappedKey", "masterKeyId" FROM "DataKey" WHERE "wrappedKey" IS NOT NULL AND "masterKeyId" <> ${ring.current} AND "masterKeyId" <> 'locked' LIMIT ${BATCH}`;
    if (rows.length === 0) break;
    for (const r of rows) {
      const key = decryptBytes(ring, Buffer.from(r.wrappedKey, "base64"), wrapContext(r.id));
      const wrapped = encryptBytes(ring, key, wrapContext(r.id)).toString("base64");
      report.dataKeysRewrapped +=
        await db.$executeRaw`UPDATE "DataKey" SET "wrappedKey" = ${wrapped}, "masterKeyId" = ${ring.current}, "updatedAt" = now() WHERE id = ${r.id} AND "masterKeyId" = ${r.masterKeyId}`;
    }
  }
  if (old.length === 0) return report;
  // 2. Values encrypted directly under an old master key.
  for (const c of TEXT_COLUMNS) {
    for (const keyId of old) {
      for (;;) {
        const rows = (await db.$queryRawUnsafe(
          `SELECT "${c.id}" AS id, "${c.column}" AS value FROM "${c.table}" WHERE "${c.column}" LIKE $1 LIMIT ${BATCH}`,
          `pv1.${keyId}.%`,
        )) as { id: string; value: string }[];
        if (rows.length === 0) break;
        for (const r of rows) {
          const fresh = encryptField(ring, decryptField(ring, r.value, c.context(r.id)), c.context(r.id));
          report.valuesReencrypted += (await db.$executeRawUnsafe(
            `UPDATE "${c.table}" SET "${c.column}" = $1 WHERE "${c.id}" = $2 AND "${c.column}" = $3`,
            fresh,
            r.id,
            r.value,
          )) as number;
        }
      }
    }
  }
  // Evidence contents (binary): [version][keyId length][keyId]... — the key id sits at byte 2.
  for (const keyId of old) {
    for (;;) {
      const rows = await db.$queryRaw<{ id: string; contentEnc: Uint8Array }[]>`
        SELECT id, "contentEnc" FROM "EvidenceFile" WHERE substring("contentEnc" from 3 for ${Buffer.byteLength(keyId)}) = ${Buffer.from(keyId)} AND get_byte("contentEnc", 1) = ${Buffer.byteLength(keyId)} LIMIT ${BATCH}`;
      if (rows.length === 0) break;
      for (const r of rows) {
        const ctx = `EvidenceFile.content:${r.id}`;
        const fresh = encryptBytes(ring, decryptBytes(ring, r.contentEnc, ctx), ctx);
        report.filesReencrypted +=
          await db.$executeRaw`UPDATE "EvidenceFile" SET "contentEnc" = ${new Uint8Array(fresh)} WHERE id = ${r.id}`;
      }
    }
  }
  for (const c of TEXT_COLUMNS) {
    for (const keyId of old) {
      const [row] = (await db.$queryRawUnsafe(
        `SELECT count(*)::int AS n FROM "${c.table}" WHERE "${c.column}" LIKE $1`,
        `pv1.${keyId}.%`,
      )) as { n: number }[];
      report.stillUnderOldKeys += row?.n ?? 0;
    }
  }
  return report;
}

export { keyIdOf };
