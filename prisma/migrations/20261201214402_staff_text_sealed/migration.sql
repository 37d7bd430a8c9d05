/*
  Warnings:

  - You are about to drop the column `reason` on the `BulkOperation` table. All the data in the column will be lost.

*/
-- AlterTable
ALTER TABLE "ApplicationStatusChange" ADD COLUMN     "bulkOperationId" TEXT;

-- AlterTable
ALTER TABLE "BulkOperation" DROP COLUMN "reason";

-- Moves of earlier bulk operations: their marker was written into the reason.
UPDATE "ApplicationStatusChange" SET "bulkOperationId" = substring(reason from '\[bulk ([^\]]+)\]$')
WHERE reason ~ '\[bulk [^\]]+\]$' AND "bulkOperationId" IS NULL;
