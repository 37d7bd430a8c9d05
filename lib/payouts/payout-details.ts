// A payout's destination, decrypted only for a fund manager of the fund's own use (e.g. a bank batch).
import "server-only";
import { decrypt } from "@/lib/crypto";
import { DecryptionError } from "@/lib/crypto/field-encryption";

/** Payout details for a fund manager of the fund (decrypted only here, e.g. for a bank batch). */
export function payoutDetails(payoutId: string, detailsEnc: string | null): string {
  if (!detailsEnc) return "";
  try {
    return decrypt(detailsEnc, `Payout.details:${payoutId}`);
  } catch (e) {
    // The case's data was deleted (its key destroyed): the details are gone for good.
    if (e instanceof DecryptionError) return "";
    throw e;
  }
}
