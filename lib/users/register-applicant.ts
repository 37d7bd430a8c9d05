// Sign-up with email + password. To avoid revealing who has an account (being registered here can put
// a person at risk), an existing email gets exactly the same answer as a new one: "check your email".
// The password chosen here is pending: it works only after the owner of the address, signed in by the link
// sent to it, types it again or chooses another (docs/decisions/0025-passwords-need-a-confirmed-email.md).
// Otherwise anyone could register someone else's address and sign in later with the password they chose.
import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { ensurePlatformOrganisation } from "@/lib/users/platform";
import type { SignUpInput } from "@/lib/users/schemas";

export async function registerApplicant(input: SignUpInput, locale = "be"): Promise<{ created: boolean }> {
  const passwordHash = await hashPassword(input.password); // always, so timing does not tell either
  return db().$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) return { created: false };
    const platformId = await ensurePlatformOrganisation(tx);
    const user = await tx.user.create({
      data: {
        email: input.email,
        passwordHash,
        passwordPending: true,
        locale,
        memberships: { create: { organisationId: platformId, role: "APPLICANT" } },
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "user.registered",
      entityType: "User",
      entityId: user.id,
      data: { method: "email" },
    });
    return { created: true };
  });
}
