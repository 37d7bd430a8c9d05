import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { caseScore, parseRubric, rubricFromText, RubricSchema, rubricToText, weightedScore } from "@/lib/reviews/rubric";

const rubric = [
  { label: "Need", weight: 3 },
  { label: "Evidence", weight: 1 },
];

describe("rubric", () => {
  it("weights criteria: 5 on need and 0 on evidence is 75", () => {
    expect(weightedScore(rubric, { Need: 5, Evidence: 0 })).toBe(75);
    expect(weightedScore(rubric, { Need: 5, Evidence: 5 })).toBe(100);
    expect(weightedScore(rubric, { Need: 0, Evidence: 0 })).toBe(0);
  });
  it("refuses a missing, fractional or out-of-range score", () => {
    expect(weightedScore(rubric, { Need: 5 })).toBeNull();
    expect(weightedScore(rubric, { Need: 6, Evidence: 1 })).toBeNull();
    expect(weightedScore(rubric, { Need: -1, Evidence: 1 })).toBeNull();
    expect(weightedScore(rubric, { Need: 2.5, Evidence: 1 })).toBeNull();
    expect(weightedScore([], {})).toBeNull();
  });
  it("the case score is the mean of reviewers who scored, ignoring conflicts; -1 when nobody did", () => {
    expect(caseScore(rubric, [])).toBe(-1);
    expect(caseScore(rubric, [{ rubricScores: null, conflictDeclared: false }])).toBe(-1);
    const ballots = [
      { rubricScores: { Need: 5, Evidence: 5 }, conflictDeclared: false },
      { rubricScores: { Need: 5, Evidence: 0 }, conflictDeclared: false },
      { rubricScores: { Need: 0, Evidence: 0 }, conflictDeclared: true },
    ];
    expect(caseScore(rubric, ballots)).toBe(88); // (100 + 75) / 2 = 87.5
  });
  it("a score stays within 0..100 for any valid input", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 10 }),
        (rows) => {
          const r = rows.map(([weight], i) => ({ label: `c${i}`, weight }));
          const s = weightedScore(r, Object.fromEntries(rows.map(([, p], i) => [`c${i}`, p])));
          return s !== null && s >= 0 && s <= 100;
        },
      ),
    );
  });
  it("reads the settings text and refuses duplicates, bad weights and too many criteria", () => {
    expect(RubricSchema.parse(rubricFromText("Need: 3\n\nEvidence\n"))).toEqual([
      { label: "Need", weight: 3 },
      { label: "Evidence", weight: 1 },
    ]);
    expect(rubricToText(rubric)).toBe("Need: 3\nEvidence: 1");
    expect(RubricSchema.safeParse(rubricFromText("Need: 3\nneed: 2")).success).toBe(false);
    expect(RubricSchema.safeParse(rubricFromText("Need: 11")).success).toBe(false);
    expect(RubricSchema.safeParse(rubricFromText("Need: x")).success).toBe(false);
    expect(RubricSchema.safeParse(rubricFromText(Array.from({ length: 11 }, (_, i) => `c${i}`).join("\n"))).success).toBe(false);
    expect(parseRubric("nonsense")).toEqual([]);
  });
});
