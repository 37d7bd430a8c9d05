// The master keyring (ENCRYPTION_KEYS, newest first). It wraps the per-case data keys and encrypts the
// few values that belong to no case (two-factor secrets, profile contact handles).
import "server-only";
import { env } from "@/lib/env";
import { parseKeyring, type Keyring } from "@/lib/crypto/field-encryption";

let ring: Keyring | undefined;
export const masterKeyring = (): Keyring => (ring ??= parseKeyring(env().ENCRYPTION_KEYS));
