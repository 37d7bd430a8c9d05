// The published anchor of the audit chain (docs/decisions/0052-published-audit-anchor.md): the hash over
// every stripe's head (lib/audit/verify.ts, chainAnchor), the heads it covers, and a signed block a person
// can copy out of the transparency page. Whoever kept an anchor (its hash and time) can later check that
// the current chain still extends it: the anchor's heads must hash to the kept value, each head's link must
// still carry its hash, and the whole chain must verify. Rewriting an event before the anchor changes every
// later link's hash, so it cannot pass without a SHA-256 collision. No server-only import:
// scripts/audit-verify.ts uses it too.
import crypto from "node:crypto";
import { chainAnchor, GENESIS, verifyAuditChain, type ChainReport, type Query } from "@/lib/audit/verify";
import type { SigningKey } from "@/lib/mirrors/signed-list";

export const ANCHOR_BEGIN = "-----BEGIN PADTRYMKA AUDIT ANCHOR-----";
export const ANCHOR_END = "-----END PADTRYMKA AUDIT ANCHOR-----";
const FORMAT = "padtrymka-audit-anchor-1";

export type AnchorHead = { stripe: number; links: string; hash: string };

/** Every stripe's head now, as an anchor covers them. */
export async function currentHeads(query: Query): Promise<AnchorHead[]> {
  const rows = await query(`SELECT id, "chainIndex"::text AS links, hash FROM "AuditChainHead" ORDER BY id`, []);
  return rows.map((r) => ({ stripe: Number(r.id), links: r.links as string, hash: r.hash as string }));
}

/** The one string to keep: `HASH@TIME` (TIME in ISO 8601, UTC, milliseconds). */
export const anchorReference = (anchor: string, time: Date) => `${anchor}@${time.toISOString()}`;

/** Reads `HASH@TIME`; null for anything else. */
export function parseAnchorReference(text: string): { anchor: string; time: Date } | null {
  const m = /^([0-9a-fA-F]{64})@(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)$/.exec(text.trim());
  const time = m ? new Date(m[2]!) : null;
  // Exactly the form shown: a time that does not read back the same (2026-02-30, 25:00) is not one.
  if (!time || Number.isNaN(time.getTime()) || time.toISOString() !== m![2]) return null;
  return { anchor: m![1]!.toLowerCase(), time };
}

/** The block shown on the transparency page, signed with the deployment's Ed25519 key. */
export function signedAnchorText(anchor: string, time: Date, key: SigningKey): string {
  const lines = [`format: ${FORMAT}`, `time: ${time.toISOString()}`, `anchor: ${anchor}`, `key: ed25519 ${key.publicKey}`];
  const signature = crypto.sign(null, Buffer.from(`${lines.join("\n")}\n`, "utf8"), key.privateKey).toString("base64url");
  return [ANCHOR_BEGIN, ...lines, `signature: ${signature}`, ANCHOR_END].join("\n") + "\n";
}

/** Checks a signed block: its anchor, time and key when the signature holds, else null. */
export function verifySignedAnchor(text: string): { anchor: string; time: Date; publicKey: string } | null {
  const start = text.indexOf(ANCHOR_BEGIN);
  const end = text.indexOf(ANCHOR_END, start + 1);
  if (start < 0 || end < 0) return null;
  const lines = text
    .slice(start + ANCHOR_BEGIN.length, end)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const signed = lines.slice(0, 4);
  const [format, time, anchor, key] = signed.map((l) => l.slice(l.indexOf(":") + 1).trim());
  const signature = lines[4]?.startsWith("signature: ") ? lines[4].slice("signature: ".length) : null;
  if (lines.length !== 5 || format !== FORMAT || !time || !anchor || !key?.startsWith("ed25519 ") || !signature) return null;
  if (!signed[1]!.startsWith("time: ") || !signed[2]!.startsWith("anchor: ") || !signed[3]!.startsWith("key: ")) return null;
  const publicKey = key.slice("ed25519 ".length);
  try {
    const k = crypto.createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: publicKey }, format: "jwk" });
    if (!crypto.verify(null, Buffer.from(`${signed.join("\n")}\n`, "utf8"), k, Buffer.from(signature, "base64url"))) return null;
  } catch {
    return null;
  }
  return { anchor, time: new Date(time), publicKey };
}

export type AnchorCheck =
  | { ok: true; links: number; anchorNow: string }
  /**
   * `unknown_anchor`: no anchor with that hash was published at that time (removed, or a wrong copy);
   * `history_changed`: the chain no longer passes through the anchor's heads; otherwise the chain itself is broken.
   */
  | { ok: false; reason: "unknown_anchor" | "history_changed"; stripe: number | null }
  | { ok: false; reason: Extract<ChainReport, { ok: false }>["reason"]; stripe: number | null; brokenAt: number | null };

/** Does the current chain extend the anchor `anchor` published at `time`? */
export async function checkAnchor(query: Query, anchor: string, time: Date): Promise<AnchorCheck> {
  const rows = await query(`SELECT anchor, heads FROM "AuditAnchor" WHERE to_char("publishedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') = $1`, [
    time.toISOString(),
  ]);
  const row = rows.find((r) => r.anchor === anchor);
  if (!row) return { ok: false, reason: "unknown_anchor", stripe: null };
  const heads = row.heads as AnchorHead[];
  // The stored heads must be what the kept hash covers: otherwise they were rewritten to fit a new history.
  if (chainAnchor(heads) !== anchor) return { ok: false, reason: "history_changed", stripe: null };
  for (const h of heads) {
    // A stripe still empty when the anchor was taken (no link yet): any chain extends it.
    if (h.links === "0" && h.hash === GENESIS) continue;
    const link = await query(`SELECT hash FROM "AuditChain" WHERE stripe = $1 AND "chainIndex" = $2`, [h.stripe, h.links]);
    if (link[0]?.hash !== h.hash) return { ok: false, reason: "history_changed", stripe: h.stripe };
  }
  const report = await verifyAuditChain(query);
  if (!report.ok) return { ok: false, reason: report.reason, stripe: report.stripe, brokenAt: report.brokenAt };
  return { ok: true, links: report.links, anchorNow: report.head };
}
