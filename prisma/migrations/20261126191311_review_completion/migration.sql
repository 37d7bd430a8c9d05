-- CreateEnum
CREATE TYPE "RevealRequestStatus" AS ENUM ('PENDING', 'CONFIRMED', 'REFUSED');

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "score" INTEGER NOT NULL DEFAULT -1;

-- AlterTable
ALTER TABLE "ApplicationMessage" ADD COLUMN     "templateKey" TEXT;

-- AlterTable
ALTER TABLE "Fund" ADD COLUMN     "revealNeedsSecondReviewer" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "rubric" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "Payout" ADD COLUMN     "detailsIndex" TEXT;

-- AlterTable
ALTER TABLE "Review" ADD COLUMN     "overruleReason" TEXT,
ADD COLUMN     "overruledAt" TIMESTAMP(3),
ADD COLUMN     "overruledById" TEXT,
ADD COLUMN     "rubricScores" JSONB;

-- CreateTable
CREATE TABLE "RevealRequest" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "RevealRequestStatus" NOT NULL DEFAULT 'PENDING',
    "deciderId" TEXT,
    "decidedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RevealRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BulkOperation" (
    "id" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "caseIds" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" TIMESTAMP(3),

    CONSTRAINT "BulkOperation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RevealRequest_applicationId_createdAt_idx" ON "RevealRequest"("applicationId", "createdAt");

-- CreateIndex
CREATE INDEX "BulkOperation_actorId_createdAt_idx" ON "BulkOperation"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "Application_fundId_status_score_id_idx" ON "Application"("fundId", "status", "score" DESC, "id");

-- CreateIndex
CREATE INDEX "Payout_detailsIndex_idx" ON "Payout"("detailsIndex");

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_overruledById_fkey" FOREIGN KEY ("overruledById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevealRequest" ADD CONSTRAINT "RevealRequest_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevealRequest" ADD CONSTRAINT "RevealRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevealRequest" ADD CONSTRAINT "RevealRequest_deciderId_fkey" FOREIGN KEY ("deciderId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BulkOperation" ADD CONSTRAINT "BulkOperation_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written invariants (docs/decisions/0015-review-completion.md).
ALTER TABLE "Application" ADD CONSTRAINT "Application_score_range" CHECK ("score" BETWEEN -1 AND 100);
ALTER TABLE "Fund" ADD CONSTRAINT "Fund_rubric_array" CHECK (jsonb_typeof("rubric") = 'array');
-- Two different people: the one asking to see an identity never confirms their own request.
ALTER TABLE "RevealRequest" ADD CONSTRAINT "RevealRequest_decider_not_requester" CHECK ("deciderId" IS NULL OR "deciderId" <> "requesterId");
-- A fund manager never overrules their own rejection.
ALTER TABLE "Review" ADD CONSTRAINT "Review_overruler_not_reviewer" CHECK ("overruledById" IS NULL OR "overruledById" <> "reviewerId");

-- Undoing a bulk shortlist within its window retracts the case from the funnel's "shortlisted" counters
-- (the trigger on ApplicationStatusChange only ever counts forwards). the retracted stage
-- change (`change_id`) was written, so the same day and week rows are decremented.
CREATE OR REPLACE FUNCTION padtrymka_funnel_retract(app_id text, rank int, change_id text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  app record;
  d date;
BEGIN
  SELECT ("createdAt" AT TIME ZONE 'UTC')::date INTO d FROM "ApplicationStatusChange" WHERE id = change_id;
  SELECT "furthestStageRank", "fundId", "category", "purpose", "requestedAmountMinor" INTO app FROM "Application" WHERE id = app_id FOR UPDATE;
  IF app."furthestStageRank" <> rank THEN
    RETURN;
  END IF;
  UPDATE "Application" SET "furthestStageRank" = rank - 1 WHERE id = app_id;
  UPDATE "FundStageCount" SET "count" = "count" - 1, "updatedAt" = now() WHERE "fundId" = app."fundId" AND "stageRank" = rank;
  UPDATE "FundStageDaily" SET "count" = "count" - 1, "amountMinor" = "amountMinor" - COALESCE(app."requestedAmountMinor", 0), "updatedAt" = now()
    WHERE "fundId" = app."fundId" AND "day" = d AND "stageRank" = rank AND "category" = COALESCE(app."category", 'OTHER') AND "purpose" = COALESCE(app."purpose", 'OTHER');
  UPDATE "FundStageWeekly" SET "count" = "count" - 1, "amountMinor" = "amountMinor" - COALESCE(app."requestedAmountMinor", 0), "updatedAt" = now()
    WHERE "fundId" = app."fundId" AND "week" = date_trunc('week', d)::date AND "stageRank" = rank AND "category" = COALESCE(app."category", 'OTHER') AND "purpose" = COALESCE(app."purpose", 'OTHER');
END;
$$;
