// Pure rules of the aid application lifecycle (domain.md):
// draft -> submitted -> shortlisted -> verified -> approved -> paid; side exits needs info (back to the
// stage that asked), rejected, withdrawn. Every move is checked here and nowhere else.
import crypto from "node:crypto";
import type { AidPurpose, ApplicationStatus, SituationCategory } from "@/lib/db/generated/enums";

const MOVES: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  DRAFT: ["SUBMITTED", "WITHDRAWN"],
  SUBMITTED: ["SHORTLISTED", "NEEDS_INFO", "REJECTED", "WITHDRAWN"],
  SHORTLISTED: ["VERIFIED", "NEEDS_INFO", "REJECTED", "WITHDRAWN"],
  VERIFIED: ["APPROVED", "NEEDS_INFO", "REJECTED", "WITHDRAWN"],
  NEEDS_INFO: ["SUBMITTED", "SHORTLISTED", "VERIFIED", "REJECTED", "WITHDRAWN"],
  APPROVED: ["PAID"],
  PAID: [],
  REJECTED: [],
  WITHDRAWN: [],
};

export function canMove(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return MOVES[from].includes(to);
}

export const isWithdrawable = (s: ApplicationStatus) => canMove(s, "WITHDRAWN");

/** Where a case goes back to when the applicant answers a request for information. */
export function returnAfterInfo(returnStatus: ApplicationStatus | null): ApplicationStatus {
  return returnStatus && ["SUBMITTED", "SHORTLISTED", "VERIFIED"].includes(returnStatus) ? returnStatus : "SUBMITTED";
}

// Unambiguous when read aloud or copied by hand: no 0/O, 1/I/L.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** PAD-XXXX-XXXX: 8 random symbols of 31, about 40 bits, looked up behind a rate limit. */
export function generateReferenceCode(): string {
  const s = Array.from({ length: 8 }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]).join("");
  return `PAD-${s.slice(0, 4)}-${s.slice(4)}`;
}

/** +375 (29) 123-45-67 and 80291234567 are the same Belarusian number. */
export function normalisePhone(raw: string): string {
  let d = raw.replace(/[^\d+]/g, "");
  if (d.startsWith("00")) d = `+${d.slice(2)}`;
  if (/^80\d{9}$/.test(d)) d = `+375${d.slice(2)}`;
  if (!d.startsWith("+")) d = `+${d}`;
  return d;
}

/** Case, spacing, accents and letter order of the words do not matter; the birth date does. */
export function normaliseIdentity(legalName: string, birthDate: string): string {
  const words = legalName
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/ё/g, "е")
    .split(/[^\p{L}]+/u)
    .filter(Boolean)
    .sort();
  return `${words.join(" ")}|${birthDate}`;
}

export type FundRules = { id: string; status: "OPEN" | "CLOSED"; eligibleCategories: SituationCategory[]; eligiblePurposes: AidPurpose[] };

export function fundAccepts(fund: FundRules, category?: SituationCategory, purpose?: AidPurpose): boolean {
  return (
    fund.status === "OPEN" &&
    (!category || fund.eligibleCategories.includes(category)) &&
    (!purpose || fund.eligiblePurposes.includes(purpose))
  );
}
