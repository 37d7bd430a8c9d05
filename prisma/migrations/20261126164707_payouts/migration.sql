-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "PayoutStatus" ADD VALUE 'NOT_RECEIVED';
ALTER TYPE "PayoutStatus" ADD VALUE 'INVESTIGATING';

-- AlterTable
ALTER TABLE "Fund" ADD COLUMN     "publicationDelayDays" INTEGER NOT NULL DEFAULT 7;

-- AlterTable
ALTER TABLE "Payout" ADD COLUMN     "attempt" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "cancelReason" TEXT,
ADD COLUMN     "reference" TEXT;
UPDATE "Payout" SET "reference" = 'PO-' || upper(substr(md5(id), 1, 4)) || '-' || upper(substr(md5(id), 5, 4)) WHERE "reference" IS NULL;
ALTER TABLE "Payout" ALTER COLUMN "reference" SET NOT NULL;

-- CreateTable
CREATE TABLE "FundBalance" (
    "fundId" TEXT NOT NULL,
    "bucket" TEXT NOT NULL,
    "receivedMinor" BIGINT NOT NULL DEFAULT 0,
    "committedMinor" BIGINT NOT NULL DEFAULT 0,
    "paidMinor" BIGINT NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FundBalance_pkey" PRIMARY KEY ("fundId","bucket")
);

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "actorId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "resultJson" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IdempotencyRecord_pkey" PRIMARY KEY ("actorId","key")
);

