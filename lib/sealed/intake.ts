// The deployment's intake key of sealed applications (docs/decisions/0046-sealed-applications.md): the
// private key(s) from INTAKE_KEYS (or INTAKE_KEYS_FILE), kept like the master keys — never in the database;
// the public key (age1…) is what the offline page seals to, and what a carrier may check against the
// README. And the version of a fund's questions, which a sealed application carries.
import "server-only";
import crypto from "node:crypto";
import { identityToRecipient } from "age-encryption";
import { formParamsOf } from "@/lib/applications/load-own";
import { env } from "@/lib/env";

/** The intake private keys, newest first; empty when this deployment does not take sealed applications. */
export function intakeIdentities(): string[] {
  return env().INTAKE_KEYS?.split(",") ?? [];
}

let recipient: Promise<string> | undefined;
/** The public key sealed applications are sealed to (the newest intake key's), or null when there is none. */
export async function intakeRecipient(): Promise<string | null> {
  const [newest] = intakeIdentities();
  if (!newest) return null;
  recipient ??= identityToRecipient(newest);
  return recipient;
}

/**
 * The version of a fund's questions: what the form asks and accepts. A sealed application made against
 * another version is refused with the fund's reason, so nobody's answers are fitted to questions they
 * were not asked.
 */
export function fundFormVersion(fund: Parameters<typeof formParamsOf>[0] & { id: string }): string {
  return crypto
    .createHash("sha256")
    .update(JSON.stringify([fund.id, formParamsOf(fund)]))
    .digest("base64url")
    .slice(0, 16);
}
