// Property-based test of the review stage machine: whatever reviewers do, in whatever order, a case is
// approved only with the required distinct, unconflicted approvals and no standing rejection (a fund
// manager who cast no ballot may overrule one); paid is reachable
// only through approved.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canMove } from "@/lib/applications/rules";
import type { ApplicationStatus } from "@/lib/db/generated/enums";
import { REVIEW_ACTIONS, step, type CaseState, type Step } from "@/lib/reviews/rules";

const stepArb: fc.Arbitrary<Step> = fc.record({
  reviewerId: fc.constantFrom("r1", "r2", "r3", "r4", "m1"),
  action: fc.constantFrom(...REVIEW_ACTIONS, "overrule" as const, "uphold" as const),
  amountMinor: fc.option(fc.integer({ min: -5, max: 500_000 }), { nil: undefined }),
  checklistComplete: fc.boolean(),
});

describe("review stage machine (property-based)", () => {
  it("never approves without the required distinct, unconflicted approvals and no standing rejection", () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 40 }), fc.integer({ min: 1, max: 3 }), (steps, required) => {
        let s: CaseState = { status: "SUBMITTED", ballots: [], checklistDone: false };
        for (const st of steps) {
          const next = step(s, st, required);
          if (!next) continue;
          if (next.status === "APPROVED" && s.status !== "APPROVED") {
            const counted = next.ballots.filter((b) => !b.conflictDeclared);
            const approvers = new Set(counted.filter((b) => b.vote === "APPROVE").map((b) => b.reviewerId));
            expect(approvers.size).toBeGreaterThanOrEqual(required);
            // Every rejection was overruled by someone who cast no ballot on the case.
            expect(counted.some((b) => b.vote === "REJECT" && !b.overruledAt)).toBe(false);
            if (st.action === "overrule")
              expect(next.ballots.some((b) => b.reviewerId === st.reviewerId && (b.vote || b.conflictDeclared))).toBe(false);
            expect(s.status).toBe("VERIFIED");
            expect(next.checklistDone).toBe(true);
          }
          s = next;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("reaches paid only through approved, and never leaves a closed stage", () => {
    const statuses: ApplicationStatus[] = [
      "DRAFT",
      "SUBMITTED",
      "SHORTLISTED",
      "VERIFIED",
      "APPROVED",
      "PAID",
      "NEEDS_INFO",
      "REJECTED",
      "WITHDRAWN",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...statuses), { maxLength: 30 }), (targets) => {
        let at: ApplicationStatus = "DRAFT";
        const path: ApplicationStatus[] = [at];
        for (const to of targets) if (canMove(at, to)) path.push((at = to));
        const paid = path.indexOf("PAID");
        if (paid >= 0) expect(path[paid - 1]).toBe("APPROVED");
        for (const closed of ["REJECTED", "WITHDRAWN", "PAID"] as const) {
          const i = path.indexOf(closed);
          if (i >= 0) expect(path.length - 1).toBe(i);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
