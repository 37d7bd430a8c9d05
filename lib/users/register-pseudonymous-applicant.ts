// Sign-up with no real name and no email: a generated username, the applicant's passphrase, and ten
// one-time recovery codes that are shown once and stored only as hashes.
import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { encryptForUser } from "@/lib/crypto";
import { loadUserKeys } from "@/lib/crypto/case-keys";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { ensurePlatformOrganisation } from "@/lib/users/platform";
import { generateRecoveryCodes, generateUsername, hashRecoveryCode } from "@/lib/users/pseudonym";
import type { PseudonymousSignUpInput } from "@/lib/users/schemas";

export async function registerPseudonymousApplicant(input: PseudonymousSignUpInput, locale = "be") {
  const passwordHash = await hashPassword(input.password);
  for (let attempt = 0; ; attempt++) {
    const username = generateUsername();
    const recoveryCodes = generateRecoveryCodes();
    try {
      const userId = await db().$transaction(async (tx) => {
        const platformId = await ensurePlatformOrganisation(tx);
        const user = await tx.user.create({
          data: {
            username,
            passwordHash,
            locale,
            memberships: { create: { organisationId: platformId, role: "APPLICANT" } },
            recoveryCodes: { create: recoveryCodes.map((c) => ({ codeHash: hashRecoveryCode(c) })) },
          },
          select: { id: true },
        });
        if (input.contactChannel !== "NONE") await loadUserKeys(tx, [user.id], { create: true });
        await tx.applicantProfile.create({
          data: {
            userId: user.id,
            contactChannel: input.contactChannel,
            contactHandleEnc:
              input.contactChannel === "NONE"
                ? null
                : encryptForUser(user.id, input.contactHandle, `ApplicantProfile.contactHandle:${user.id}`),
          },
        });
        await recordAuditEvent(tx, {
          actorId: user.id,
          action: "user.registered",
          entityType: "User",
          entityId: user.id,
          data: { method: "pseudonymous" },
        });
        return user.id;
      });
      return { userId, username, recoveryCodes };
    } catch (e) {
      // A generated username that is already taken: try another one.
      if (isUniqueViolation(e, "username") && attempt < 5) continue;
      throw e;
    }
  }
}
