/*
  Warnings:

  - The primary key for the `AuditChain` table will be changed. If it partially fails, the table could be left without primary key constraint.
  - The primary key for the `FundStageCount` table will be changed. If it partially fails, the table could be left without primary key constraint.
  - The primary key for the `FundStageDaily` table will be changed. If it partially fails, the table could be left without primary key constraint.
  - The primary key for the `FundStageWeekly` table will be changed. If it partially fails, the table could be left without primary key constraint.

*/
-- AlterTable
ALTER TABLE "AuditChain" DROP CONSTRAINT "AuditChain_pkey",
ADD COLUMN     "stripe" INTEGER NOT NULL DEFAULT 1,
ADD CONSTRAINT "AuditChain_pkey" PRIMARY KEY ("stripe", "chainIndex");

-- AlterTable
ALTER TABLE "FundStageCount" DROP CONSTRAINT "FundStageCount_pkey",
ADD COLUMN     "stripe" INTEGER NOT NULL DEFAULT 0,
ADD CONSTRAINT "FundStageCount_pkey" PRIMARY KEY ("fundId", "stageRank", "stripe");

-- AlterTable
ALTER TABLE "FundStageDaily" DROP CONSTRAINT "FundStageDaily_pkey",
ADD COLUMN     "stripe" INTEGER NOT NULL DEFAULT 0,
ADD CONSTRAINT "FundStageDaily_pkey" PRIMARY KEY ("fundId", "day", "stageRank", "category", "purpose", "stripe");

-- AlterTable
ALTER TABLE "FundStageWeekly" DROP CONSTRAINT "FundStageWeekly_pkey",
ADD COLUMN     "stripe" INTEGER NOT NULL DEFAULT 0,
ADD CONSTRAINT "FundStageWeekly_pkey" PRIMARY KEY ("fundId", "week", "stageRank", "category", "purpose", "stripe");

-- ---------------------------------------------------------------------------------------------------
-- Striped hot rows (docs/decisions/0020-striped-hot-rows.md). Every submission used to update the same
-- few rows — its fund's funnel counters and the one audit chain head — and each transaction held those
-- row locks until its commit was flushed, so concurrent writes queued behind each other on every node.
-- Now each database session writes to its own stripe (its backend pid modulo 16): two transactions wait
-- for each other only when their sessions share a stripe. Counters are summed over stripes by readers;
-- the audit log becomes 16 independent hash chains, each linked at commit as before.

CREATE OR REPLACE FUNCTION padtrymka_stripe() RETURNS int LANGUAGE sql STABLE AS $$ SELECT pg_backend_pid() % 16 $$;

CREATE OR REPLACE FUNCTION padtrymka_funnel_on_stage() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  reached int;
  previous int;
  app record;
  d date;
  st int := padtrymka_stripe();
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
  INSERT INTO "FundStageCount" ("fundId", "stageRank", "stripe", "count", "createdAt", "updatedAt")
    SELECT app."fundId", s, st, 1, now(), now() FROM generate_series(previous + 1, reached) AS s
    ON CONFLICT ("fundId", "stageRank", "stripe") DO UPDATE SET "count" = "FundStageCount"."count" + 1, "updatedAt" = now();
  INSERT INTO "FundStageDaily" ("fundId", "day", "stageRank", "category", "purpose", "stripe", "count", "amountMinor", "createdAt", "updatedAt")
    SELECT app."fundId", d, s, COALESCE(app."category", 'OTHER'), COALESCE(app."purpose", 'OTHER'), st, 1,
      CASE WHEN s >= 3 THEN COALESCE(app."approvedAmountMinor", app."requestedAmountMinor", 0) ELSE COALESCE(app."requestedAmountMinor", 0) END,
      now(), now()
    FROM generate_series(previous + 1, reached) AS s
    ON CONFLICT ("fundId", "day", "stageRank", "category", "purpose", "stripe") DO UPDATE SET
      "count" = "FundStageDaily"."count" + 1, "amountMinor" = "FundStageDaily"."amountMinor" + EXCLUDED."amountMinor", "updatedAt" = now();
  INSERT INTO "FundStageWeekly" ("fundId", "week", "stageRank", "category", "purpose", "stripe", "count", "amountMinor", "createdAt", "updatedAt")
    SELECT app."fundId", date_trunc('week', d)::date, s, COALESCE(app."category", 'OTHER'), COALESCE(app."purpose", 'OTHER'), st, 1,
      CASE WHEN s >= 3 THEN COALESCE(app."approvedAmountMinor", app."requestedAmountMinor", 0) ELSE COALESCE(app."requestedAmountMinor", 0) END,
      now(), now()
    FROM generate_series(previous + 1, reached) AS s
    ON CONFLICT ("fundId", "week", "stageRank", "category", "purpose", "stripe") DO UPDATE SET
      "count" = "FundStageWeekly"."count" + 1, "amountMinor" = "FundStageWeekly"."amountMinor" + EXCLUDED."amountMinor", "updatedAt" = now();
  RETURN NEW;
