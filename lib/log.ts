// Structured logs. Never log a form's contents or any personal data: log ids, codes and counts only.
// The redact list is a safety net for mistakes, not a licence to pass personal objects in.
import pino from "pino";
import { logLevel } from "@/lib/env";

export const logger = pino({
  level: logLevel(),
  base: { app: "padtrymka" },
  redact: {
    paths: [
      "email",
      "*.email",
      "password",
      "*.password",
      "passwordHash",
      "*.passwordHash",
      "legalName",
      "*.legalName",
      "phone",
      "*.phone",
      "statement",
      "*.statement",
      "token",
      "*.token",
      "cookie",
      "*.cookie",
      "headers.cookie",
      "headers.authorization",
    ],
    censor: "[redacted]",
  },
});
