-- The submission writes the case's row once instead of twice (issue 3, the submission load target).
-- Until now the funnel trigger updated "furthestStageRank" in a second UPDATE of the row the submission
-- had just written. Most of those updates could not be HOT (measured: 2,745 of 15,856 updates of
-- "Application" during a load run), so each wrote another copy of a wide row and an entry in each of the
-- table's 11 indexes. The submission now sets the rank in its own UPDATE; the trigger counts a case
-- leaving DRAFT from "no stage reached" and writes the rank only when it is not already there.
-- Behaviour for every other status change is unchanged.
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
  -- A case leaving DRAFT has reached no stage before, whatever its row says: the submission sets the
  -- case's rank itself, in its own update of the row (lib/applications/save-application.ts), so the row
  -- is not written a second time here. Every other change is measured against the furthest stage reached.
  previous := CASE WHEN NEW."fromStatus" = 'DRAFT' THEN -1 ELSE app."furthestStageRank" END;
  IF reached <= previous THEN
    RETURN NEW;
  END IF;
  d := (NEW."createdAt" AT TIME ZONE 'UTC')::date;
  IF app."furthestStageRank" < reached THEN
    UPDATE "Application" SET "furthestStageRank" = reached WHERE id = NEW."applicationId";
  END IF;
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
