-- CreateIndex
CREATE INDEX "Application_fundId_submittedAt_id_idx" ON "Application"("fundId", "submittedAt", "id");

-- CreateIndex
CREATE INDEX "Application_submittedAt_id_idx" ON "Application"("submittedAt", "id");
