// A fund manager creates and edits the funds of their organisations. Settings only: money moves through
// pledges, receipts and payouts. Every change is audited in the same transaction. A change that weakens a
// control (fewer required approvals, reveals without a second reviewer, a higher receipt threshold, a longer
// retention of closed cases' personal data) is not
// applied: it waits for another fund manager's confirmation (lib/funds/confirmations.ts, ADR 0028).
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, orgsWithRole, type Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { FundInput } from "@/lib/funds/schemas";
import { parseMoneyInput } from "@/lib/money/money";
import { rubricFromText, RubricSchema } from "@/lib/reviews/rubric";
import { DEFAULT_RECEIPT_THRESHOLD_MINOR, splitGuardedChange, type GuardedSettings } from "@/lib/funds/rules";
import type { Prisma } from "@/lib/db/generated/client";

function settings(input: FundInput) {
  const cap = parseMoneyInput(input.cap, input.currency);
  if (!cap) throw new AppError("INVALID_INPUT", "cap", { fieldErrors: { cap: ["amount_format"] } });
  const threshold = input.receiptThreshold ? parseMoneyInput(input.receiptThreshold, input.currency) : undefined;
  if (threshold === null) throw new AppError("INVALID_INPUT", "threshold", { fieldErrors: { receiptThreshold: ["amount_format"] } });
  const checklist = input.checklist
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (checklist.length > 20 || checklist.some((l) => l.length > 200))
    throw new AppError("INVALID_INPUT", "checklist", { fieldErrors: { checklist: ["too_long"] } });
  return {
    name: input.name,
    purpose: input.purpose,
    eligibleCategories: input.eligibleCategories,
    eligiblePurposes: input.eligiblePurposes,
    perApplicantCapMinor: cap,
    requiredApprovals: input.requiredApprovals,
    publicationDelayDays: input.publicationDelayDays,
    retentionMonths: input.retentionMonths,
    status: input.open ? ("OPEN" as const) : ("CLOSED" as const),
    evidenceHint: input.evidenceHint || null,
    verificationChecklist: checklist,
    rubric: RubricSchema.parse(rubricFromText(input.rubric)),
    revealNeedsSecondReviewer: input.revealNeedsSecondReviewer,
    legalNameRequirement: input.legalNameRequirement,
    phoneRequirement: input.phoneRequirement,
    cityRequirement: input.cityRequirement,
    birthDateRequirement: input.birthDateRequirement,
    receiptThreshold: threshold,
  };
}

export async function saveFund(actor: Actor, input: FundInput): Promise<{ fundId: string; waiting: string[] }> {
  assertCan(actor, "fund:manage:org");
  const orgs = orgsWithRole(actor, "FUND_MANAGER");
  if (!orgs.includes(input.organisationId)) throw new AppError("FORBIDDEN", "not a manager of this organisation");
  const { receiptThreshold, ...data } = settings(input);
  return db().$transaction(async (tx) => {
    const rows = input.fundId
      ? await tx.$queryRaw<
          {
            id: string;
            currency: string;
            organisationId: string;
            requiredApprovals: number;
            revealNeedsSecondReviewer: boolean;
            receiptConfirmationAboveMinor: number;
            retentionMonths: number;
          }[]
        >`
          SELECT id, currency, "organisationId", "requiredApprovals", "revealNeedsSecondReviewer", "receiptConfirmationAboveMinor", "retentionMonths" FROM "Fund" WHERE id = ${input.fundId} AND "organisationId" = ANY(${orgs}) FOR UPDATE`
      : [];
    const current = rows[0] ?? null;
    if (input.fundId && !current) throw new AppError("NOT_FOUND", "fund not found");
    const asked: GuardedSettings = {
      requiredApprovals: data.requiredApprovals,
      revealNeedsSecondReviewer: data.revealNeedsSecondReviewer,
      receiptConfirmationAboveMinor: receiptThreshold ?? current?.receiptConfirmationAboveMinor ?? DEFAULT_RECEIPT_THRESHOLD_MINOR,
      retentionMonths: data.retentionMonths,
    };
    const { now, held } = splitGuardedChange(current, asked);
    const applied = { ...data, ...now };
    let fundId: string;
    if (!current) {
      const fund = await tx.fund.create({
        data: { ...applied, organisationId: input.organisationId, currency: input.currency },
        select: { id: true },
      });
      fundId = fund.id;
      await recordAuditEvent(tx, {
        actorId: actor.userId,
        action: "fund.created",
        entityType: "Fund",
        entityId: fund.id,
        data: { currency: input.currency, capMinor: applied.perApplicantCapMinor, requiredApprovals: applied.requiredApprovals },
      });
    } else {
      if (current.organisationId !== input.organisationId)
        throw new AppError("INVALID_INPUT", "organisation cannot change", { fieldErrors: { organisationId: ["fixed_after_create"] } });
      if (current.currency !== input.currency) {
        const moved = await tx.ledgerEntry.count({ where: { fundId: current.id } });
        const pledges = await tx.pledge.count({ where: { fundId: current.id } });
        const apps = await tx.application.count({ where: { fundId: current.id, status: { not: "DRAFT" } } });
        if (moved + pledges + apps > 0)
          throw new AppError("INVALID_INPUT", "currency fixed", { fieldErrors: { currency: ["currency_fixed"] } });
      }
      fundId = current.id;
      await tx.fund.update({ where: { id: current.id }, data: { ...applied, currency: input.currency } });
      await recordAuditEvent(tx, {
        actorId: actor.userId,
        action: "fund.updated",
        entityType: "Fund",
        entityId: current.id,
        data: {
          currency: input.currency,
          capMinor: applied.perApplicantCapMinor,
          requiredApprovals: applied.requiredApprovals,
          status: applied.status,
          publicationDelayDays: applied.publicationDelayDays,
        },
      });
    }
    const waiting = Object.keys(held);
    if (waiting.length > 0) {
      const r = await tx.confirmationRequest.create({
        data: {
          fundId,
          kind: "FUND_SETTINGS",
          settings: held as Prisma.InputJsonValue,
          requestedById: actor.userId,
          createdAt: new Date(),
        },
        select: { id: true },
      });
      await recordAuditEvent(tx, {
        actorId: actor.userId,
        action: "confirmation.requested",
        entityType: "Fund",
        entityId: fundId,
        data: { requestId: r.id, kind: "FUND_SETTINGS", settings: waiting },
      });
    }
    return { fundId, waiting };
  });
}
