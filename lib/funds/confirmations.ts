// ─── RISKY FILE: four eyes on a fund's money in and its controls (docs/decisions/0028-second-fund-manager.md) ───
// A receipt above the fund's threshold, or a settings change that weakens a control, waits as a
// ConfirmationRequest. Another fund manager of the fund's organisation confirms it (the receipt enters the
// ledger / the settings apply) or refuses it. Never the one who asked: checked here and by a CHECK in the
// database. Each decision is audited in the same transaction.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, orgsWithRole, type Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { bookReceipt, lockManagedPledge } from "@/lib/funds/pledges";
import type { GuardedSettings } from "@/lib/funds/rules";

/** How long a request to weaken a fund's settings may be confirmed. */
export const SETTINGS_REQUEST_DAYS = 7;

export async function decideConfirmation(
  actor: Actor,
  input: { requestId: string; decision: "confirm" | "refuse" },
): Promise<{ fundId: string; status: "CONFIRMED" | "REFUSED" }> {
  assertCan(actor, "fund:manage:org");
  const orgs = orgsWithRole(actor, "FUND_MANAGER");
  return db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT r.id FROM "ConfirmationRequest" r JOIN "Fund" f ON f.id = r."fundId"
      WHERE r.id = ${input.requestId} AND f."organisationId" = ANY(${orgs}) FOR UPDATE OF r`;
    if (!rows[0]) throw new AppError("NOT_FOUND", "request not found");
    const r = await tx.confirmationRequest.findUniqueOrThrow({ where: { id: input.requestId } });
    if (r.requestedById === actor.userId) throw new AppError("FORBIDDEN", "own request", { messageKey: "money.confirmationOwn" });
    if (r.status !== "PENDING") throw new AppError("INVALID_STATE", "already decided", { messageKey: "money.confirmationDecided" });
    const status = input.decision === "confirm" ? ("CONFIRMED" as const) : ("REFUSED" as const);
    await tx.confirmationRequest.update({ where: { id: r.id }, data: { status, decidedById: actor.userId, decidedAt: new Date() } });
    if (status === "CONFIRMED" && r.kind === "RECEIPT") {
      const p = await lockManagedPledge(tx, actor, r.pledgeId!);
      if (p.status === "LAPSED") throw new AppError("INVALID_STATE", "pledge lapsed", { messageKey: "money.pledgeIsLapsed" });
      // The request's own amount was counted as waiting; what is outstanding without it still covers it.
      if (r.amountMinor! > p.amountMinor - p.receivedMinor)
        throw new AppError("INVALID_STATE", "over outstanding", { messageKey: "money.confirmationOverOutstanding" });
      await bookReceipt(tx, p, r.amountMinor!, actor.userId, `receipt:confirmation:${r.id}`, {
        requestId: r.id,
        recordedBy: r.requestedById,
      });
    }
    if (status === "CONFIRMED" && r.kind === "FUND_SETTINGS") {
      // Only a fresh request: one older than a week, or made before the settings changed again, is not
      // confirmed (a manager appointed later must not apply someone's forgotten weakening, nor undo a
      // stricter change made since). Refusing it stays possible.
      const fund = await tx.fund.findUniqueOrThrow({ where: { id: r.fundId }, select: { updatedAt: true } });
      if (Date.now() - r.createdAt.getTime() > SETTINGS_REQUEST_DAYS * 86_400_000 || fund.updatedAt > r.createdAt) {
        throw new AppError("INVALID_STATE", "stale request", { messageKey: "money.confirmationStale" });
      }
      const held = (r.settings ?? {}) as Partial<GuardedSettings>;
      await tx.fund.update({ where: { id: r.fundId }, data: held });
    }
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: `confirmation.${status === "CONFIRMED" ? "confirmed" : "refused"}`,
      entityType: "Fund",
      entityId: r.fundId,
      data: { requestId: r.id, kind: r.kind, requestedBy: r.requestedById },
    });
    return { fundId: r.fundId, status };
  });
}

/** Requests waiting for a second fund manager on one of the actor's funds (the fund page). */
export async function pendingConfirmations(actor: Actor, fundId: string) {
  assertCan(actor, "fund:read:org");
  const rows = await db().confirmationRequest.findMany({
    where: { fundId, status: "PENDING", fund: { organisationId: { in: orgsWithRole(actor, "FUND_MANAGER") } } },
    orderBy: { createdAt: "asc" },
    select: { id: true, kind: true, amountMinor: true, settings: true, requestedById: true, createdAt: true, pledgeId: true },
  });
  const pledges = await db().pledge.findMany({
    where: { id: { in: rows.flatMap((r) => (r.pledgeId ? [r.pledgeId] : [])) } },
    select: { id: true, donorDisplayName: true },
  });
  return rows.map((r) => ({
    ...r,
    settings: (r.settings ?? {}) as Partial<GuardedSettings>,
    mine: r.requestedById === actor.userId,
    donor: pledges.find((p) => p.id === r.pledgeId)?.donorDisplayName ?? null,
  }));
}
