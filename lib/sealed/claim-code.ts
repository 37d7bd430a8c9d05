// Claim codes of sealed applications (docs/decisions/0046-sealed-applications.md), apart from the sealed
// format so that the status form does not carry the encryption library. Client-safe.
// Claim codes: 12 characters of Crockford's base32 (60 bits), shown as CLM-XXXX-XXXX-XXXX. They attach a case
// to an account, so they are long enough not to be guessed in the status lookup's rate limit.
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const CLAIM_CODE = /^CLM-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

export function generateClaimCode(random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  const bytes = random(12);
  const chars = Array.from(bytes, (b) => CROCKFORD[b & 31]).join("");
  return `CLM-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** "clm abcd efgh jk1m" or "CLMABCDEFGHJK1M" -> "CLM-ABCD-EFGH-JK1M" (people retype it from paper). */
export function normaliseClaimCode(raw: string): string {
  const s = raw
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  const body = s.startsWith("C1M") || s.startsWith("CLM") ? s.slice(3) : s;
  return body.length === 12 ? `CLM-${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8)}` : raw.trim().toUpperCase();
}
