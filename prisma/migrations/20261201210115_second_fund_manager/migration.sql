-- CreateEnum
CREATE TYPE "ConfirmationKind" AS ENUM ('RECEIPT', 'FUND_SETTINGS');

-- CreateEnum
CREATE TYPE "ConfirmationStatus" AS ENUM ('PENDING', 'CONFIRMED', 'REFUSED');

-- AlterTable
ALTER TABLE "Fund" ADD COLUMN     "receiptConfirmationAboveMinor" INTEGER NOT NULL DEFAULT 100000;

-- CreateTable
CREATE TABLE "ConfirmationRequest" (
    "id" TEXT NOT NULL,
    "fundId" TEXT NOT NULL,
    "kind" "ConfirmationKind" NOT NULL,
    "pledgeId" TEXT,
    "amountMinor" INTEGER,
    "settings" JSONB,
    "status" "ConfirmationStatus" NOT NULL DEFAULT 'PENDING',
    "requestedById" TEXT NOT NULL,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConfirmationRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConfirmationRequest_fundId_status_idx" ON "ConfirmationRequest"("fundId", "status");

-- AddForeignKey
ALTER TABLE "ConfirmationRequest" ADD CONSTRAINT "ConfirmationRequest_fundId_fkey" FOREIGN KEY ("fundId") REFERENCES "Fund"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Four eyes in the database too: whoever asked never confirms their own request.
ALTER TABLE "ConfirmationRequest" ADD CONSTRAINT "ConfirmationRequest_decider_not_requester" CHECK ("decidedById" IS NULL OR "decidedById" <> "requestedById");
ALTER TABLE "ConfirmationRequest" ADD CONSTRAINT "ConfirmationRequest_receipt_has_amount" CHECK (kind <> 'RECEIPT' OR ("pledgeId" IS NOT NULL AND "amountMinor" > 0));
ALTER TABLE "ConfirmationRequest" ADD CONSTRAINT "ConfirmationRequest_decided_when_not_pending" CHECK ((status = 'PENDING') = ("decidedById" IS NULL));
