import { describe, expect, it } from "vitest";
import { actionsAt, approvalRefusal, caseFullyPaid, ledgerEntriesFor, nextStatus, requestRefusal } from "@/lib/payouts/rules";

describe("payout lifecycle", () => {
  it.each([
    ["approve", "REQUESTED", "APPROVED"],
    ["send", "APPROVED", "SENT"],
    ["confirm", "SENT", "CONFIRMED"],
    ["report_not_received", "SENT", "NOT_RECEIVED"],
    ["investigate", "NOT_RECEIVED", "INVESTIGATING"],
    ["resend", "INVESTIGATING", "SENT"],
    ["cancel", "REQUESTED", "CANCELLED"],
    ["cancel", "APPROVED", "CANCELLED"],
    ["cancel", "INVESTIGATING", "CANCELLED"],
  ] as const)("%s from %s goes to %s", (action, from, to) => {
    expect(nextStatus(action, from)).toBe(to);
  });
  it.each([
    ["send", "REQUESTED"],
    ["approve", "APPROVED"],
    ["cancel", "SENT"],
    ["cancel", "CONFIRMED"],
    ["confirm", "CANCELLED"],
    ["resend", "SENT"],
  ] as const)("%s from %s is refused", (action, from) => {
    expect(nextStatus(action, from)).toBeNull();
  });
  it("offers applicants only confirm and report", () => {
    expect(actionsAt("SENT", "applicant")).toEqual(["report_not_received", "confirm"]);
    expect(actionsAt("SENT", "manager")).toEqual([]);
    expect(actionsAt("APPROVED", "manager")).toEqual(["send", "cancel"]);
  });
});

describe("separation of duties", () => {
  const base = { requestedById: "a", approverId: "b", voterIds: ["r1", "r2"], applicantId: "x" };
  it("allows a different manager who did not vote", () => expect(approvalRefusal(base)).toBeNull());
  it("refuses the requester", () => expect(approvalRefusal({ ...base, approverId: "a" })).toBe("same_person"));
  it("refuses someone who voted on the case", () => expect(approvalRefusal({ ...base, approverId: "r2" })).toBe("voted_on_case"));
  it("refuses the applicant", () => expect(approvalRefusal({ ...base, approverId: "x" })).toBe("own_case"));
});

describe("payout requests", () => {
  it("needs an approved case", () => {
    expect(requestRefusal({ caseStatus: "VERIFIED", approvedMinor: null, liveTotalMinor: 0, amountMinor: 1 })).toEqual({
      reason: "case_not_approved",
      status: "VERIFIED",
    });
  });
  it("never exceeds what live payouts do not cover yet", () => {
    expect(requestRefusal({ caseStatus: "APPROVED", approvedMinor: 1000, liveTotalMinor: 600, amountMinor: 400 })).toBeNull();
    expect(requestRefusal({ caseStatus: "APPROVED", approvedMinor: 1000, liveTotalMinor: 600, amountMinor: 401 })).toEqual({
      reason: "over_remaining",
      remainingMinor: 400,
    });
  });
  it("a case is paid when sent payouts cover the approved amount", () => {
    expect(caseFullyPaid(1000, 999)).toBe(false);
    expect(caseFullyPaid(1000, 1000)).toBe(true);
  });
});

describe("ledger entries per step", () => {
  const parts = [
    { bucket: "ACADEMY_DEBT" as const, amountMinor: 600 },
    { bucket: null, amountMinor: 400 },
  ];
  it("commits on approval, releases and pays on send", () => {
    expect(ledgerEntriesFor("p", "approve", "REQUESTED", parts, 1).map((e) => [e.kind, e.amountMinor, e.idempotencyKey])).toEqual([
      ["COMMITMENT", 600, "payout:p:COMMITMENT:1:ACADEMY_DEBT"],
      ["COMMITMENT", 400, "payout:p:COMMITMENT:1:ANY"],
    ]);
    expect(ledgerEntriesFor("p", "send", "APPROVED", parts, 1).map((e) => e.kind)).toEqual([
      "COMMITMENT_RELEASE",
      "COMMITMENT_RELEASE",
      "PAYOUT",
      "PAYOUT",
    ]);
  });
  it("a resend reverses the last attempt and pays again under a new key", () => {
    expect(ledgerEntriesFor("p", "resend", "INVESTIGATING", parts.slice(1), 1).map((e) => e.idempotencyKey)).toEqual([
      "payout:p:REVERSAL:1:ANY",
      "payout:p:PAYOUT:2:ANY",
    ]);
  });
  it("cancelling releases or reverses depending on how far it went", () => {
    expect(ledgerEntriesFor("p", "cancel", "REQUESTED", parts, 1)).toEqual([]);
    expect(ledgerEntriesFor("p", "cancel", "APPROVED", parts, 1).map((e) => e.kind)).toEqual(["COMMITMENT_RELEASE", "COMMITMENT_RELEASE"]);
    expect(ledgerEntriesFor("p", "cancel", "INVESTIGATING", parts, 2).map((e) => e.idempotencyKey)).toEqual([
      "payout:p:REVERSAL:2:ACADEMY_DEBT",
      "payout:p:REVERSAL:2:ANY",
    ]);
  });
});
