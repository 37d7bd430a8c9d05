import { z } from "zod";

/** "pad 7kq4 m9xd" -> "PAD-7KQ4-M9XD": people read codes aloud and retype them from paper. */
export function normaliseReferenceCode(raw: string): string {
  const s = raw.toUpperCase().replace(/[^0-9A-Z]/g, "");
  const body = s.startsWith("PAD") ? s.slice(3) : s;
  return body.length === 8 ? `PAD-${body.slice(0, 4)}-${body.slice(4)}` : raw.trim().toUpperCase();
}

export const StatusLookupSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, { message: "required" })
    .max(40, { message: "too_long" })
    .transform(normaliseReferenceCode)
    .pipe(z.string().regex(/^PAD-[0-9A-Z]{4}-[0-9A-Z]{4}$/, { message: "reference_code" })),
});
export type StatusLookupInput = z.infer<typeof StatusLookupSchema>;
