// A forged mirror list posted into a channel: an address swapped for the censor's, an address added, the
// date moved, or a whole list made up and signed with the forger's own key. Each must be refused.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  BEGIN,
  END,
  fingerprintOf,
  generateSigningKey,
  normaliseKey,
  signingKeyFrom,
  signMirrorList,
  verifyMirrorList,
} from "@/lib/mirrors/signed-list";

const ONION = "http://padtrymkaexampleonionaddressxxxxxxxxxxxxxxxxxxxxxxxx.onion";
const URLS = ["https://padtrymka.example", "https://mirror.example", ONION];
const ours = signingKeyFrom(generateSigningKey());
const theirs = signingKeyFrom(generateSigningKey());
const list = signMirrorList(URLS, "2026-05-01", ours);

describe("the signed mirror list", () => {
  it("round-trips: signed by our key, it verifies against our public key and against our fingerprint", () => {
    const expected = { ok: true, urls: URLS, date: "2026-05-01", publicKey: ours.publicKey, fingerprint: ours.fingerprint };
    expect(verifyMirrorList(list, ours.publicKey)).toEqual(expected);
    expect(verifyMirrorList(list, ours.fingerprint)).toEqual(expected);
    expect(verifyMirrorList(list, ours.fingerprint.replaceAll(" ", "").toLowerCase())).toEqual(expected);
    expect(verifyMirrorList(list, `ed25519 ${ours.publicKey}`)).toEqual(expected);
  });

  it("is plain text between two marker lines, with the key and one address per line", () => {
    const lines = list.trim().split("\n");
    expect(lines[0]).toBe(BEGIN);
    expect(lines.at(-1)).toBe(END);
    expect(lines).toContain(`key: ed25519 ${ours.publicKey}`);
    expect(lines.filter((l) => l.startsWith("url: "))).toEqual(URLS.map((u) => `url: ${u}`));
    // Deterministic (Ed25519): every app node gives the same text for the same day.
    expect(signMirrorList(URLS, "2026-05-01", ours)).toBe(list);
  });

  it("survives what a messenger does to text: words around it, indentation, blank lines, CRLF", () => {
    const posted = `New addresses, check them:\r\n\r\n${list
      .split("\n")
      .map((l) => `  ${l}  `)
      .join("\r\n\r\n")}\nStay safe.`;
    expect(verifyMirrorList(posted, ours.publicKey).ok).toBe(true);
  });

  it.each([
    ["an address swapped", list.replace("https://mirror.example", "https://mirror-evil.example")],
    ["an address added", list.replace(`url: ${ONION}`, `url: ${ONION}\nurl: https://evil.example`)],
    ["an address removed", list.replace("url: https://mirror.example\n", "")],
    ["the date moved", list.replace("2026-05-01", "2027-05-01")],
    ["a signature byte flipped", list.replace(/signature: (.)/, (_, c: string) => `signature: ${c === "A" ? "B" : "A"}`)],
  ])("refuses a changed list: %s", (_, forged) => {
    expect(verifyMirrorList(forged, ours.publicKey)).toMatchObject({ ok: false, reason: "changed", fingerprint: ours.fingerprint });
  });

  it("refuses a list signed by another key, even though its signature is valid, and names that key's fingerprint", () => {
    const made = signMirrorList(["https://evil.example"], "2026-05-02", theirs);
    expect(verifyMirrorList(made, theirs.publicKey).ok).toBe(true); // valid under the forger's key…
    expect(verifyMirrorList(made, ours.publicKey)).toEqual({
      ok: false,
      reason: "other_key",
      publicKey: theirs.publicKey,
      fingerprint: theirs.fingerprint,
    }); // …not ours
    expect(verifyMirrorList(made, ours.fingerprint)).toMatchObject({ reason: "other_key" });
    // Our list with the key line replaced by the forger's: still not ours.
    expect(verifyMirrorList(list.replace(ours.publicKey, theirs.publicKey), ours.publicKey)).toMatchObject({ reason: "other_key" });
  });

  it.each([
    ["nothing", ""],
    ["no end marker", list.replace(END, "")],
    ["no signature", list.replace(/signature: .*\n/, "")],
    ["no address", signMirrorList([], "2026-05-01", ours)],
    ["an address with a path", list.replace("https://mirror.example", "https://mirror.example/login")],
    ["an unknown line", list.replace("date:", "note: hi\ndate:")],
    ["two lists in one", list + list],
    ["an oversized paste", list + "x".repeat(20_001)],
    ["a foreign format", list.replace("padtrymka-mirrors-1", "padtrymka-mirrors-2")],
  ])("refuses what is not one whole list: %s", (_, text) => {
    expect(verifyMirrorList(text, ours.publicKey)).toEqual({ ok: false, reason: "malformed" });
  });

  it("says so when the expected key itself is not a key (nothing matches it)", () => {
    expect(verifyMirrorList(list, "no key")).toMatchObject({ ok: false, reason: "other_key" });
    expect(normaliseKey("no key")).toBeNull();
  });

  it("has a fingerprint of ten groups of four hex digits, from SHA-256 of the public key", () => {
    expect(ours.fingerprint).toMatch(/^([0-9A-F]{4} ){9}[0-9A-F]{4}$/);
    const raw = Buffer.from(ours.publicKey, "base64url");
    expect(ours.fingerprint.replaceAll(" ", "")).toBe(crypto.createHash("sha256").update(raw).digest("hex").slice(0, 40).toUpperCase());
    expect(fingerprintOf(theirs.publicKey)).not.toBe(ours.fingerprint);
  });

  it("uses node:crypto's Ed25519: the public key is the one node derives, the signature node's own", () => {
    const seed = generateSigningKey();
    expect(Buffer.from(seed, "base64url")).toHaveLength(32);
    const jwkKey = crypto.createPrivateKey({
      key: { kty: "OKP", crv: "Ed25519", d: seed, x: signingKeyFrom(seed).publicKey },
      format: "jwk",
    });
    const sig = /signature: (\S+)/.exec(signMirrorList(URLS, "2026-05-01", signingKeyFrom(seed)))![1]!;
    const body = signMirrorList(URLS, "2026-05-01", signingKeyFrom(seed)).split("\n").slice(1, -3).join("\n") + "\n";
    expect(crypto.sign(null, Buffer.from(body), jwkKey).toString("base64url")).toBe(sig);
  });
});
