// The delivery and import forms (client-safe: no encryption library here).
import { z } from "zod";

const SEALED_MAX_TEXT = 42 * 1024 * 1024; // the armored form of the largest sealed file (lib/sealed/format.ts)

const chosenFile = z.preprocess((v) => (v instanceof File && v.size > 0 ? v : undefined), z.file().optional());

/** /deliver: a sealed application as a file, or its text pasted. */
export const DeliverSchema = z
  .object({
    file: chosenFile,
    text: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
      z.string().max(SEALED_MAX_TEXT, { message: "too_long" }).optional(),
    ),
  })
  .refine((v) => v.file !== undefined || v.text !== undefined, { message: "sealed_missing", path: ["file"] });
export type DeliverInput = z.infer<typeof DeliverSchema>;

/** A fund manager's import: one or more sealed files for the fund (the page sends one at a time with JavaScript). */
export const ImportSealedSchema = z.object({
  fundId: z.string().min(1).max(100),
  files: z.preprocess(
    (v) => ([] as unknown[]).concat(v ?? []).filter((f) => f instanceof File && f.size > 0),
    z.array(z.file()).min(1, { message: "sealed_missing" }).max(500, { message: "too_many_files" }),
  ),
});
