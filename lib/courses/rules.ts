// The enrolment lifecycle, pure (docs/decisions/0013-courses-and-matching.md):
// requested -> offered | waitlisted | declined; waitlisted -> offered | declined; offered -> accepted |
// declined | expired; accepted -> attending | dropped; attending -> completed | dropped; completed -> hired.
import type { EnrollmentStatus } from "@/lib/db/generated/enums";

export type ProviderAction = "offer" | "waitlist" | "decline" | "start" | "complete" | "hire" | "drop";
export type ApplicantAction = "accept" | "decline_offer";

const PROVIDER: Record<ProviderAction, { from: EnrollmentStatus[]; to: EnrollmentStatus }> = {
  offer: { from: ["REQUESTED", "WAITLISTED"], to: "OFFERED" },
  waitlist: { from: ["REQUESTED"], to: "WAITLISTED" },
  decline: { from: ["REQUESTED", "WAITLISTED"], to: "DECLINED" },
  start: { from: ["ACCEPTED"], to: "ATTENDING" },
  complete: { from: ["ATTENDING"], to: "COMPLETED" },
  hire: { from: ["COMPLETED"], to: "HIRED" },
  drop: { from: ["ACCEPTED", "ATTENDING"], to: "DROPPED" },
};
const APPLICANT: Record<ApplicantAction, { from: EnrollmentStatus[]; to: EnrollmentStatus }> = {
  accept: { from: ["OFFERED"], to: "ACCEPTED" },
  decline_offer: { from: ["OFFERED"], to: "DECLINED" },
};

export const OFFER_DAYS = 3;

export function providerMove(action: ProviderAction, from: EnrollmentStatus): EnrollmentStatus | null {
  return PROVIDER[action].from.includes(from) ? PROVIDER[action].to : null;
}
export function applicantMove(action: ApplicantAction, from: EnrollmentStatus): EnrollmentStatus | null {
  return APPLICANT[action].from.includes(from) ? APPLICANT[action].to : null;
}
export function providerActionsAt(s: EnrollmentStatus): ProviderAction[] {
  return (Object.keys(PROVIDER) as ProviderAction[]).filter((a) => providerMove(a, s));
}
/** Whether the provider may see the applicant's contact details: only once the applicant accepted. */
export const contactVisible = (s: EnrollmentStatus) => ["ACCEPTED", "ATTENDING", "COMPLETED", "HIRED", "DROPPED"].includes(s);

export function offerDeadline(now: Date): Date {
  return new Date(now.getTime() + OFFER_DAYS * 86_400_000);
}

/** Sensible dates for a new course form: starts in 30 days, requests until a week before. */
export function newCourseDates(now = new Date()): { startDate: string; applicationDeadline: string } {
  const at = (d: number) => new Date(now.getTime() + d * 86_400_000).toISOString().slice(0, 10);
  return { startDate: at(30), applicationDeadline: at(23) };
}

export function hasOverdueOffer(enrolments: { status: EnrollmentStatus; offerExpiresAt: Date | null }[], now = new Date()): boolean {
  return enrolments.some((e) => e.status === "OFFERED" && e.offerExpiresAt !== null && e.offerExpiresAt.getTime() < now.getTime());
}
