/*
  Warnings:

  - A unique constraint covering the columns `[feeCaseId]` on the table `Enrollment` will be added. If there are existing duplicate values, this will fail.

*/
-- AlterTable
ALTER TABLE "Course" ADD COLUMN     "fundedSeats" INTEGER,
ADD COLUMN     "fundedSeatsUsed" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "fundingSuspendedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Enrollment" ADD COLUMN     "feeCaseId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Enrollment_feeCaseId_key" ON "Enrollment"("feeCaseId");

-- A fund never pays for more seats than it agreed to.
ALTER TABLE "Course" ADD CONSTRAINT "Course_funded_seats_within_agreement" CHECK ("fundedSeatsUsed" >= 0 AND "fundedSeatsUsed" <= COALESCE("fundedSeats", 0));

-- Courses funded before the agreement had a number of seats: the fee cases already opened stay (linked to
-- their enrolment), the agreement is set to exactly those, and the funding is suspended until a fund
-- manager sets how many seats (and at what fee) the fund pays for.
UPDATE "Enrollment" e SET "feeCaseId" = p."applicationId"
FROM "Payout" p WHERE p."idempotencyKey" = 'enrolment:' || e.id AND e."feeCaseId" IS NULL;
UPDATE "Course" c SET
  "fundedSeatsUsed" = (SELECT count(*) FROM "Enrollment" e WHERE e."courseId" = c.id AND e."feeCaseId" IS NOT NULL),
  "fundedSeats" = (SELECT count(*) FROM "Enrollment" e WHERE e."courseId" = c.id AND e."feeCaseId" IS NOT NULL),
  "fundingSuspendedAt" = now()
WHERE c."fundId" IS NOT NULL;
