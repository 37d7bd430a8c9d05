// argon2id password hashing (@node-rs/argon2: prebuilt, no install script). Parameters follow OWASP's
// argon2id recommendation (19 MiB, 2 iterations): slow enough to hurt guessing, fast enough for a sign-in.
import { hash, verify } from "@node-rs/argon2";

const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

// A real hash of a random password: verifying against it when the account does not exist takes the
// same time as a real check, so response timing does not reveal which accounts exist.
const DUMMY = hash(`dummy-${Math.random()}`, OPTIONS);

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) {
    await verify(await DUMMY, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
