import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decodeReceiptToken,
  encodeReceiptToken,
  leafHash,
  merkleProof,
  merkleRoot,
  newSalt,
  verifyProof,
  weekStartOf,
  type PayoutRecord,
} from "@/lib/money/merkle";

const rec = (i: number): PayoutRecord => ({
  fundId: "fund1",
  weekStart: "2026-11-23",
  amountMinor: 1000 + i,
  currency: "USD",
  salt: i.toString(16).padStart(32, "0"),
});

describe("Merkle inclusion proofs", () => {
  it("verifies every leaf of trees of every size from 1 to 33", () => {
    for (let n = 1; n <= 33; n++) {
      const leaves = Array.from({ length: n }, (_, i) => leafHash(rec(i)));
      const root = merkleRoot(leaves);
      leaves.forEach((leaf, i) => expect(verifyProof(leaf, merkleProof(leaves, i), root)).toBe(true));
    }
  });
  it("rejects a leaf that is not in the tree, a tampered proof and another root", () => {
    const leaves = Array.from({ length: 7 }, (_, i) => leafHash(rec(i)));
    const root = merkleRoot(leaves);
    const proof = merkleProof(leaves, 3);
    expect(verifyProof(leafHash(rec(99)), proof, root)).toBe(false);
    expect(verifyProof(leaves[3]!, [{ ...proof[0]!, hash: leaves[0]! }, ...proof.slice(1)], root)).toBe(false);
    expect(verifyProof(leaves[3]!, proof, merkleRoot(leaves.slice(0, 6)))).toBe(false);
  });
  it("holds for random trees (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ minLength: 32, maxLength: 32 }), { minLength: 1, maxLength: 64 }), fc.nat(), (raw, k) => {
        const leaves = raw.map((b) => Buffer.from(b).toString("hex"));
        const i = k % leaves.length;
        expect(verifyProof(leaves[i]!, merkleProof(leaves, i), merkleRoot(leaves))).toBe(true);
      }),
    );
  });
  it("a leaf does not reveal its amount without the salt", () => {
    const a = { ...rec(1), salt: newSalt() };
    const b = { ...a, salt: newSalt() };
    expect(leafHash(a)).not.toBe(leafHash(b));
  });
  it("round-trips the receipt token and refuses garbage", () => {
    const r = { ...rec(5), salt: newSalt() };
    expect(decodeReceiptToken(encodeReceiptToken(r))).toEqual(r);
    expect(decodeReceiptToken("not a token")).toBeNull();
    expect(decodeReceiptToken(Buffer.from(JSON.stringify([1, "f", "2026-01-01", -5, "USD", newSalt()])).toString("base64url"))).toBeNull();
  });
  it("weeks start on Monday (UTC)", () => {
    expect(weekStartOf(new Date("2026-11-26T16:00:00Z"))).toBe("2026-11-23");
    expect(weekStartOf(new Date("2026-11-23T00:00:00Z"))).toBe("2026-11-23");
    expect(weekStartOf(new Date("2026-11-22T23:59:59Z"))).toBe("2026-11-16");
  });
});
