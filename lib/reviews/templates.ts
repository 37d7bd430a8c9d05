// Translated message templates reviewers start a message to the applicant with (messages `templates.*`);
// the stored message keeps the key, so each reader sees the template in their own language.
export const MESSAGE_TEMPLATES = [
  "upload_document",
  "clarify_amount",
  "clarify_statement",
  "confirm_payout_details",
  "received_thanks",
] as const;
export type MessageTemplate = (typeof MESSAGE_TEMPLATES)[number];
