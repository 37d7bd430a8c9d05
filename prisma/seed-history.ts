// Demo history: a few months of a fund's life (cases through the funnel, payouts with their ledger
// entries and Merkle leaves), dated in the past so the transparency page has published figures after
// each fund's delay. Fictional and anonymous: these cases carry no personal data at all.
import crypto from "node:crypto";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { AidPurpose, ApplicationStatus, PayoutMethod, Region, SituationCategory } from "@/lib/db/generated/enums";
import { leafHash, newSalt, weekStartOf } from "@/lib/money/merkle";

const DAY = 24 * 60 * 60 * 1000;
const REGIONS: Region[] = ["BREST", "VITEBSK", "GOMEL", "GRODNO", "MINSK", "MINSK_REGION", "MOGILEV"];
const METHODS: PayoutMethod[] = ["BANK_TRANSFER", "THIRD_PARTY", "CARD", "CASH_TRUSTED_PERSON"];

type Plan = {
  fundId: string;
  currency: string;
  category: SituationCategory[];
  purposes: AidPurpose[];
  counts: [number, number, number, number, number];
  amount: [number, number];
};

/** Deterministic pseudo-random numbers, so a re-seed produces the same history. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export async function seedHistory(
  db: PrismaClient,
  now: Date,
  plans: Plan[],
  staff: { reviewer: string; reviewer2: string; fund: string; fund2: string },
) {
  if (await db.application.findUnique({ where: { id: "demo-history-0-0" } })) return;
  const stages: ApplicationStatus[] = ["SUBMITTED", "SHORTLISTED", "VERIFIED", "APPROVED", "PAID"];
  for (const [p, plan] of plans.entries()) {
    const rand = rng(p + 7);
    const [received] = plan.counts;
    for (let i = 0; i < received; i++) {
      const id = `demo-history-${p}-${i}`;
      // How far this case got: the first counts[k] cases reached stage k.
      const reached = plan.counts.filter((c) => i < c).length - 1;
      const start = new Date(now.getTime() - (21 + Math.floor(rand() * 80)) * DAY);
      const at = (k: number) => new Date(start.getTime() + k * 2 * DAY + Math.floor(rand() * DAY));
      const requested = Math.round((plan.amount[0] + rand() * (plan.amount[1] - plan.amount[0])) / 100) * 100;
      const purpose = plan.purposes[i % plan.purposes.length]!;
      const finalStatus: ApplicationStatus = reached === 4 ? "PAID" : "REJECTED";
      // Like an account made at sign-up without email: a username and no email (it cannot sign in: no passphrase).
      const user = await db.user.create({ data: { id: `demo-history-user-${p}-${i}`, username: `demo-history-${p}-${i}` } });
      await db.application.create({
        data: {
          id,
          referenceCode: `PAD-H${p}${String(i).padStart(2, "0")}-${crypto.randomBytes(2).toString("hex").toUpperCase()}`,
          applicantId: user.id,
          fundId: plan.fundId,
          status: finalStatus,
          category: plan.category[i % plan.category.length],
          purpose,
          region: REGIONS[i % REGIONS.length],
          requestedAmountMinor: requested,
          approvedAmountMinor: reached >= 3 ? requested : null,
          submittedAt: at(0),
          createdAt: at(0),
        },
      });
      const changes = stages
        .slice(0, reached + 1)
        .map((to, k) => ({ applicationId: id, fromStatus: k === 0 ? ("DRAFT" as const) : stages[k - 1]!, toStatus: to, createdAt: at(k) }));
      if (finalStatus === "REJECTED")
        changes.push({ applicationId: id, fromStatus: stages[reached]!, toStatus: "REJECTED", createdAt: at(reached + 1) });
      for (const c of changes) await db.applicationStatusChange.create({ data: c });
      if (reached >= 3) {
        await db.review.createMany({
          data: [
            { applicationId: id, reviewerId: staff.reviewer, vote: "APPROVE", approvedAmountMinor: requested },
            { applicationId: id, reviewerId: staff.reviewer2, vote: "APPROVE", approvedAmountMinor: requested },
          ],
        });
      }
      if (reached === 4) {
        const approvedAt = at(3);
        const sentAt = at(4);
        const payout = await db.payout.create({
          data: {
            applicationId: id,
            fundId: plan.fundId,
            amountMinor: requested,
            status: i % 3 === 0 ? "SENT" : "CONFIRMED",
            method: METHODS[i % METHODS.length],
            requestedById: staff.fund,
            approvedById: staff.fund2,
            sentAt,
            confirmedAt: i % 3 === 0 ? null : new Date(sentAt.getTime() + 2 * DAY),
            idempotencyKey: `demo-history-payout-${p}-${i}`,
            reference: `PO-H${p}${String(i).padStart(2, "0")}-DEMO`,
            createdAt: approvedAt,
          },
        });
        const entry = (kind: "COMMITMENT" | "COMMITMENT_RELEASE" | "PAYOUT", createdAt: Date) => ({
          fundId: plan.fundId,
          kind,
          amountMinor: requested,
          payoutId: payout.id,
          idempotencyKey: `payout:${payout.id}:${kind}:1:ANY`,
          createdById: staff.fund2,
          createdAt,
        });
        for (const e of [entry("COMMITMENT", approvedAt), entry("COMMITMENT_RELEASE", sentAt), entry("PAYOUT", sentAt)])
          await db.ledgerEntry.create({ data: e });
        const weekStart = weekStartOf(sentAt);
        const salt = newSalt();
        await db.payoutReceipt.create({
          data: {
            payoutId: payout.id,
            fundId: plan.fundId,
            weekStart: new Date(`${weekStart}T00:00:00Z`),
            salt,
            leafHash: leafHash({ fundId: plan.fundId, weekStart, amountMinor: requested, currency: plan.currency, salt }),
            createdAt: sentAt,
          },
        });
      }
    }
  }
}
