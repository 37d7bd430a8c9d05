// Field encryption bound to this deployment's keyring (from the validated environment).
import "server-only";
import { env } from "@/lib/env";
import { decryptBytes, decryptField, encryptBytes, encryptField, parseKeyring, type Keyring } from "@/lib/crypto/field-encryption";

let ring: Keyring | undefined;
const keyring = () => (ring ??= parseKeyring(env().ENCRYPTION_KEYS));

export const encrypt = (plaintext: string, context: string) => encryptField(keyring(), plaintext, context);
export const decrypt = (value: string, context: string) => decryptField(keyring(), value, context);
export const encryptBinary = (plaintext: Buffer, context: string) => encryptBytes(keyring(), plaintext, context);
export const decryptBinary = (value: Uint8Array, context: string) => decryptBytes(keyring(), value, context);
