-- CreateTable
CREATE TABLE "FundStageWeekly" (
    "fundId" TEXT NOT NULL,
    "week" DATE NOT NULL,
    "stageRank" INTEGER NOT NULL,
    "category" "SituationCategory" NOT NULL,
    "purpose" "AidPurpose" NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "amountMinor" BIGINT NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FundStageWeekly_pkey" PRIMARY KEY ("fundId","week","stageRank","category","purpose")
);

-- CreateTable
CREATE TABLE "LedgerDaily" (
    "fundId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "kind" "LedgerEntryKind" NOT NULL,
    "amountMinor" BIGINT NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LedgerDaily_pkey" PRIMARY KEY ("fundId","day","kind")
);

-- ---------------------------------------------------------------------------------------------------
-- Rollups for the public transparency page (docs/decisions/0012-ledger-and-payouts.md), kept by the
-- same triggers, in the same transaction, as the figures they summarise.

CREATE OR REPLACE FUNCTION padtrymka_ledger_balance() RETURNS trigger LANGUAGE plpgsql AS $$
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
  INSERT INTO "LedgerDaily" ("fundId", "day", "kind", "amountMinor", "createdAt", "updatedAt")
    VALUES (NEW."fundId", (NEW."createdAt" AT TIME ZONE 'UTC')::date, NEW."kind", NEW."amountMinor", now(), now())
    ON CONFLICT ("fundId", "day", "kind") DO UPDATE SET "amountMinor" = "LedgerDaily"."amountMinor" + EXCLUDED."amountMinor", "updatedAt" = now();
  RETURN NEW;
END;
$$;

INSERT INTO "LedgerDaily" ("fundId", "day", "kind", "amountMinor", "createdAt", "updatedAt")
SELECT "fundId", ("createdAt" AT TIME ZONE 'UTC')::date, "kind", sum("amountMinor"), now(), now()
FROM "LedgerEntry" GROUP BY 1, 2, 3;

CREATE OR REPLACE FUNCTION padtrymka_funnel_on_stage() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  reached int;
  previous int;
  app record;
  d date;
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
  d := (NEW."createdAt" AT TIME ZONE 'UTC')::date;
  UPDATE "Application" SET "furthestStageRank" = reached WHERE id = NEW."applicationId";
  INSERT INTO "FundStageCount" ("fundId", "stageRank", "count", "createdAt", "updatedAt")
    SELECT app."fundId", s, 1, now(), now() FROM generate_series(previous + 1, reached) AS s
    ON CONFLICT ("fundId", "stageRank") DO UPDATE SET "count" = "FundStageCount"."count" + 1, "updatedAt" = now();
  INSERT INTO "FundStageDaily" ("fundId", "day", "stageRank", "category", "purpose", "count", "amountMinor", "createdAt", "updatedAt")
    SELECT app."fundId", d, s, COALESCE(app."category", 'OTHER'), COALESCE(app."purpose", 'OTHER'), 1,
      CASE WHEN s >= 3 THEN COALESCE(app."approvedAmountMinor", app."requestedAmountMinor", 0) ELSE COALESCE(app."requestedAmountMinor", 0) END,
      now(), now()
    FROM generate_series(previous + 1, reached) AS s
    ON CONFLICT ("fundId", "day", "stageRank", "category", "purpose") DO UPDATE SET
      "count" = "FundStageDaily"."count" + 1, "amountMinor" = "FundStageDaily"."amountMinor" + EXCLUDED."amountMinor", "updatedAt" = now();
  INSERT INTO "FundStageWeekly" ("fundId", "week", "stageRank", "category", "purpose", "count", "amountMinor", "createdAt", "updatedAt")
    SELECT app."fundId", date_trunc('week', d)::date, s, COALESCE(app."category", 'OTHER'), COALESCE(app."purpose", 'OTHER'), 1,
      CASE WHEN s >= 3 THEN COALESCE(app."approvedAmountMinor", app."requestedAmountMinor", 0) ELSE COALESCE(app."requestedAmountMinor", 0) END,
      now(), now()
    FROM generate_series(previous + 1, reached) AS s
    ON CONFLICT ("fundId", "week", "stageRank", "category", "purpose") DO UPDATE SET
      "count" = "FundStageWeekly"."count" + 1, "amountMinor" = "FundStageWeekly"."amountMinor" + EXCLUDED."amountMinor", "updatedAt" = now();
  RETURN NEW;
END;
$$;

INSERT INTO "FundStageWeekly" ("fundId", "week", "stageRank", "category", "purpose", "count", "amountMinor", "createdAt", "updatedAt")
SELECT "fundId", date_trunc('week', "day")::date, "stageRank", "category", "purpose", sum("count"), sum("amountMinor"), now(), now()
FROM "FundStageDaily" GROUP BY 1, 2, 3, 4, 5;