-- CreateTable
CREATE TABLE "PayoutReceipt" (
    "id" TEXT NOT NULL,
    "payoutId" TEXT NOT NULL,
    "fundId" TEXT NOT NULL,
    "weekStart" DATE NOT NULL,
    "salt" TEXT NOT NULL,
    "leafHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PayoutReceipt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PayoutWeekRoot" (
    "fundId" TEXT NOT NULL,
    "weekStart" DATE NOT NULL,
    "root" TEXT NOT NULL,
    "leafCount" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PayoutWeekRoot_pkey" PRIMARY KEY ("fundId","weekStart")
);

-- CreateTable
CREATE TABLE "FundStageDaily" (
    "fundId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "stageRank" INTEGER NOT NULL,
    "category" "SituationCategory" NOT NULL,
    "purpose" "AidPurpose" NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "amountMinor" BIGINT NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FundStageDaily_pkey" PRIMARY KEY ("fundId","day","stageRank","category","purpose")
);

-- CreateIndex
CREATE UNIQUE INDEX "PayoutReceipt_leafHash_key" ON "PayoutReceipt"("leafHash");

-- CreateIndex
CREATE INDEX "PayoutReceipt_fundId_weekStart_createdAt_idx" ON "PayoutReceipt"("fundId", "weekStart", "createdAt");

-- CreateIndex
CREATE INDEX "PayoutReceipt_payoutId_idx" ON "PayoutReceipt"("payoutId");

-- CreateIndex
CREATE UNIQUE INDEX "Payout_reference_key" ON "Payout"("reference");

-- AddForeignKey
ALTER TABLE "PayoutReceipt" ADD CONSTRAINT "PayoutReceipt_payoutId_fkey" FOREIGN KEY ("payoutId") REFERENCES "Payout"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------------
-- Money invariants held by the database (docs/decisions/0012-ledger-and-payouts.md).

-- The ledger is append-only: corrections are new entries (releases, reversals), never edits.
CREATE FUNCTION padtrymka_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'LedgerEntry is append-only' USING ERRCODE = 'P0001';
END;
$$;
CREATE TRIGGER "LedgerEntry_append_only" BEFORE UPDATE OR DELETE ON "LedgerEntry"
  FOR EACH ROW EXECUTE FUNCTION padtrymka_ledger_append_only();

-- Balance per fund and money bucket, moved by every ledger entry in the same transaction. The UPDATE
-- takes the bucket's row lock, so concurrent commitments queue up, and the CHECKs refuse overspending.
ALTER TABLE "FundBalance" ADD CONSTRAINT "FundBalance_non_negative" CHECK ("receivedMinor" >= 0 AND "committedMinor" >= 0 AND "paidMinor" >= 0);
ALTER TABLE "FundBalance" ADD CONSTRAINT "FundBalance_not_overspent" CHECK ("committedMinor" + "paidMinor" <= "receivedMinor");

CREATE FUNCTION padtrymka_ledger_balance() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  b text := COALESCE(NEW."purpose"::text, 'ANY');
BEGIN
  INSERT INTO "FundBalance" ("fundId", "bucket", "createdAt", "updatedAt") VALUES (NEW."fundId", b, now(), now())
    ON CONFLICT ("fundId", "bucket") DO NOTHING;
  UPDATE "FundBalance" SET
    "receivedMinor" = "receivedMinor" + CASE WHEN NEW."kind" = 'RECEIPT' THEN NEW."amountMinor" ELSE 0 END,
    "committedMinor" = "committedMinor" + CASE NEW."kind" WHEN 'COMMITMENT' THEN NEW."amountMinor" WHEN 'COMMITMENT_RELEASE' THEN -NEW."amountMinor" ELSE 0 END,
    "paidMinor" = "paidMinor" + CASE NEW."kind" WHEN 'PAYOUT' THEN NEW."amountMinor" WHEN 'REVERSAL' THEN -NEW."amountMinor" ELSE 0 END,
    "updatedAt" = now()
  WHERE "fundId" = NEW."fundId" AND "bucket" = b;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "LedgerEntry_balance" AFTER INSERT ON "LedgerEntry"
  FOR EACH ROW EXECUTE FUNCTION padtrymka_ledger_balance();

INSERT INTO "FundBalance" ("fundId", "bucket", "receivedMinor", "committedMinor", "paidMinor", "createdAt", "updatedAt")
SELECT "fundId", COALESCE("purpose"::text, 'ANY'),
  sum(CASE WHEN "kind" = 'RECEIPT' THEN "amountMinor" ELSE 0 END),
  sum(CASE "kind" WHEN 'COMMITMENT' THEN "amountMinor" WHEN 'COMMITMENT_RELEASE' THEN -"amountMinor" ELSE 0 END),
  sum(CASE "kind" WHEN 'PAYOUT' THEN "amountMinor" WHEN 'REVERSAL' THEN -"amountMinor" ELSE 0 END),
  now(), now()
FROM "LedgerEntry" GROUP BY 1, 2;

-- At most one live payout per case and tranche; the approver is never the requester.
CREATE UNIQUE INDEX "Payout_one_live_per_tranche" ON "Payout"("applicationId", "tranche") WHERE "status" <> 'CANCELLED';
ALTER TABLE "Payout" ADD CONSTRAINT "Payout_approver_not_requester" CHECK ("approvedById" IS NULL OR "approvedById" <> "requestedById");
ALTER TABLE "Fund" ADD CONSTRAINT "Fund_publication_delay_range" CHECK ("publicationDelayDays" BETWEEN 0 AND 365);

-- Frozen weekly roots are written once.
CREATE FUNCTION padtrymka_week_root_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'PayoutWeekRoot is written once' USING ERRCODE = 'P0001';
END;
$$;
CREATE TRIGGER "PayoutWeekRoot_frozen" BEFORE UPDATE OR DELETE ON "PayoutWeekRoot"
  FOR EACH ROW EXECUTE FUNCTION padtrymka_week_root_frozen();

-- ---------------------------------------------------------------------------------------------------
-- Daily funnel figures for the transparency page, kept by the same trigger as the funnel counters.
CREATE OR REPLACE FUNCTION padtrymka_funnel_on_stage() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  reached int;
  previous int;
  app record;
BEGIN
  reached := CASE NEW."toStatus" WHEN 'SUBMITTED' THEN 0 WHEN 'SHORTLISTED' THEN 1 WHEN 'VERIFIED' THEN 2 WHEN 'APPROVED' THEN 3 WHEN 'PAID' THEN 4 ELSE NULL END;
  IF reached IS NULL THEN
    RETURN NEW;
  END IF;
  SELECT "furthestStageRank", "fundId", "category", "purpose", "requestedAmountMinor", "approvedAmountMinor" INTO app
    FROM "Application" WHERE id = NEW."applicationId" FOR UPDATE;
  previous := app."furthestStageRank";
  IF reached <= previous THEN
    RETURN NEW;
  END IF;
  UPDATE "Application" SET "furthestStageRank" = reached WHERE id = NEW."applicationId";
  INSERT INTO "FundStageCount" ("fundId", "stageRank", "count", "createdAt", "updatedAt")
    SELECT app."fundId", s, 1, now(), now() FROM generate_series(previous + 1, reached) AS s
    ON CONFLICT ("fundId", "stageRank") DO UPDATE SET "count" = "FundStageCount"."count" + 1, "updatedAt" = now();
  INSERT INTO "FundStageDaily" ("fundId", "day", "stageRank", "category", "purpose", "count", "amountMinor", "createdAt", "updatedAt")
    SELECT app."fundId", (NEW."createdAt" AT TIME ZONE 'UTC')::date, s, COALESCE(app."category", 'OTHER'), COALESCE(app."purpose", 'OTHER'), 1,
      CASE WHEN s >= 3 THEN COALESCE(app."approvedAmountMinor", app."requestedAmountMinor", 0) ELSE COALESCE(app."requestedAmountMinor", 0) END,
      now(), now()
    FROM generate_series(previous + 1, reached) AS s
    ON CONFLICT ("fundId", "day", "stageRank", "category", "purpose") DO UPDATE SET
      "count" = "FundStageDaily"."count" + 1, "amountMinor" = "FundStageDaily"."amountMinor" + EXCLUDED."amountMinor", "updatedAt" = now();
  RETURN NEW;
END;
$$;

-- Backfill the daily figures from the history that already exists.
INSERT INTO "FundStageDaily" ("fundId", "day", "stageRank", "category", "purpose", "count", "amountMinor", "createdAt", "updatedAt")
SELECT a."fundId", d.day, s, COALESCE(a."category", 'OTHER'), COALESCE(a."purpose", 'OTHER'), count(*),
  sum(CASE WHEN s >= 3 THEN COALESCE(a."approvedAmountMinor", a."requestedAmountMinor", 0) ELSE COALESCE(a."requestedAmountMinor", 0) END),
  now(), now()
FROM "Application" a
CROSS JOIN LATERAL generate_series(0, a."furthestStageRank") AS s
CROSS JOIN LATERAL (
  SELECT (min(c."createdAt") AT TIME ZONE 'UTC')::date AS day FROM "ApplicationStatusChange" c
  WHERE c."applicationId" = a.id
    AND (CASE c."toStatus" WHEN 'SUBMITTED' THEN 0 WHEN 'SHORTLISTED' THEN 1 WHEN 'VERIFIED' THEN 2 WHEN 'APPROVED' THEN 3 WHEN 'PAID' THEN 4 ELSE -1 END) >= s
) d
WHERE a."furthestStageRank" >= 0 AND d.day IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;
