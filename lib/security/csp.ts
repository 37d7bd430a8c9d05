// Pages: nothing from another origin, and scripts only with this response's nonce (Next.js puts it on
// its own scripts); no 'unsafe-inline' for scripts. The directives live in csp-policy.mjs.
import { policy } from "./csp-policy.mjs";

export function pageCsp(nonce: string): string {
  return policy(`'self' 'nonce-${nonce}' 'strict-dynamic'`);
}

/** A fresh, unguessable nonce per response (128 bits, base64). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
