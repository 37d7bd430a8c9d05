// Starts (or resumes) a draft for one fund. Nothing is stored before this: the eligibility check keeps
// no record. One open draft per applicant and fund, so a double click never makes two.
import "server-only";
import { fundAccepts } from "@/lib/applications/rules";
import type { StartApplicationInput } from "@/lib/applications/schemas";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, type Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export async function startApplication(actor: Actor, input: StartApplicationInput): Promise<{ applicationId: string; resumed: boolean }> {
  assertCan(actor, "application:create:own");
  return db().$transaction(async (tx) => {
    // Serialise per applicant so two simultaneous starts cannot both create a draft.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${actor.userId} FOR UPDATE`;
    const fund = await tx.fund.findUnique({
      where: { id: input.fundId },
      select: { id: true, status: true, eligibleCategories: true, eligiblePurposes: true },
    });
    if (!fund) throw new AppError("NOT_FOUND", "fund not found", { messageKey: "apply.unknownFund" });
    if (!fundAccepts(fund)) throw new AppError("INVALID_STATE", "fund closed", { messageKey: "apply.fundClosed" });
    const existing = await tx.application.findFirst({
      where: { applicantId: actor.userId, fundId: fund.id, status: "DRAFT" },
      select: { id: true },
    });
    if (existing) return { applicationId: existing.id, resumed: true };
    const app = await tx.application.create({
      data: {
        applicantId: actor.userId,
        fundId: fund.id,
        category: input.category && fund.eligibleCategories.includes(input.category) ? input.category : undefined,
        purpose: input.purpose && fund.eligiblePurposes.includes(input.purpose) ? input.purpose : undefined,
        region: input.region,
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: "application.draft_created",
      entityType: "Application",
      entityId: app.id,
      data: { fundId: fund.id },
    });
    return { applicationId: app.id, resumed: false };
  });
}
