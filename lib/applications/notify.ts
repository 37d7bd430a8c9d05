// Stage-change notices: only to applicants who gave an email, and deliberately empty of anything
// personal or political — the mailbox may be read by someone else.
import "server-only";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { sendMail } from "@/lib/mail/send-mail";

const NOTICE = {
  subject: "Padtrymka",
  text: [
    "Ёсць навіны па вашым запыце. Увайдзіце, каб паглядзець.",
    "Есть новости по вашему запросу. Войдите, чтобы посмотреть.",
    "There is an update on your request. Sign in to see it.",
  ].join("\n\n"),
};

/** Sent after the change committed; a mail failure never undoes or fails the change. */
export async function notifyApplicant(userId: string, knownEmail?: string | null): Promise<void> {
  try {
    // Callers that already know the address (or know there is none) save a query on a hot path.
    const email =
      knownEmail !== undefined ? knownEmail : (await db().user.findUnique({ where: { id: userId }, select: { email: true } }))?.email;
    if (email) await sendMail({ to: email, ...NOTICE });
  } catch (e) {
    logger.warn({ event: "notify.failed", err: e instanceof Error ? e.message : String(e) }, "applicant notice not sent");
  }
}
