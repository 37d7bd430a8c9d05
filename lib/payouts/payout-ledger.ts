// Payouts from approved cases (docs/decisions/0012-ledger-and-payouts.md). Every step is one transaction
// with its ledger entries and audit event, behind the caller's idempotency key. The fund's balance rows
// are locked before money is committed, and the database's CHECK refuses an overspend even so.
// The pieces the payout use cases share: the money transaction, the payout's lock and its ledger writes.
import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { AidPurpose, PayoutMethod, PayoutStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { isOverspendViolation } from "@/lib/money/idempotency";
import { allocate, type Bucket } from "@/lib/money/ledger";
import { leafHash, newSalt, weekStartOf } from "@/lib/money/merkle";
import { minorFromSql } from "@/lib/money/money";
import type { PayoutStepInput } from "@/lib/payouts/schemas";
import { caseFullyPaid, ledgerEntriesFor } from "@/lib/payouts/rules";

export const OUT_STATUSES: PayoutStatus[] = ["SENT", "CONFIRMED", "NOT_RECEIVED", "INVESTIGATING"];

/** Retries a money transaction when the database refuses it for an overspend: it becomes a clear refusal. */
export async function moneyTx<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db().$transaction(work, { timeout: 20_000, maxWait: 20_000 });
  } catch (e) {
    if (isOverspendViolation(e)) throw new AppError("CONFLICT", "fund short", { messageKey: "payouts.fundShortNow" });
    throw e;
  }
}
export type LockedPayout = {
  id: string;
  status: PayoutStatus;
  amountMinor: number;
  attempt: number;
  fundId: string;
  applicationId: string;
  requestedById: string;
  method: PayoutMethod | null;
  currency: string;
  applicantId: string;
  purpose: AidPurpose | null;
  appStatus: string;
  approvedAmountMinor: number | null;
};

/** Locks a payout and its case, only if the case is in `scope` (a condition on its "Application" row `a`). */
export async function lockPayout(tx: Tx, payoutId: string, scope: Prisma.Sql): Promise<LockedPayout> {
  const rows = await tx.$queryRaw<LockedPayout[]>`
    SELECT p.id, p.status::text AS status, p."amountMinor", p.attempt, p."fundId", p."applicationId", p."requestedById", p.method::text AS method,
           f.currency, a."applicantId", a.purpose::text AS purpose, a.status::text AS "appStatus", a."approvedAmountMinor"
    FROM "Payout" p JOIN "Fund" f ON f.id = p."fundId" JOIN "Application" a ON a.id = p."applicationId"
    WHERE p.id = ${payoutId} AND ${scope}
    FOR UPDATE OF p, a`;
  if (!rows[0]) throw new AppError("NOT_FOUND", "payout not found");
  return rows[0];
}

/** The buckets of the payout's commitment, from its ledger entries. */
export async function partsOf(tx: Tx, payoutId: string): Promise<{ bucket: Bucket; amountMinor: number }[]> {
  const entries = await tx.ledgerEntry.findMany({
    where: { payoutId, kind: "COMMITMENT" },
    select: { purpose: true, amountMinor: true },
    orderBy: { createdAt: "asc" },
  });
  return entries.map((e) => ({ bucket: e.purpose, amountMinor: e.amountMinor }));
}

export async function commit(tx: Tx, p: LockedPayout): Promise<{ bucket: Bucket; amountMinor: number }[]> {
  const purpose = p.purpose ?? "OTHER";
  // Lock the two buckets this payout may draw from, in a fixed order, then read what is available.
  const balances = await tx.$queryRaw<{ bucket: string; available: bigint }[]>`
    SELECT bucket, ("receivedMinor" - "committedMinor" - "paidMinor")::bigint AS available
    FROM "FundBalance" WHERE "fundId" = ${p.fundId} AND bucket IN ('ANY', ${purpose})
    ORDER BY bucket FOR UPDATE`;
  const allocation = allocate(new Map(balances.map((b) => [b.bucket, minorFromSql(b.available)])), purpose, p.amountMinor);
  if (!allocation.ok) {
    throw new AppError("CONFLICT", "fund short", {
      fieldErrors: { amount: ["amount_over_limit"] },
      messageKey: "payouts.fundShort",
      messageValues: { amount: { minor: allocation.availableMinor, currency: p.currency } },
    });
  }
  return allocation.parts;
}

export async function writeEntries(tx: Tx, p: LockedPayout, actorId: string, entries: ReturnType<typeof ledgerEntriesFor>) {
  for (const e of entries) {
    await tx.ledgerEntry.create({
      data: {
        fundId: p.fundId,
        kind: e.kind,
        amountMinor: e.amountMinor,
        purpose: e.purpose,
        payoutId: p.id,
        idempotencyKey: e.idempotencyKey,
        createdById: actorId,
      },
    });
  }
}

/** A Merkle leaf for this transfer; the recipient's token is built from it on their page. */
export async function addReceipt(tx: Tx, p: LockedPayout) {
  const weekStart = weekStartOf(new Date());
  const salt = newSalt();
  const leaf = leafHash({ fundId: p.fundId, weekStart, amountMinor: p.amountMinor, currency: p.currency, salt });
  await tx.payoutReceipt.create({
    data: { payoutId: p.id, fundId: p.fundId, weekStart: new Date(`${weekStart}T00:00:00Z`), salt, leafHash: leaf },
  });
}

/** Moves the case to PAID once its transfers cover the approved amount. Returns true if it moved. */
export async function markCasePaidIfCovered(tx: Tx, p: LockedPayout, actorId: string): Promise<boolean> {
  if (p.appStatus !== "APPROVED" || !p.approvedAmountMinor) return false;
  const out = await tx.payout.aggregate({
    where: { applicationId: p.applicationId, status: { in: OUT_STATUSES } },
    _sum: { amountMinor: true },
  });
  if (!caseFullyPaid(p.approvedAmountMinor, out._sum.amountMinor ?? 0)) return false;
  await tx.application.update({ where: { id: p.applicationId }, data: { status: "PAID" } });
  await tx.applicationStatusChange.create({
    data: { applicationId: p.applicationId, fromStatus: "APPROVED", toStatus: "PAID", actorId, reason: "payout sent" },
  });
  return true;
}
/** A step from a page that showed another state or attempt of the payout than the one it has now. */
export const isStale = (input: PayoutStepInput, p: { status: string; attempt: number }) =>
  (input.expectedStatus !== undefined && input.expectedStatus !== p.status) ||
  (input.expectedAttempt !== undefined && Number(input.expectedAttempt) !== p.attempt);
