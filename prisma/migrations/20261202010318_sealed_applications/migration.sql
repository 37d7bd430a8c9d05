/*
  Warnings:

  - A unique constraint covering the columns `[sealedId]` on the table `Application` will be added. If there are existing duplicate values, this will fail.
  - A unique constraint covering the columns `[claimCodeIndex]` on the table `Application` will be added. If there are existing duplicate values, this will fail.

*/
-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "claimCodeIndex" TEXT,
ADD COLUMN     "claimedAt" TIMESTAMP(3),
ADD COLUMN     "deliveredAt" TIMESTAMP(3),
ADD COLUMN     "sealedDigest" TEXT,
ADD COLUMN     "sealedId" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "sealedHolder" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "SealedRefusal" (
    "claimCodeIndex" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SealedRefusal_pkey" PRIMARY KEY ("claimCodeIndex")
);

-- CreateIndex
CREATE UNIQUE INDEX "Application_sealedId_key" ON "Application"("sealedId");

-- CreateIndex
CREATE UNIQUE INDEX "Application_claimCodeIndex_key" ON "Application"("claimCodeIndex");
