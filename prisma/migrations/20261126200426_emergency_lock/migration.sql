-- CreateTable
CREATE TABLE "SecurityState" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "lockedAt" TIMESTAMP(3),
    "lockedById" TEXT,
    "unlockCheck" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SecurityState_pkey" PRIMARY KEY ("id")
);

-- A single row; locked implies an unlock check to verify the key against.
ALTER TABLE "SecurityState" ADD CONSTRAINT "SecurityState_single_row" CHECK ("id" = 1);
ALTER TABLE "SecurityState" ADD CONSTRAINT "SecurityState_locked_has_check" CHECK ("lockedAt" IS NULL OR "unlockCheck" IS NOT NULL);
INSERT INTO "SecurityState" ("id", "updatedAt") VALUES (1, now());
