// Outgoing mail through SMTP (a local catcher in demo mode and tests, a real server in production).
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";

let transport: Transporter | undefined;

export async function sendMail(m: { to: string; subject: string; text: string }): Promise<void> {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) {
    logger.warn({ event: "mail.not_configured" }, "SMTP_URL is not set; mail not sent");
    return;
  }
  transport ??= nodemailer.createTransport(SMTP_URL);
  await transport.sendMail({ from: MAIL_FROM, to: m.to, subject: m.subject, text: m.text });
  logger.info({ event: "mail.sent" }, "mail sent");
}
