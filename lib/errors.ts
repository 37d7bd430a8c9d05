// Expected failures of a use case. The action wrapper maps them to a translated message; anything
// else is an unexpected error, logged once with an event id and shown generically.
export const ERROR_CODES = [
  "NOT_FOUND",
  "FORBIDDEN",
  "UNAUTHENTICATED",
  "INVALID_INPUT",
  "INVALID_STATE",
  "CONFLICT",
  "RATE_LIMITED",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type MessageValue = string | number | { minor: number; currency: string };

export type AppErrorOptions = {
  /** Translation keys (under `validation`) per form field. */
  fieldErrors?: Record<string, string[]>;
  messageKey?: string;
  messageValues?: Record<string, MessageValue>;
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors?: Record<string, string[]>;
  /** Full message key (e.g. "auth.badCredentials") when the code's generic message is not specific enough. */
  readonly messageKey?: string;
  /** Values for the message; a `{ minor, currency }` value is formatted as money in the reader's locale. */
  readonly messageValues?: Record<string, MessageValue>;
  /** `message` is for logs and tests (never shown); what the user reads comes from `messageKey` or the code. */
  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = options.fieldErrors;
    this.messageKey = options.messageKey;
    this.messageValues = options.messageValues;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
