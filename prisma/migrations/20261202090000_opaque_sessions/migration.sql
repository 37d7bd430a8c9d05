-- Session cookies become opaque ids checked against "UserSession" (ADR 0051). Sessions begun before this
-- were encrypted JWT cookies, which are no longer accepted: their rows end here (everyone signs in again
-- once) and get a hash no cookie can have.
ALTER TABLE "UserSession" ADD COLUMN "tokenHash" TEXT,
ADD COLUMN "version" INTEGER,
ADD COLUMN "expiresAt" TIMESTAMP(3);

UPDATE "UserSession"
SET "tokenHash" = 'retired:' || "id",
    "version" = -1,
    "expiresAt" = "createdAt",
    "revokedAt" = COALESCE("revokedAt", CURRENT_TIMESTAMP);

ALTER TABLE "UserSession" ALTER COLUMN "tokenHash" SET NOT NULL,
ALTER COLUMN "version" SET NOT NULL,
ALTER COLUMN "expiresAt" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "UserSession_tokenHash_key" ON "UserSession"("tokenHash");
