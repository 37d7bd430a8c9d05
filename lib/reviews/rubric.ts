// Pure rules of the scoring rubric (docs/decisions/0015-review-completion.md): a fund's criteria with
// weights, a reviewer's 0-5 per criterion, the reviewer's weighted score and the case's mean on 0-100.
import { z } from "zod";

export const MAX_POINTS = 5;
export const RubricCriterionSchema = z.object({
  label: z.string().trim().min(2, { message: "required" }).max(80, { message: "too_long" }),
  weight: z.coerce.number().int({ message: "weight_range" }).min(1, { message: "weight_range" }).max(10, { message: "weight_range" }),
});
export const RubricSchema = z
  .array(RubricCriterionSchema)
  .max(10, { message: "rubric_too_many" })
  .refine((r) => new Set(r.map((c) => c.label.toLowerCase())).size === r.length, { message: "rubric_duplicate" });
export type Rubric = z.infer<typeof RubricSchema>;

/** A stored rubric (JSON) as criteria; anything malformed is treated as no rubric. */
export function parseRubric(json: unknown): Rubric {
  const r = RubricSchema.safeParse(json);
  return r.success ? r.data : [];
}

/** One criterion per line, "label: weight" (weight 1 when left out) — the fund settings textarea. */
export function rubricFromText(text: string): unknown[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const m = /^(.*?)[:=]\s*(\S+)$/.exec(l);
      return m ? { label: m[1]!.trim(), weight: m[2] } : { label: l, weight: 1 };
    });
}
export const rubricToText = (r: Rubric) => r.map((c) => `${c.label}: ${c.weight}`).join("\n");

/**
 * A reviewer's weighted score, 0-100: every criterion must be scored with a whole number 0-5. Returns
 * null when a criterion is missing or out of range (the use case reports which).
 */
export function weightedScore(rubric: Rubric, scores: Record<string, number>): number | null {
  if (rubric.length === 0) return null;
  let got = 0;
  let max = 0;
  for (const c of rubric) {
    const s = scores[c.label];
    if (s === undefined || !Number.isInteger(s) || s < 0 || s > MAX_POINTS) return null;
    got += s * c.weight;
    max += MAX_POINTS * c.weight;
  }
  return Math.round((100 * got) / max);
}

/** The case's score: the rounded mean of the reviewers' scores that can still be computed; -1 if none. */
export function caseScore(rubric: Rubric, ballots: readonly { rubricScores: unknown; conflictDeclared: boolean }[]): number {
  const scores = ballots
    .filter((b) => !b.conflictDeclared && b.rubricScores && typeof b.rubricScores === "object")
    .map((b) => weightedScore(rubric, b.rubricScores as Record<string, number>))
    .filter((s): s is number => s !== null);
  if (scores.length === 0) return -1;
  return Math.round(scores.reduce((a, b) => a + b, 0) / scores.length);
}
