-- AlterTable
ALTER TABLE "User" ADD COLUMN     "passwordPending" BOOLEAN NOT NULL DEFAULT false;

-- Accounts created by email sign-up chose their password before the address was confirmed, so whoever
-- created them may not own the address (pre-hijacking). Their password stops working until the owner,
-- signed in by a link, types it again or chooses another; their sessions end now (a pre-hijacker may hold
-- one). Accounts with two-factor sign-in keep their password: the second factor was set up signed in.
UPDATE "User" u SET "passwordPending" = true, "sessionVersion" = u."sessionVersion" + 1
WHERE u.email IS NOT NULL AND u."passwordHash" IS NOT NULL AND u."totpEnabledAt" IS NULL
  AND EXISTS (SELECT 1 FROM "AuditEvent" e WHERE e."entityId" = u.id AND e.action = 'user.registered' AND e.data->>'method' = 'email');
UPDATE "UserSession" s SET "revokedAt" = now()
FROM "User" u WHERE s."userId" = u.id AND u."passwordPending" AND s."revokedAt" IS NULL;
