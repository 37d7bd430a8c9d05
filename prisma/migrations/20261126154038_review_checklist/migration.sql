-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "verifiedItems" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Fund" ADD COLUMN     "verificationChecklist" TEXT[] DEFAULT ARRAY[]::TEXT[];
