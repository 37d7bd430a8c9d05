-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "furthestStageRank" INTEGER NOT NULL DEFAULT -1;

-- CreateTable
CREATE TABLE "FundStageCount" (
    "fundId" TEXT NOT NULL,
    "stageRank" INTEGER NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FundStageCount_pkey" PRIMARY KEY ("fundId","stageRank")
);

-- Funnel counters, kept in the same transaction as every stage change (docs/decisions/0011-funnel-counters.md).
CREATE FUNCTION padtrymka_funnel_on_stage() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  reached int;
  previous int;
  fund text;
BEGIN
  reached := CASE NEW."toStatus" WHEN 'SUBMITTED' THEN 0 WHEN 'SHORTLISTED' THEN 1 WHEN 'VERIFIED' THEN 2 WHEN 'APPROVED' THEN 3 WHEN 'PAID' THEN 4 ELSE NULL END;
  IF reached IS NULL THEN
    RETURN NEW;
  END IF;
  SELECT "furthestStageRank", "fundId" INTO previous, fund FROM "Application" WHERE id = NEW."applicationId" FOR UPDATE;
  IF reached <= previous THEN
    RETURN NEW;
  END IF;
  UPDATE "Application" SET "furthestStageRank" = reached WHERE id = NEW."applicationId";
  INSERT INTO "FundStageCount" ("fundId", "stageRank", "count", "createdAt", "updatedAt")
    SELECT fund, s, 1, now(), now() FROM generate_series(previous + 1, reached) AS s
    ON CONFLICT ("fundId", "stageRank") DO UPDATE SET "count" = "FundStageCount"."count" + 1, "updatedAt" = now();
  RETURN NEW;
END;
$$;
CREATE TRIGGER "ApplicationStatusChange_funnel" AFTER INSERT ON "ApplicationStatusChange"
  FOR EACH ROW EXECUTE FUNCTION padtrymka_funnel_on_stage();

-- Backfill from the history that already exists.
UPDATE "Application" a SET "furthestStageRank" = h.rank
FROM (
  SELECT c."applicationId", max(CASE c."toStatus" WHEN 'SUBMITTED' THEN 0 WHEN 'SHORTLISTED' THEN 1 WHEN 'VERIFIED' THEN 2 WHEN 'APPROVED' THEN 3 WHEN 'PAID' THEN 4 END) AS rank
  FROM "ApplicationStatusChange" c GROUP BY c."applicationId"
) h
WHERE h."applicationId" = a.id AND h.rank IS NOT NULL;
INSERT INTO "FundStageCount" ("fundId", "stageRank", "count", "createdAt", "updatedAt")
SELECT a."fundId", s, count(*), now(), now()
FROM "Application" a CROSS JOIN LATERAL generate_series(0, a."furthestStageRank") AS s
WHERE a."furthestStageRank" >= 0
GROUP BY a."fundId", s;
