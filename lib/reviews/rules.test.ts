import { describe, expect, it } from "vitest";
import { actionsAt, canRule, checklistComplete, decide, isAllowed, moveOf, type Ballot } from "@/lib/reviews/rules";

const b = (reviewerId: string, vote: "APPROVE" | "REJECT" | null, amount: number | null = null, conflictDeclared = false): Ballot => ({
  reviewerId,
  vote,
  approvedAmountMinor: amount,
  conflictDeclared,
});

describe("reviewer actions by stage", () => {
  it.each([
    ["shortlist", "SUBMITTED", true],
    ["shortlist", "SHORTLISTED", false],
    ["verify", "SHORTLISTED", true],
    ["verify", "SUBMITTED", false],
    ["vote_approve", "VERIFIED", true],
    ["vote_approve", "SHORTLISTED", false],
    ["decline", "VERIFIED", false],
    ["request_info", "VERIFIED", true],
    ["request_info", "NEEDS_INFO", false],
    ["shortlist", "APPROVED", false],
  ] as const)("%s at %s: %s", (action, status, ok) => {
    expect(isAllowed(action, status)).toBe(ok);
  });

  it("offers nothing on closed cases", () => {
    for (const s of ["APPROVED", "PAID", "REJECTED", "WITHDRAWN", "DRAFT"] as const) expect(actionsAt(s)).toEqual([]);
  });

  it("moves along the lifecycle only", () => {
    expect(moveOf("shortlist")).toBe("SHORTLISTED");
    expect(moveOf("verify")).toBe("VERIFIED");
    expect(moveOf("vote_approve")).toBeNull();
  });
});

describe("verification checklist", () => {
  it("needs every item of the fund's checklist", () => {
    expect(checklistComplete(["Order seen", "Debt demand seen"], ["Debt demand seen", "Order seen"])).toBe(true);
    expect(checklistComplete(["Order seen", "Debt demand seen"], ["Order seen", "something else"])).toBe(false);
    expect(checklistComplete([], [])).toBe(true);
  });
});

describe("four eyes", () => {
  it("approves with the required number of distinct approvals, at the smallest amount", () => {
    expect(decide([b("r1", "APPROVE", 100_000), b("r2", "APPROVE", 80_000)], 2)).toEqual({ outcome: "APPROVED", amountMinor: 80_000 });
  });

  it("waits while approvals are missing", () => {
    expect(decide([b("r1", "APPROVE", 100_000)], 2)).toEqual({ outcome: "PENDING", approvals: 1, needed: 2 });
  });

  it("never counts one reviewer twice", () => {
    expect(decide([b("r1", "APPROVE", 100_000), b("r1", "APPROVE", 90_000)], 2).outcome).toBe("PENDING");
  });

  it("excludes reviewers who declared a conflict", () => {
    expect(decide([b("r1", "APPROVE", 100_000), b("r2", "APPROVE", 100_000, true)], 2).outcome).toBe("PENDING");
    expect(decide([b("r1", "APPROVE", 100_000), b("r2", "REJECT", null, true)], 1).outcome).toBe("APPROVED");
  });

  it("is blocked by any rejection", () => {
    expect(decide([b("r1", "APPROVE", 1), b("r2", "APPROVE", 1), b("r3", "REJECT")], 2)).toEqual({ outcome: "BLOCKED", rejections: 1 });
  });

  it("requires at least one approval even if a fund is misconfigured", () => {
    expect(decide([], 0).outcome).toBe("PENDING");
  });
});

describe("fund manager rulings", () => {
  const reject = { reviewerId: "r2", vote: "REJECT" as const, approvedAmountMinor: null, conflictDeclared: false };
  const approve = (id: string) => ({ reviewerId: id, vote: "APPROVE" as const, approvedAmountMinor: 100, conflictDeclared: false });
  it("an overruled rejection no longer blocks", () => {
    expect(decide([approve("r1"), approve("r3"), reject], 2).outcome).toBe("BLOCKED");
    expect(decide([approve("r1"), approve("r3"), { ...reject, overruledAt: new Date() }], 2)).toEqual({
      outcome: "APPROVED",
      amountMinor: 100,
    });
  });
  it("only a non-voter rules, and only on a blocked verified case", () => {
    expect(canRule("VERIFIED", [approve("r1"), reject], "m1")).toBe("ok");
    expect(canRule("VERIFIED", [approve("r1"), reject], "r1")).toBe("voted");
    expect(canRule("VERIFIED", [approve("r1"), reject], "r2")).toBe("voted");
    expect(canRule("VERIFIED", [approve("r1")], "m1")).toBe("not_blocked");
    expect(canRule("SHORTLISTED", [reject], "m1")).toBe("not_blocked");
    expect(canRule("VERIFIED", [{ ...reject, overruledAt: new Date() }], "m1")).toBe("not_blocked");
  });
});
