-- AlterTable
ALTER TABLE "RecoveryCode" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'account';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "totpEnabledAt" TIMESTAMP(3),
ADD COLUMN     "totpLastStep" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "totpSecretEnc" TEXT;

-- Hand-written invariants (docs/decisions/0016-two-factor.md).
ALTER TABLE "RecoveryCode" ADD CONSTRAINT "RecoveryCode_kind" CHECK ("kind" IN ('account', 'two_factor'));
-- Enabled only with a secret.
ALTER TABLE "User" ADD CONSTRAINT "User_totp_enabled_needs_secret" CHECK ("totpEnabledAt" IS NULL OR "totpSecretEnc" IS NOT NULL);
