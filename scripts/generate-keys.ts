// `npm run keys:generate`: prints fresh secrets for a production .env (never commit them).
import crypto from "node:crypto";
import { generateX25519Identity, identityToRecipient } from "age-encryption";
import { generateKeySpec } from "../lib/crypto/field-encryption";
import { generateSigningKey, signingKeyFrom } from "../lib/mirrors/signed-list";

const id = `k${new Date().toISOString().slice(0, 10).replaceAll("-", "")}`;
console.log(`AUTH_SECRET=${crypto.randomBytes(32).toString("base64url")}`);
console.log(`ENCRYPTION_KEYS=${generateKeySpec(id)}`);
console.log(`BLIND_INDEX_KEY=${crypto.randomBytes(32).toString("base64url")}`);
// The intake key of sealed applications (docs/decisions/0046-sealed-applications.md): the private key stays
// with the deployment like the master keys; the public key (age1…) is what the offline page seals to.
const intake = await generateX25519Identity();
console.log(`INTAKE_KEYS=${intake}`);
console.log(
  `# intake public key (shown on /apply/offline; give it to nobody as a secret, it is public): ${await identityToRecipient(intake)}`,
);
// The mirror list's signing key (ADR 0047): the private key goes into the environment; the public key and
// its fingerprint are for the README and the channels (they are also on /{locale}/mirrors).
const mirrors = generateSigningKey();
const { publicKey, fingerprint } = signingKeyFrom(mirrors);
console.log(`MIRRORS_SIGNING_KEY=${mirrors}`);
console.log(`# mirror list public key: ed25519 ${publicKey}`);
console.log(`# mirror list key fingerprint: ${fingerprint}`);
