-- AlterTable
ALTER TABLE "Course" ADD COLUMN     "feeMinor" INTEGER,
ADD COLUMN     "fundId" TEXT,
ADD COLUMN     "fundedById" TEXT;

ALTER TABLE "Course" ADD CONSTRAINT "Course_fee_positive" CHECK ("feeMinor" IS NULL OR "feeMinor" > 0);
ALTER TABLE "Course" ADD CONSTRAINT "Course_funding_complete" CHECK (("fundId" IS NULL) = ("fundedById" IS NULL) AND ("fundId" IS NULL OR "feeMinor" IS NOT NULL));
