// Pledges and receipts. A fund manager records pledges for their organisation's funds; a signed-in donor
// records their own pledge to an open fund. Receipts (fund managers only) put money into the ledger,
// in the pledge's purpose bucket; the pledge's status follows what was received. A receipt above the
// fund's threshold waits for a second fund manager's confirmation before it counts (ADR 0028): nobody puts
// "received" money on the transparency page alone.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, orgsWithRole, rolesOf, type Actor } from "@/lib/authz/actor";
import { db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { PledgeInput, ReceiptInput } from "@/lib/funds/schemas";
import { once } from "@/lib/money/idempotency";
import { pledgeStatus } from "@/lib/money/ledger";
import { parseMoneyInput } from "@/lib/money/money";
import { RECEIPT_WINDOW_DAYS, receiptNeedsConfirmation } from "@/lib/funds/rules";

function amountIn(typed: string, typedCurrency: string, currency: string): number {
  if (typedCurrency !== currency)
    throw new AppError("INVALID_INPUT", "wrong currency", {
      fieldErrors: { currency: ["wrong_currency"] },
      messageKey: "money.wrongCurrency",
      messageValues: { currency },
    });
  const minor = parseMoneyInput(typed, currency);
  if (!minor) throw new AppError("INVALID_INPUT", "amount", { fieldErrors: { amount: ["amount_format"] } });
  return minor;
}

export async function recordPledge(actor: Actor, input: PledgeInput): Promise<{ pledgeId: string }> {
  const managerOrgs = rolesOf(actor).has("FUND_MANAGER") ? orgsWithRole(actor, "FUND_MANAGER") : [];
  const asDonor = rolesOf(actor).has("DONOR");
  if (managerOrgs.length === 0) assertCan(actor, "pledge:create:own");
  return db().$transaction((tx) =>
    once(tx, actor.userId, input.idempotencyKey, "pledge.record", async () => {
      const fund = await tx.fund.findUnique({
        where: { id: input.fundId },
        select: { id: true, currency: true, status: true, organisationId: true },
      });
      const managed = !!fund && managerOrgs.includes(fund.organisationId);
      // A donor pledges to open funds; a fund manager to their own funds. Anything else is "not found".
      if (!fund || (!managed && !(asDonor && fund.status === "OPEN"))) throw new AppError("NOT_FOUND", "fund not found");
      const amountMinor = amountIn(input.amount, input.currency, fund.currency);
      if (!managed && !input.donorName && !input.anonymous)
        throw new AppError("INVALID_INPUT", "donor name", { fieldErrors: { donorName: ["required"] } });
      if (managed && !input.donorName) throw new AppError("INVALID_INPUT", "donor name", { fieldErrors: { donorName: ["required"] } });
      const dueDate = input.dueDate ? new Date(`${input.dueDate}T00:00:00Z`) : null;
      const pledge = await tx.pledge.create({
        data: {
          fundId: fund.id,
          donorUserId: managed ? null : actor.userId,
          donorDisplayName: input.donorName || "—",
          isAnonymous: input.anonymous,
          amountMinor,
          purposeRestriction: input.purposeRestriction || null,
          dueDate,
        },
        select: { id: true },
      });
      await recordAuditEvent(tx, {
        actorId: actor.userId,
        action: "pledge.recorded",
        entityType: "Pledge",
        entityId: pledge.id,
        data: { fundId: fund.id, amountMinor, purpose: input.purposeRestriction || null, byDonor: !managed },
      });
      return { pledgeId: pledge.id };
    }),
  );
}

export async function lockManagedPledge(tx: Tx, actor: Actor, pledgeId: string) {
  const rows = await tx.$queryRaw<
    {
      id: string;
      fundId: string;
      amountMinor: number;
      status: string;
      purposeRestriction: string | null;
      currency: string;
      threshold: number;
    }[]
  >`
    SELECT p.id, p."fundId", p."amountMinor", p.status::text AS status, p."purposeRestriction"::text AS "purposeRestriction", f.currency,
           f."receiptConfirmationAboveMinor" AS threshold
    FROM "Pledge" p JOIN "Fund" f ON f.id = p."fundId"
    WHERE p.id = ${pledgeId} AND f."organisationId" = ANY(${orgsWithRole(actor, "FUND_MANAGER")})
    FOR UPDATE OF p`;
  if (!rows[0]) throw new AppError("NOT_FOUND", "pledge not found");
  const received = await tx.ledgerEntry.aggregate({ where: { pledgeId, kind: "RECEIPT" }, _sum: { amountMinor: true } });
  // Receipts waiting for a second fund manager count against what is outstanding, so two of them can never
  // add up to more than the pledge.
  const waiting = await tx.confirmationRequest.aggregate({
    where: { pledgeId, kind: "RECEIPT", status: "PENDING" },
    _sum: { amountMinor: true },
  });
  return { ...rows[0], receivedMinor: received._sum.amountMinor ?? 0, waitingMinor: waiting._sum.amountMinor ?? 0 };
}

/** Puts a receipt into the ledger and moves the pledge's status (after a confirmation, or below the threshold). */
export async function bookReceipt(
  tx: Tx,
  p: { id: string; fundId: string; amountMinor: number; receivedMinor: number; purposeRestriction: string | null },
  amountMinor: number,
  actorId: string,
  idempotencyKey: string,
  extra: Record<string, string> = {},
) {
  const entry = await tx.ledgerEntry.create({
    data: {
      fundId: p.fundId,
      kind: "RECEIPT",
      amountMinor,
      purpose: (p.purposeRestriction as never) ?? null,
      pledgeId: p.id,
      createdById: actorId,
      idempotencyKey,
    },
    select: { id: true },
  });
  const status = pledgeStatus(p.amountMinor, p.receivedMinor + amountMinor);
  await tx.pledge.update({ where: { id: p.id }, data: { status } });
  await recordAuditEvent(tx, {
    actorId,
    action: "pledge.received",
    entityType: "Pledge",
    entityId: p.id,
    data: { fundId: p.fundId, amountMinor, ledgerEntryId: entry.id, status, ...extra },
  });
  return status;
}

export async function recordReceipt(actor: Actor, input: ReceiptInput): Promise<{ pledgeId: string; status: string }> {
  assertCan(actor, "pledge:record:org");
  return db().$transaction((tx) =>
    once(tx, actor.userId, input.idempotencyKey, "pledge.receipt", async () => {
      const p = await lockManagedPledge(tx, actor, input.pledgeId);
      if (p.status === "LAPSED") throw new AppError("INVALID_STATE", "pledge lapsed", { messageKey: "money.pledgeIsLapsed" });
      const amountMinor = amountIn(input.amount, input.currency, p.currency);
      const outstanding = p.amountMinor - p.receivedMinor - p.waitingMinor;
      if (amountMinor > outstanding) {
        throw new AppError("INVALID_INPUT", "over outstanding", {
          fieldErrors: { amount: ["amount_over_limit"] },
          messageKey: "money.overOutstanding",
          messageValues: { amount: { minor: outstanding, currency: p.currency } },
        });
      }
      // The fund's row is locked so that two receipts at once cannot both pass under the threshold; what the
      // fund booked without a second person recently counts with this one (ledger keys tell them apart).
      await tx.$queryRaw`SELECT id FROM "Fund" WHERE id = ${p.fundId} FOR UPDATE`;
      const alone = await tx.ledgerEntry.aggregate({
        where: {
          fundId: p.fundId,
          kind: "RECEIPT",
          createdAt: { gt: new Date(Date.now() - RECEIPT_WINDOW_DAYS * 86_400_000) },
          NOT: { idempotencyKey: { startsWith: "receipt:confirmation:" } },
        },
        _sum: { amountMinor: true },
      });
      if (receiptNeedsConfirmation(amountMinor, p.threshold, alone._sum.amountMinor ?? 0)) {
        const r = await tx.confirmationRequest.create({
          data: { fundId: p.fundId, kind: "RECEIPT", pledgeId: p.id, amountMinor, requestedById: actor.userId },
          select: { id: true },
        });
        await recordAuditEvent(tx, {
          actorId: actor.userId,
          action: "confirmation.requested",
          entityType: "Pledge",
          entityId: p.id,
          data: { requestId: r.id, kind: "RECEIPT", fundId: p.fundId, amountMinor },
        });
        return { pledgeId: p.id, status: "WAITING_FOR_CONFIRMATION" };
      }
      const status = await bookReceipt(tx, p, amountMinor, actor.userId, `receipt:${actor.userId}:${input.idempotencyKey}`);
      return { pledgeId: p.id, status };
    }),
  );
}

export async function lapsePledge(
  actor: Actor,
  input: { pledgeId: string; idempotencyKey: string },
): Promise<{ pledgeId: string; status: string }> {
  assertCan(actor, "pledge:record:org");
  return db().$transaction((tx) =>
    once(tx, actor.userId, input.idempotencyKey, "pledge.lapse", async () => {
      const p = await lockManagedPledge(tx, actor, input.pledgeId);
      if (p.status === "RECEIVED" || p.status === "LAPSED")
        throw new AppError("INVALID_STATE", "cannot lapse", { messageKey: "money.cannotLapse" });
      await tx.pledge.update({ where: { id: p.id }, data: { status: "LAPSED" } });
      await recordAuditEvent(tx, {
        actorId: actor.userId,
        action: "pledge.lapsed",
        entityType: "Pledge",
        entityId: p.id,
        data: { fundId: p.fundId, receivedMinor: p.receivedMinor },
      });
      return { pledgeId: p.id, status: "LAPSED" };
    }),
  );
}
