// Every money mutation runs inside `once`: the caller's idempotency key is claimed first in the same
// transaction; a retry (or a concurrent duplicate, which waits on the key's primary key until the first
// commits) gets the first result back instead of doing the work again (docs/decisions/0012-ledger-and-payouts.md).
import "server-only";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export async function once<T>(tx: Tx, actorId: string, key: string, operation: string, work: () => Promise<T>): Promise<T> {
  const claimed = await tx.$executeRaw`
    INSERT INTO "IdempotencyRecord" ("actorId", "key", "operation", "resultJson", "createdAt", "updatedAt")
    VALUES (${actorId}, ${key}, ${operation}, '', now(), now())
    ON CONFLICT ("actorId", "key") DO NOTHING`;
  if (claimed === 0) {
    const first = await tx.idempotencyRecord.findUniqueOrThrow({ where: { actorId_key: { actorId, key } } });
    if (first.operation !== operation) throw new AppError("CONFLICT", "idempotency key reused for another operation");
    return JSON.parse(first.resultJson) as T;
  }
  const result = await work();
  await tx.idempotencyRecord.update({ where: { actorId_key: { actorId, key } }, data: { resultJson: JSON.stringify(result ?? null) } });
  return result;
}

/** True when a database error is the ledger's overspending CHECK (the last line of defence). */
export function isOverspendViolation(e: unknown): boolean {
  const text = e instanceof Error ? `${e.message} ${JSON.stringify((e as { meta?: unknown }).meta ?? {})}` : String(e);
  return text.includes("FundBalance_not_overspent") || text.includes("FundBalance_non_negative");
}
