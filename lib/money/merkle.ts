// Verifiable payouts (docs/decisions/0012-ledger-and-payouts.md): each transfer is a salted leaf; a fund's
// week of leaves is a Merkle tree whose root is published. A recipient's receipt token holds their record,
// so they (and only they) can show that their payout is in the published root.
import crypto from "node:crypto";

export type PayoutRecord = { fundId: string; weekStart: string; amountMinor: number; currency: string; salt: string };

const sha256 = (...parts: (Buffer | string)[]) => {
  const h = crypto.createHash("sha256");
  for (const p of parts) h.update(p);
  return h.digest();
};

export function newSalt(): string {
  return crypto.randomBytes(16).toString("hex");
}

export function recordString(r: PayoutRecord): string {
  return `padtrymka-payout-v1|${r.fundId}|${r.weekStart}|${r.amountMinor}|${r.currency}|${r.salt}`;
}

/** Leaf hash (hex): domain-separated from inner nodes. */
export function leafHash(r: PayoutRecord): string {
  return sha256(Buffer.from([0]), recordString(r)).toString("hex");
}

function parent(left: string, right: string): string {
  return sha256(Buffer.from([1]), Buffer.from(left, "hex"), Buffer.from(right, "hex")).toString("hex");
}

function levels(leaves: string[]): string[][] {
  if (leaves.length === 0) return [[]];
  const out = [leaves];
  while (out.at(-1)!.length > 1) {
    const level = out.at(-1)!;
    const next: string[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? parent(level[i]!, level[i + 1]!) : level[i]!);
    out.push(next);
  }
  return out;
}

/** Root of the tree over leaves in order; the empty tree's root is SHA-256 of nothing. */
export function merkleRoot(leaves: string[]): string {
  if (leaves.length === 0) return sha256().toString("hex");
  return levels(leaves).at(-1)![0]!;
}

export type ProofStep = { side: "left" | "right"; hash: string };

/** Sibling hashes from the leaf at `index` up to the root. */
export function merkleProof(leaves: string[], index: number): ProofStep[] {
  if (index < 0 || index >= leaves.length) throw new RangeError("leaf index out of range");
  const proof: ProofStep[] = [];
  let i = index;
  for (const level of levels(leaves).slice(0, -1)) {
    const sibling = i % 2 === 0 ? i + 1 : i - 1;
    if (sibling < level.length) proof.push({ side: i % 2 === 0 ? "right" : "left", hash: level[sibling]! });
    i = Math.floor(i / 2);
  }
  return proof;
}

export function verifyProof(leaf: string, proof: ProofStep[], root: string): boolean {
  let h = leaf;
  for (const step of proof) h = step.side === "right" ? parent(h, step.hash) : parent(step.hash, h);
  return h === root;
}

/** The token shown to the recipient: their record, base64url. */
export function encodeReceiptToken(r: PayoutRecord): string {
  return Buffer.from(JSON.stringify([1, r.fundId, r.weekStart, r.amountMinor, r.currency, r.salt])).toString("base64url");
}

export function decodeReceiptToken(token: string): PayoutRecord | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(token.trim(), "base64url").toString("utf8"));
    if (!Array.isArray(v) || v.length !== 6 || v[0] !== 1) return null;
    const [, fundId, weekStart, amountMinor, currency, salt] = v as unknown[];
    if (typeof fundId !== "string" || !/^[a-z0-9]{1,40}$/i.test(fundId.replace(/-/g, ""))) return null;
    if (typeof weekStart !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(weekStart)) return null;
    if (typeof amountMinor !== "number" || !Number.isSafeInteger(amountMinor) || amountMinor <= 0) return null;
    if (typeof currency !== "string" || !/^[A-Z]{3}$/.test(currency)) return null;
    if (typeof salt !== "string" || !/^[0-9a-f]{32}$/.test(salt)) return null;
    return { fundId, weekStart, amountMinor, currency, salt };
  } catch {
    return null;
  }
}

/** Monday (UTC) of the week containing `d`, as YYYY-MM-DD. */
export function weekStartOf(d: Date): string {
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const dow = (day.getUTCDay() + 6) % 7;
  day.setUTCDate(day.getUTCDate() - dow);
  return day.toISOString().slice(0, 10);
}
