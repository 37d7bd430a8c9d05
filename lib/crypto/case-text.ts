// ─── RISKY FILE: staff free text about a case (docs/decisions/0045-staff-text-under-the-case-key.md) ───
// Reasons that staff write about a case — for a vote, a conflict, a decline, a reveal or its request, a
// personal export, a ruling — say things about a person ("documents look forged", "to match the name on the
// debt demand"). They are sealed under the case's own data key, like the statement: "delete my data", the
// retention sweep and the emergency lock make them unreadable together with the case, also in backups and
// in the append-only audit log, which holds only the sealed text.
import "server-only";
import { decrypt, encryptForCase, LOCKED_TEXT } from "@/lib/crypto";
import { loadCaseKeys, lockedFlag } from "@/lib/crypto/case-keys";
import { AppError } from "@/lib/errors";
import { DecryptionError } from "@/lib/crypto/field-encryption";
import type { Tx } from "@/lib/db/client";

const context = (applicationId: string) => `CaseText:${applicationId}`;
const SEALED = "pv1.";

/**
 * Seals a staff text under the case's key (creating the key if the case has none yet). Empty stays empty.
 * A case whose data was deleted keeps no new text about the person (null); under the emergency lock nothing
 * new about a case can be written (the action is refused, translated).
 */
export async function sealCaseText(tx: Tx, applicationId: string, text: string | null | undefined): Promise<string | null> {
  if (!text) return null;
  await loadCaseKeys(tx, [applicationId], { create: true });
  return sealLoadedCaseText(applicationId, text);
}

/** The same with the case's key already loaded (`loadCaseKeys(tx, ids, { create: true })`), e.g. for many cases. */
export function sealLoadedCaseText(applicationId: string, text: string): string | null {
  if (!text) return null;
  try {
    return encryptForCase(applicationId, text, context(applicationId));
  } catch (e) {
    if (lockedFlag.value) throw new AppError("INVALID_STATE", "deployment locked", { messageKey: "security.lockedTryLater" });
    if (e instanceof Error && /not loaded/.test(e.message)) return null; // destroyed with the case's data
    throw e;
  }
}

export type OpenedText = { text: string; erased: false } | { text: null; erased: true };

/**
 * Opens a stored staff text (load the case keys first: `loadCaseKeys(db, ids)`). Text written before
 * sealing existed reads as it is; a text whose case key was destroyed reads as erased; under the emergency
 * lock it reads as the lock mark.
 */
export function openCaseText(applicationId: string, stored: string | null | undefined): string | null {
  if (!stored) return null;
  if (!stored.startsWith(SEALED)) return stored;
  try {
    return decrypt(stored, context(applicationId));
  } catch (e) {
    if (e instanceof DecryptionError) return null; // the case's data was deleted: the text went with it
    throw e;
  }
}

export { LOCKED_TEXT };
