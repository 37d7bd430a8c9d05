-- CreateTable
CREATE TABLE "DataKey" (
    "id" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "wrappedKey" TEXT,
    "masterKeyId" TEXT,
    "destroyedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DataKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DataKey_owner_key" ON "DataKey"("owner");

-- CreateIndex
CREATE INDEX "DataKey_masterKeyId_idx" ON "DataKey"("masterKeyId");

-- A key is either live (wrapped, with its master key id) or destroyed (nothing left to unwrap).
ALTER TABLE "DataKey" ADD CONSTRAINT "DataKey_live_or_destroyed" CHECK (("wrappedKey" IS NOT NULL AND "masterKeyId" IS NOT NULL AND "destroyedAt" IS NULL) OR ("wrappedKey" IS NULL AND "destroyedAt" IS NOT NULL));
