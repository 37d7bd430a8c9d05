// The result every server action returns (client-safe: no server imports).
import type { ErrorCode } from "@/lib/errors";

export type ActionResult<T = undefined> =
  | { ok: true; data: T; values?: Record<string, string> }
  | {
      ok: false;
      code: ErrorCode | "INTERNAL";
      /** Already translated for the user's locale. */
      message: string;
      /** Field name -> translation keys under "validation" (the form translates them). */
      fieldErrors?: Record<string, string[]>;
      /** What the user submitted (secrets removed), so the form can be re-rendered without retyping. */
      values?: Record<string, string>;
      eventId?: string;
    };
