-- AlterTable
ALTER TABLE "User" ADD COLUMN     "quickExitSignOut" BOOLEAN;
