// A local SMTP server for demo mode and tests: accepts every message and saves it as JSON under `dir`
// (the e2e tests read magic links from there). Never used when SMTP_URL points at a real server.
import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export async function startSmtpCatcher({ dir, port = 0, log = console.log, showLinks = false }) {
  fs.mkdirSync(dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"], // or nodemailer tries to log in / upgrade
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
          const record = { to, subject: mail.subject ?? "", text: mail.text ?? "", date: new Date().toISOString() };
          const file = path.join(dir, `${Date.now()}-${Math.random().toString(36).slice(2, 8)}.json`);
          fs.writeFileSync(file, JSON.stringify(record, null, 2));
          const link = showLinks ? (record.text.match(/https?:\/\/\S+/) ?? [])[0] : undefined;
          log(`[mail] message to ${to.join(", ")} saved to ${file}${link ? `\n[mail] link: ${link}` : ""}`);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const actual = server.server.address().port;
  return { port: actual, url: `smtp://127.0.0.1:${actual}`, stop: () => new Promise((r) => server.close(r)) };
}
