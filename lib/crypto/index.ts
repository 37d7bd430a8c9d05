// Field encryption bound to this deployment's keys: the master keyring (from the validated environment)
// and the per-case data keys loaded on this node (lib/crypto/case-keys.ts). Decryption picks the key
// named in the value; `encrypt` uses the master key, `encryptForCase` the case's own data key.
import "server-only";
import { CASE_KEY_PREFIX, caseKeyring, compositeKeys, lockedFlag, userKeyring } from "@/lib/crypto/case-keys";
import { DecryptionError, decryptBytes, decryptField, encryptBytes, encryptField, type Keyring } from "@/lib/crypto/field-encryption";
import { masterKeyring } from "@/lib/crypto/master";

const all = (): Keyring => ({ current: masterKeyring().current, keys: compositeKeys });

export const encrypt = (plaintext: string, context: string) => encryptField(masterKeyring(), plaintext, context);
/** While the deployment is under the emergency lock, a case's values read as this mark instead of failing. */
export const LOCKED_TEXT = "🔒";
export const decrypt = (value: string, context: string) => {
  try {
    return decryptField(all(), value, context);
  } catch (e) {
    if (e instanceof DecryptionError && lockedFlag.value && value.startsWith(`pv1.${CASE_KEY_PREFIX}`)) return LOCKED_TEXT;
    throw e;
  }
};
export const decryptBinary = (value: Uint8Array, context: string) => decryptBytes(all(), value, context);

/** Encrypts under the case's own data key (load it first: `loadCaseKeys(tx, [id], { create: true })`). */
export const encryptForCase = (applicationId: string, plaintext: string, context: string, ring: Keyring = caseKeyring(applicationId)) =>
  encryptField(ring, plaintext, context);
/** Encrypts under the applicant's own data key (load it first: `loadUserKeys(tx, [id], { create: true })`). */
export const encryptForUser = (userId: string, plaintext: string, context: string) => encryptField(userKeyring(userId), plaintext, context);
export const encryptBinaryForCase = (applicationId: string, plaintext: Buffer, context: string) =>
  encryptBytes(caseKeyring(applicationId), plaintext, context);
