// Every action code the audit log records, as data: the admin's audit list and the access log show each
// one translated (messages "auditActions.<entity>.<verb>"); a unit test scans the use cases for codes
// missing here or in a catalogue. Client-safe.
import { PAYOUT_ACTIONS } from "@/lib/payouts/rules";
import { PROVIDER_ACTIONS } from "@/lib/courses/schemas";
import { REVIEW_ACTIONS } from "@/lib/reviews/rules";

const STATIC = [
  "alert.reviewer_activity",
  "application.draft_created", "application.draft_saved", "application.submitted", "application.info_provided", "application.withdrawn", "application.data_deleted", "application.data_expired",
  "application.sealed_delivered", "application.claimed",
  "audit.chain_verified",
  "case.opened", "case.assigned", "case.released",
  "confirmation.requested", "confirmation.confirmed", "confirmation.refused",
  "course.created", "course.updated", "course.duplicated", "course.published", "course.closed", "course.funded", "course.funding_suspended",
  "deployment.locked", "deployment.unlocked",
  "enrollment.requested", "enrollment.offered_to_candidate", "enrollment.offered_from_waitlist", "enrollment.expired", "enrollment.accept", "enrollment.decline_offer",
  "evidence.added", "evidence.removed", "evidence.downloaded",
  "fund.created", "fund.updated", "fund.cases_exported",
  "identity.revealed", "identity.reveal_requested", "identity.reveal_confirmed", "identity.reveal_refused", "identity.exported",
  "membership.granted", "membership.revoked",
  "organisation.created",
  "payout.requested", "payout.requested_for_course_fee", "payout.batch_exported",
  "pledge.recorded", "pledge.received", "pledge.lapsed",
  "profile.updated",
  "queue.exported",
  "review.note_added", "review.scored", "review.message_sent", "review.bulk_undone", "review.rejection_overruled", "review.rejection_upheld",
  "sessions.ended_everywhere",
  "user.registered", "user.recovered", "user.suspended", "user.reactivated", "user.two_factor_enabled", "user.two_factor_reset", "user.device_signed_out",
  "user.password_confirmed", "user.password_changed", "user.quick_exit_setting_changed",
] as const;

export const AUDIT_ACTIONS: readonly string[] = [
  ...STATIC,
  ...PAYOUT_ACTIONS.map((a) => `payout.${a}`),
  ...PROVIDER_ACTIONS.map((a) => `enrollment.${a}`),
  ...REVIEW_ACTIONS.map((a) => `review.${a}`),
];

/** The message key of an action code under "auditActions", or null when it has none (shown generically). */
export function auditActionKey(code: string, has: (key: string) => boolean): string | null {
  return /^[a-z_]+\.[a-z_]+$/.test(code) && has(code) ? code : null;
}
