import { hkdfSync } from "node:crypto";
import { EncryptJWT } from "jose";
import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decryptSessionToken } from "@/lib/auth/session-token-decrypt";

const secret = "test-secret-test-secret-test-secret-0002";
const salt = "authjs.session-token";
const made = (token: Record<string, unknown>, maxAge = 3600) => encode({ token, secret, salt, maxAge });
// Replace one character of part `i` with another valid one.
const tamper = (token: string, i: number) => {
  const parts = token.split(".");
  const p = parts[i]!;
  const at = Math.floor(p.length / 2);
  parts[i] = p.slice(0, at) + (p[at] === "A" ? "B" : "A") + p.slice(at + 1);
  return parts.join(".");
};

describe("synchronous session token decryption", () => {
  it("gives exactly what next-auth's decoder gives for the tokens next-auth writes", async () => {
    for (const claims of [
      { sub: "user-1", sv: 3 },
      { sub: "user-2", sid: "device-1", email: "a@example.test", name: "Алена" },
      { sub: "u".repeat(500) },
    ]) {
      const token = await made(claims);
      expect(decryptSessionToken(token, secret, salt)).toEqual(await decode({ token, secret, salt }));
    }
  });

  it("refuses a token changed anywhere, under another secret or salt, or with characters outside base64url", async () => {
    const token = await made({ sub: "user-3" });
    for (const i of [0, 2, 3, 4]) {
      expect(() => decryptSessionToken(tamper(token, i), secret, salt)).toThrow();
      await expect(decode({ token: tamper(token, i), secret, salt })).rejects.toThrow();
    }
    expect(() => decryptSessionToken(token, "another-secret-another-secret-0003", salt)).toThrow();
    expect(() => decryptSessionToken(token, secret, "__Secure-authjs.session-token")).toThrow();
    const parts = token.split(".");
    expect(() => decryptSessionToken([parts[0], parts[1], `${parts[2]}!`, parts[3], parts[4]].join("."), secret, salt)).toThrow();
    expect(() => decryptSessionToken(parts.slice(0, 4).join("."), secret, salt)).toThrow();
    expect(() => decryptSessionToken("not a token", secret, salt)).toThrow();
  });

  it("refuses an expired token with next-auth's 15 s of tolerance, and one with a non-numeric expiry", async () => {
    const token = await made({ sub: "user-4" }, 60);
    const exp = (await decode({ token, secret, salt }))!.exp as number;
    expect(decryptSessionToken(token, secret, salt, (exp + 14) * 1000)).toMatchObject({ sub: "user-4" });
    expect(() => decryptSessionToken(token, secret, salt, (exp + 15) * 1000)).toThrow(/expired/);
    const key = hkdfSync("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, 64);
    const odd = await new EncryptJWT({ sub: "user-5", exp: "never" } as never)
      .setProtectedHeader({ alg: "dir", enc: "A256CBC-HS512" })
      .encrypt(new Uint8Array(key));
    expect(() => decryptSessionToken(odd, secret, salt)).toThrow(/exp/);
  });

  it("refuses a token whose key id is not the secret's, and leaves other encryptions to next-auth", async () => {
    const key = new Uint8Array(hkdfSync("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, 64));
    const foreignKid = await new EncryptJWT({ sub: "user-6" })
      .setProtectedHeader({ alg: "dir", enc: "A256CBC-HS512", kid: "someone-else" })
      .setExpirationTime("1h")
      .encrypt(key);
    expect(() => decryptSessionToken(foreignKid, secret, salt)).toThrow(/key id/);
    const noKid = await new EncryptJWT({ sub: "user-7" })
      .setProtectedHeader({ alg: "dir", enc: "A256CBC-HS512" })
      .setExpirationTime("1h")
      .encrypt(key);
    expect(decryptSessionToken(noKid, secret, salt)).toMatchObject({ sub: "user-7" });
    const gcmKey = new Uint8Array(hkdfSync("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, 32));
    const gcm = await new EncryptJWT({ sub: "user-8" })
      .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
      .setExpirationTime("1h")
      .encrypt(gcmKey);
    expect(decryptSessionToken(gcm, secret, salt)).toBeUndefined();
    expect(await decode({ token: gcm, secret, salt })).toMatchObject({ sub: "user-8" });
  });
});
