// Filters of the access log and the audit list (GET forms: they work without JavaScript and a filtered
// page can be bookmarked). A malformed filter is ignored field by field, never an error page.
import { z } from "zod";
import { normaliseReferenceCode } from "@/lib/applications/schemas";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const day = z.preprocess(
  blank,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)))
    .optional(),
);

export const LogFilterSchema = z.object({
  /** Part of the staff member's email or username. */
  who: z.preprocess(blank, z.string().trim().max(254).optional()),
  /** A case's reference code, typed as people type it ("pad 7kq4 m9xd"). */
  case: z.preprocess(blank, z.string().trim().max(40).transform(normaliseReferenceCode).optional()),
  from: day,
  to: day,
  /** Cursor: the sequence number below which the next page starts. */
  after: z.preprocess(
    blank,
    z
      .string()
      .regex(/^\d{1,19}$/)
      .optional(),
  ),
});
export type LogFilter = z.infer<typeof LogFilterSchema>;

/** Each field on its own: one bad field (a tampered date) drops only that field. */
export function parseLogFilter(raw: Record<string, string | string[] | undefined>): LogFilter {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(LogFilterSchema.shape) as (keyof LogFilter)[]) {
    const v = raw[k];
    const r = LogFilterSchema.shape[k].safeParse(Array.isArray(v) ? v[0] : v);
    if (r.success && r.data !== undefined) out[k] = r.data;
  }
  return out as LogFilter;
}
