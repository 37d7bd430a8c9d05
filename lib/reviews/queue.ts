// The review queue: filters, keyset pagination (stable at any depth: the cursor is the last row's
// submittedAt and id, not an offset), and the funnel per fund from the stage history.
import "server-only";
import { z } from "zod";
import { assertCan, orgsWithRole, type Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { reviewerCaseWhere } from "@/lib/reviews/scope";
import { AidPurpose, ApplicationStatus, Region, SituationCategory } from "@/lib/db/generated/enums";
import type { Prisma } from "@/lib/db/generated/client";

const blank = (v: unknown) => (v === "" ? undefined : v);
export const QueueFilterSchema = z.object({
  fund: z.preprocess(blank, z.string().max(100).optional()),
  stage: z.preprocess(blank, z.enum(Object.values(ApplicationStatus) as [ApplicationStatus, ...ApplicationStatus[]]).optional()),
  category: z.preprocess(blank, z.enum(Object.values(SituationCategory) as [SituationCategory, ...SituationCategory[]]).optional()),
  region: z.preprocess(blank, z.enum(Object.values(Region) as [Region, ...Region[]]).optional()),
  purpose: z.preprocess(blank, z.enum(Object.values(AidPurpose) as [AidPurpose, ...AidPurpose[]]).optional()),
  // Waiting longer than this many days since submission.
  olderThan: z.preprocess(blank, z.enum(["3", "7", "14", "30"]).optional()),
  duplicates: z.preprocess(blank, z.literal("1").optional()),
  needsMyVote: z.preprocess(blank, z.literal("1").optional()),
  assignedToMe: z.preprocess(blank, z.literal("1").optional()),
  // Oldest first (default), or best rubric score first (unscored last).
  sort: z.preprocess(blank, z.enum(["age", "score"]).optional()),
  after: z.preprocess(blank, z.string().max(200).optional()),
});
export type QueueFilter = z.infer<typeof QueueFilterSchema>;

export const PAGE_SIZE = 25;
/** Stages where a case still needs reviewers (the queue's default). */
export const OPEN_STAGES = ["SUBMITTED", "SHORTLISTED", "VERIFIED", "NEEDS_INFO"] as const;

export const FUNNEL = ["SUBMITTED", "SHORTLISTED", "VERIFIED", "APPROVED", "PAID"] as const;

const encodeCursor = (submittedAt: Date, id: string) => Buffer.from(`${submittedAt.toISOString()}|${id}`).toString("base64url");
function decodeCursor(c: string | undefined): { submittedAt: Date; id: string } | null {
  if (!c) return null;
  const [iso, id] = Buffer.from(c, "base64url").toString("utf8").split("|");
  const d = new Date(iso ?? "");
  return id && !Number.isNaN(d.getTime()) ? { submittedAt: d, id } : null;
}
const encodeScoreCursor = (score: number, id: string) => Buffer.from(`s${score}|${id}`).toString("base64url");
function decodeScoreCursor(c: string | undefined): { score: number; id: string } | null {
  if (!c) return null;
  const m = /^s(-?\d{1,3})\|(.+)$/.exec(Buffer.from(c, "base64url").toString("utf8"));
  return m ? { score: Number(m[1]), id: m[2]! } : null;
}

/** The reviewer's scope narrowed by the queue filters (shared by the queue page and the CSV export). */
export function queueWhere(actor: Actor, f: QueueFilter): Prisma.ApplicationWhereInput {
  return {
    AND: [
      reviewerCaseWhere(actor),
      {
        // Without a stage filter the queue is the open work; closed cases are one filter away.
        ...(f.stage ? { status: f.stage } : { status: { in: [...OPEN_STAGES] } }),
        ...(f.fund ? { fundId: f.fund } : {}),
        ...(f.category ? { category: f.category } : {}),
        ...(f.region ? { region: f.region } : {}),
        ...(f.purpose ? { purpose: f.purpose } : {}),
        ...(f.duplicates ? { isDuplicateFlagged: true } : {}),
        ...(f.olderThan ? { submittedAt: { lte: new Date(Date.now() - Number(f.olderThan) * 86_400_000) } } : {}),
        ...(f.needsMyVote ? { status: "VERIFIED", reviews: { none: { reviewerId: actor.userId } } } : {}),
        ...(f.assignedToMe ? { assignedToId: actor.userId } : {}),
      },
    ],
  };
}

const ROW = {
  id: true,
  referenceCode: true,
  status: true,
  category: true,
  region: true,
  requestedAmountMinor: true,
  submittedAt: true,
  isDuplicateFlagged: true,
  score: true,
  fund: { select: { name: true, currency: true } },
} as const;

export async function listQueue(actor: Actor, f: QueueFilter) {
  assertCan(actor, "review:queue:org");
  if (f.sort === "score") {
    // Best first, ties by id; the cursor is the last row's (score, id) on the (fundId, status, score desc, id) index.
    const c = decodeScoreCursor(f.after);
    const rows = await db().application.findMany({
      where: { ...queueWhere(actor, f), ...(c ? { score: { lte: c.score }, OR: [{ score: { lt: c.score } }, { id: { gt: c.id } }] } : {}) },
      orderBy: [{ score: "desc" }, { id: "asc" }],
      take: PAGE_SIZE + 1,
      select: ROW,
    });
    const page = rows.slice(0, PAGE_SIZE);
    const last = page.at(-1);
    return { rows: page, next: rows.length > PAGE_SIZE && last ? encodeScoreCursor(last.score, last.id) : null };
  }
  const cursor = decodeCursor(f.after);
  const where: Prisma.ApplicationWhereInput = {
    ...queueWhere(actor, f),
    // The `gte` gives PostgreSQL a start for the (fundId, status, submittedAt) index range; the OR only
    // settles ties. Without it a deep page scanned every earlier row (page 10,000 was 3.8x page 1).
    ...(cursor
      ? { submittedAt: { gte: cursor.submittedAt }, OR: [{ submittedAt: { gt: cursor.submittedAt } }, { id: { gt: cursor.id } }] }
      : {}),
  };
  const rows = await db().application.findMany({
    where,
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: PAGE_SIZE + 1,
    select: ROW,
  });
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  return { rows: page, next: rows.length > PAGE_SIZE && last?.submittedAt ? encodeCursor(last.submittedAt, last.id) : null };
}

/** Per fund: how many cases ever reached each stage (trigger-maintained counters: one indexed read). */
export async function funnel(actor: Actor) {
  assertCan(actor, "review:queue:org");
  const funds = await db().fund.findMany({
    where: { organisationId: { in: orgsWithRole(actor, "REVIEWER") } },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true },
  });
  // Summed over the counter's stripes (docs/decisions/0020-striped-hot-rows.md).
  const counts = await db().fundStageCount.groupBy({
    by: ["fundId", "stageRank"],
    where: { fundId: { in: funds.map((f) => f.id) } },
    _sum: { count: true },
  });
  return funds.map((f) => ({
    ...f,
    stages: FUNNEL.map((stage, rank) => ({ stage, count: counts.find((c) => c.fundId === f.id && c.stageRank === rank)?._sum.count ?? 0 })),
  }));
}

/** "Next case": the open case after this one in the queue's default order (same fund, oldest first). */
export async function nextCaseAfter(
  actor: Actor,
  current: { id: string; fundId: string; submittedAt: Date | null },
): Promise<string | null> {
  if (!current.submittedAt) return null;
  const next = await db().application.findFirst({
    where: {
      AND: [
        queueWhere(actor, { fund: current.fundId }),
        { OR: [{ submittedAt: { gt: current.submittedAt } }, { submittedAt: current.submittedAt, id: { gt: current.id } }] },
      ],
    },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return next?.id ?? null;
}
