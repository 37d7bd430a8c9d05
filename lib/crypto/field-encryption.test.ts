import { describe, expect, it } from "vitest";
import {
  blindIndex,
  decryptField,
  DecryptionError,
  encryptField,
  generateKeySpec,
  keyIdOf,
  parseKeyring,
} from "@/lib/crypto/field-encryption";

const k1 = generateKeySpec("k1");
const k2 = generateKeySpec("k2");

describe("field encryption (AES-256-GCM)", () => {
  const ring = parseKeyring(k1);

  it("round-trips text, including Cyrillic and emoji", () => {
    for (const text of ["", "Іван Іванавіч", "+375 29 123-45-67", "🙂 statement\nwith lines"]) {
      expect(decryptField(ring, encryptField(ring, text, "ctx"), "ctx")).toBe(text);
    }
  });

  it("never produces the same ciphertext twice and never contains the plaintext", () => {
    const a = encryptField(ring, "Secret Name", "ctx");
    const b = encryptField(ring, "Secret Name", "ctx");
    expect(a).not.toBe(b);
    expect(a).not.toContain("Secret");
    expect(a.startsWith("pv1.k1.")).toBe(true);
  });

  it("refuses a value decrypted under another context (copied to another row or field)", () => {
    const v = encryptField(ring, "x", "Application.legalName:1");
    expect(() => decryptField(ring, v, "Application.legalName:2")).toThrow(DecryptionError);
  });

  it("detects tampering", () => {
    const v = encryptField(ring, "amount 100", "ctx");
    const parts = v.split(".");
    const ct = Buffer.from(parts[3]!, "base64url");
    ct[0] = ct[0]! ^ 1;
    parts[3] = ct.toString("base64url");
    expect(() => decryptField(ring, parts.join("."), "ctx")).toThrow(DecryptionError);
  });

  it("rotates: new values use the first key, old values still decrypt", () => {
    const old = encryptField(parseKeyring(k1), "before", "ctx");
    const rotated = parseKeyring(`${k2},${k1}`);
    const fresh = encryptField(rotated, "after", "ctx");
    expect(keyIdOf(fresh)).toBe("k2");
    expect(decryptField(rotated, old, "ctx")).toBe("before");
    expect(decryptField(rotated, fresh, "ctx")).toBe("after");
    expect(() => decryptField(parseKeyring(k2), old, "ctx")).toThrow(/no key k1/);
  });

  it("rejects malformed keyrings", () => {
    expect(() => parseKeyring("k1:c2hvcnQ=")).toThrow(/32 bytes/);
    expect(() => parseKeyring(`${k1},${k1}`)).toThrow(/twice/);
    expect(() => parseKeyring("nokey")).toThrow();
  });

  it("computes a stable keyed blind index that depends on the key", () => {
    expect(blindIndex("secret-a", "+375291234567")).toBe(blindIndex("secret-a", "+375291234567"));
    expect(blindIndex("secret-a", "+375291234567")).not.toBe(blindIndex("secret-b", "+375291234567"));
  });
});
