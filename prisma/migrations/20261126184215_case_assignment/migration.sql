-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "assignedToId" TEXT;

-- CreateIndex
CREATE INDEX "Application_assignedToId_status_idx" ON "Application"("assignedToId", "status");
