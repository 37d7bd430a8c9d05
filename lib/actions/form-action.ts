// One wrapper for every server action (docs/decisions/0007-action-wrapper.md):
// parse FormData with the shared zod schema -> call the use case -> map AppError to a translated result.
// Redirects and notFound() thrown by the use case pass through. Unexpected errors are logged once with
// an event id (never the input) and shown as a generic message quoting that id.
import "server-only";
import crypto from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import { fieldErrorsOf, zodErrorMap } from "@/lib/actions/validation-key";
import { isAppError } from "@/lib/errors";
import { logger } from "@/lib/log";
import { formatMoney } from "@/lib/money/money";

const SECRET_FIELDS = /pass|secret|token|code|otp/i;

export function formValues(fd: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  // A repeated field (checkboxes) keeps all its values, one per line.
  for (const [k, v] of fd.entries())
    if (typeof v === "string" && !k.startsWith("$ACTION") && !SECRET_FIELDS.test(k)) out[k] = k in out ? `${out[k]}\n${v}` : v;
  return out;
}

function formToObject(fd: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of fd.entries()) {
    if (k.startsWith("$ACTION")) continue;
    if (k in out) out[k] = ([] as unknown[]).concat(out[k], v);
    else out[k] = v;
  }
  return out;
}

export function formAction<S extends z.ZodType, T>(
  name: string,
  schema: S,
  handler: (input: z.output<S>) => Promise<T>,
): (prev: ActionResult<T> | null, fd: FormData) => Promise<ActionResult<T>> {
  return async (_prev, fd) => {
    const values = formValues(fd);
    // Translations are loaded only when there is something to say (not on the success path).
    const errors = () => getTranslations("errors");
    // A NUL character cannot be stored in PostgreSQL text or JSON: refuse it here, by field, instead of
    // letting the database fail the request (found by the fuzzing suite).
    const raw = formToObject(fd);
    const withNul = Object.entries(raw).filter(([, v]) =>
      ([] as unknown[]).concat(v).some((x) => typeof x === "string" && x.includes("\u0000")),
    );
    if (withNul.length > 0) {
      for (const [k] of withNul) values[k] = (values[k] ?? "").replaceAll("\u0000", "");
      return {
        ok: false,
        code: "INVALID_INPUT",
        message: (await errors())("INVALID_INPUT"),
        fieldErrors: Object.fromEntries(withNul.map(([k]) => [k, ["invalid_characters"]])),
        values,
      };
    }
    const parsed = schema.safeParse(raw, { error: zodErrorMap });
    if (!parsed.success) {
      return {
        ok: false,
        code: "INVALID_INPUT",
        message: (await errors())("INVALID_INPUT"),
        fieldErrors: fieldErrorsOf(parsed.error.issues, raw),
        values,
      };
    }
    try {
      return { ok: true, data: await handler(parsed.data), values };
    } catch (e) {
      unstable_rethrow(e);
      if (isAppError(e)) {
        const locale = await getLocale();
        const shown = Object.fromEntries(
          Object.entries(e.messageValues ?? {}).map(([k, v]) => [k, typeof v === "object" ? formatMoney(v.minor, v.currency, locale) : v]),
        );
        const message = e.messageKey ? (await getTranslations())(e.messageKey as never, shown as never) : (await errors())(e.code);
        return { ok: false, code: e.code, message, fieldErrors: e.fieldErrors, values };
      }
      const eventId = crypto.randomUUID().slice(0, 8);
      logger.error(
        {
          event: "action.failed",
          action: name,
          eventId,
          err: e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : String(e),
        },
        "server action failed",
      );
      return { ok: false, code: "INTERNAL", message: (await errors())("INTERNAL", { eventId }), values, eventId };
    }
  };
}
