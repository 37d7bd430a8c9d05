import { z } from "zod";
import { LRUCache } from "lru-cache";
import { AidPurpose, FieldRequirement, Region, SituationCategory } from "@/lib/db/generated/enums";
import { parseMoneyInput } from "@/lib/money/money";
import { CLAIM_CODE, normaliseClaimCode } from "@/lib/sealed/claim-code";

/** "pad 7kq4 m9xd" -> "PAD-7KQ4-M9XD": people read codes aloud and retype them from paper. */
export function normaliseReferenceCode(raw: string): string {
  const s = raw.toUpperCase().replace(/[^0-9A-Z]/g, "");
  const body = s.startsWith("PAD") ? s.slice(3) : s;
  return body.length === 8 ? `PAD-${body.slice(0, 4)}-${body.slice(4)}` : raw.trim().toUpperCase();
}

/** A reference code (PAD-…) or the claim code of a sealed application (CLM-…), normalised. */
export function normaliseLookupCode(raw: string): string {
  const claim = normaliseClaimCode(raw);
  return CLAIM_CODE.test(claim) ? claim : normaliseReferenceCode(raw);
}

/** A code typed from paper: required, short. */
const typedCode = () => z.string().trim().min(1, { message: "required" }).max(40, { message: "too_long" });

export const StatusLookupSchema = z.object({
  code: typedCode()
    .transform(normaliseLookupCode)
    .pipe(z.string().refine((c) => /^PAD-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(c) || CLAIM_CODE.test(c), { message: "reference_code" })),
});

export const ClaimSchema = z.object({
  code: typedCode()
    .transform(normaliseClaimCode)
    .pipe(z.string().regex(CLAIM_CODE, { message: "claim_code" })),
});
export type StatusLookupInput = z.infer<typeof StatusLookupSchema>;

// ─── Eligibility check and the application form ─────────────────────────────────────────────────────

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const CATEGORIES = Object.values(SituationCategory) as [SituationCategory, ...SituationCategory[]];
const PURPOSES = Object.values(AidPurpose) as [AidPurpose, ...AidPurpose[]];
export const REGIONS = Object.values(Region) as [Region, ...Region[]];

export const EligibilitySchema = z.object({
  category: z.enum(CATEGORIES, { message: "required" }),
  region: z.preprocess(blankToUndefined, z.enum(REGIONS).optional()),
  purpose: z.enum(PURPOSES, { message: "required" }),
});
export type EligibilityInput = z.infer<typeof EligibilitySchema>;

export const StartApplicationSchema = z.object({
  fundId: z.string().min(1, { message: "required" }).max(100),
  category: z.preprocess(blankToUndefined, z.enum(CATEGORIES).optional()),
  region: z.preprocess(blankToUndefined, z.enum(REGIONS).optional()),
  purpose: z.preprocess(blankToUndefined, z.enum(PURPOSES).optional()),
});
export type StartApplicationInput = z.infer<typeof StartApplicationSchema>;

/** What the form needs to know about a fund (serialisable: passed from the page to the client form). */
export type FundFormParams = {
  currency: string;
  capMinor: number;
  categories: SituationCategory[];
  purposes: AidPurpose[];
  legalName: FieldRequirement;
  phone: FieldRequirement;
  city: FieldRequirement;
  birthDate: FieldRequirement;
};

export type FormMode = "draft" | "submit";

/** Personal detail: required only when submitting and the fund requires it; always type-checked. */
function personal(req: FieldRequirement, mode: FormMode, base: z.ZodString) {
  const need = mode === "submit" && req === "REQUIRED";
  return z.preprocess(blankToUndefined, need ? base : base.optional());
}

/**
 * The application form for one fund. "draft" accepts missing answers (saved as they are) but checks the
 * format of what is there; "submit" also requires everything the fund requires.
 */
export function applicationFormSchema(p: FundFormParams, mode: FormMode) {
  // Built once per fund settings and mode: building a zod 4 object schema (and compiling its parser on
  // first use) costs about a millisecond, on every submission otherwise.
  const key = JSON.stringify([p, mode]);
  let schema = schemaCache.get(key);
  if (!schema) {
    schema = buildApplicationFormSchema(p, mode);
    schemaCache.set(key, schema);
  }
  return schema;
}
// 500 fund settings and modes; no ttl: a schema depends on nothing but its key.
const schemaCache = new LRUCache<string, ReturnType<typeof buildApplicationFormSchema>>({ max: 500 });

function buildApplicationFormSchema(p: FundFormParams, mode: FormMode) {
  const need = <T extends z.ZodType>(s: T) => (mode === "submit" ? s : s.optional());
  return z.object({
    intent: z.enum(["save", "submit"], { message: "form_tampered" }).default("save"),
    submissionKey: z.string({ message: "form_tampered" }).min(8, { message: "form_tampered" }).max(100, { message: "form_tampered" }),
    category: z.preprocess(
      blankToUndefined,
      need(z.enum(p.categories as [SituationCategory, ...SituationCategory[]], { message: "required" })),
    ),
    purpose: z.preprocess(blankToUndefined, need(z.enum(p.purposes as [AidPurpose, ...AidPurpose[]], { message: "required" }))),
    region: z.preprocess(blankToUndefined, need(z.enum(REGIONS, { message: "required" }))),
    amount: z.preprocess(
      blankToUndefined,
      need(
        z
          .string()
          .max(20, { message: "amount_format" })
          .transform((s) => parseMoneyInput(s, p.currency))
          .refine((m): m is number => m !== null && m > 0, { message: "amount_format" })
          .refine((m) => m !== null && m <= p.capMinor, { message: "amount_over_cap" }),
      ),
    ),
    statement: z.preprocess(
      blankToUndefined,
      need(
        z
          .string()
          .trim()
          .max(5000, { message: "too_long" })
          .refine((s) => mode === "draft" || s.length >= 20, { message: "statement_short" }),
      ),
    ),
    legalName: personal(p.legalName, mode, z.string().trim().min(2, { message: "required" }).max(200, { message: "too_long" })),
    phone: personal(
      p.phone,
      mode,
      z
        .string()
        .trim()
        .max(40, { message: "too_long" })
        .regex(/^\+?[\d\s()-]{7,}$/, { message: "phone_format" }),
    ),
    city: personal(p.city, mode, z.string().trim().min(1, { message: "required" }).max(100, { message: "too_long" })),
    birthDate: personal(
      p.birthDate,
      mode,
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "date_format" })
        .refine((d) => !Number.isNaN(Date.parse(d)) && Date.parse(d) < Date.now(), { message: "date_format" }),
    ),
  });
}
export type ApplicationFormOutput = z.output<ReturnType<typeof buildApplicationFormSchema>>;

export const WithdrawSchema = z.object({ applicationId: z.string().min(1).max(100) });
export const DeleteDataSchema = z.object({
  applicationId: z.string().min(1).max(100),
  confirmed: z.literal("yes", { message: "confirm_delete" }),
});
export const AnswerInfoSchema = z.object({
  applicationId: z.string().min(1).max(100),
  answer: z.string().trim().min(2, { message: "required" }).max(5000, { message: "too_long" }),
});
