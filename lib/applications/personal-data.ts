// ─── RISKY FILE: an application's personal data ────────────────────────────────────────────────────
// Which columns hold personal data, how each is encrypted (bound to the row and field), and how to
// destroy them. Everything else on Application is non-identifying statistics.
import "server-only";
import { decrypt, encryptForCase } from "@/lib/crypto";
import type { Keyring } from "@/lib/crypto/field-encryption";

export const PERSONAL_FIELDS = {
  statement: "statementEnc",
  legalName: "legalNameEnc",
  phone: "phoneEnc",
  city: "cityEnc",
  birthDate: "birthDateEnc",
} as const;
export type PersonalField = keyof typeof PERSONAL_FIELDS;
type EncColumn = (typeof PERSONAL_FIELDS)[PersonalField];

const context = (applicationId: string, field: PersonalField) => `Application.${field}:${applicationId}`;

/** Columns to write: ciphertext under the case's data key (loaded with `create`), null for cleared ones. */
export function encryptPersonal(applicationId: string, values: Partial<Record<PersonalField, string | undefined>>, ring?: Keyring) {
  const out: Partial<Record<EncColumn, string | null>> = {};
  for (const [field, column] of Object.entries(PERSONAL_FIELDS) as [PersonalField, EncColumn][]) {
    if (!(field in values)) continue;
    const v = values[field];
    out[column] = v ? encryptForCase(applicationId, v, context(applicationId, field), ring) : null;
  }
  return out;
}

export function decryptPersonal(
  applicationId: string,
  row: Partial<Record<EncColumn, string | null>>,
): Partial<Record<PersonalField, string>> {
  const out: Partial<Record<PersonalField, string>> = {};
  for (const [field, column] of Object.entries(PERSONAL_FIELDS) as [PersonalField, EncColumn][]) {
    const v = row[column];
    if (v) out[field] = decrypt(v, context(applicationId, field));
  }
  return out;
}

/** Update that destroys every personal field of an application (files and messages are deleted separately). */
export const ERASED_PERSONAL_DATA = {
  statementEnc: null,
  legalNameEnc: null,
  phoneEnc: null,
  cityEnc: null,
  birthDateEnc: null,
  city: null,
  phoneIndex: null,
  identityIndex: null,
} as const;