END;
$$;

-- A retraction subtracts in the session's own stripe (a stripe may go below zero; the sum is what counts).
CREATE OR REPLACE FUNCTION padtrymka_funnel_retract(app_id text, rank int, change_id text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  app record;
  d date;
  st int := padtrymka_stripe();
BEGIN
  SELECT ("createdAt" AT TIME ZONE 'UTC')::date INTO d FROM "ApplicationStatusChange" WHERE id = change_id;
  SELECT "furthestStageRank", "fundId", "category", "purpose", "requestedAmountMinor" INTO app FROM "Application" WHERE id = app_id FOR UPDATE;
  IF app."furthestStageRank" <> rank THEN
    RETURN;
  END IF;
  UPDATE "Application" SET "furthestStageRank" = rank - 1 WHERE id = app_id;
  INSERT INTO "FundStageCount" ("fundId", "stageRank", "stripe", "count", "createdAt", "updatedAt")
    VALUES (app."fundId", rank, st, -1, now(), now())
    ON CONFLICT ("fundId", "stageRank", "stripe") DO UPDATE SET "count" = "FundStageCount"."count" - 1, "updatedAt" = now();
  INSERT INTO "FundStageDaily" ("fundId", "day", "stageRank", "category", "purpose", "stripe", "count", "amountMinor", "createdAt", "updatedAt")
    VALUES (app."fundId", d, rank, COALESCE(app."category", 'OTHER'), COALESCE(app."purpose", 'OTHER'), st, -1, -COALESCE(app."requestedAmountMinor", 0), now(), now())
    ON CONFLICT ("fundId", "day", "stageRank", "category", "purpose", "stripe") DO UPDATE SET
      "count" = "FundStageDaily"."count" - 1, "amountMinor" = "FundStageDaily"."amountMinor" + EXCLUDED."amountMinor", "updatedAt" = now();
  INSERT INTO "FundStageWeekly" ("fundId", "week", "stageRank", "category", "purpose", "stripe", "count", "amountMinor", "createdAt", "updatedAt")
    VALUES (app."fundId", date_trunc('week', d)::date, rank, COALESCE(app."category", 'OTHER'), COALESCE(app."purpose", 'OTHER'), st, -1, -COALESCE(app."requestedAmountMinor", 0), now(), now())
    ON CONFLICT ("fundId", "week", "stageRank", "category", "purpose", "stripe") DO UPDATE SET
      "count" = "FundStageWeekly"."count" - 1, "amountMinor" = "FundStageWeekly"."amountMinor" + EXCLUDED."amountMinor", "updatedAt" = now();
END;
$$;

-- The audit chain: the existing links stay stripe 1 (head id 1); stripes 2-16 start from the genesis hash.
INSERT INTO "AuditChainHead" ("id", "chainIndex", "hash", "createdAt", "updatedAt")
  SELECT s, 0, repeat('0', 64), now(), now() FROM generate_series(2, 16) AS s
  ON CONFLICT ("id") DO NOTHING;

CREATE OR REPLACE FUNCTION padtrymka_audit_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head record;
  e "AuditEvent";
  h text;
BEGIN
  SELECT * INTO head FROM "AuditChainHead" WHERE id = padtrymka_stripe() + 1 FOR UPDATE;
  SELECT * INTO e FROM "AuditEvent" WHERE id = NEW.id;
  h := padtrymka_audit_link_hash(head.hash, e);
  INSERT INTO "AuditChain" ("stripe", "chainIndex", "eventId", "prevHash", "hash", "createdAt", "updatedAt") VALUES (head.id, head."chainIndex" + 1, e.id, head.hash, h, now(), now());
  UPDATE "AuditChainHead" SET "chainIndex" = head."chainIndex" + 1, "hash" = h, "updatedAt" = now() WHERE id = head.id;
  RETURN NULL;
END;
$$;
