import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { newSessionToken, sessionCookieValue, sessionTokenHash } from "@/lib/auth/session-token";

describe("the opaque session cookie", () => {
  it("is 32 random bytes in base64url, different each time", () => {
    const a = newSessionToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a, "base64url")).toHaveLength(32);
    expect(new Set(Array.from({ length: 100 }, newSessionToken)).size).toBe(100);
  });

  it("is found by its SHA-256; anything of another shape has no hash", () => {
    const t = newSessionToken();
    expect(sessionTokenHash(t)).toBe(crypto.createHash("sha256").update(t).digest("hex"));
    for (const bad of ["", `${t}=`, t.slice(1), `${t}A`, `${t.slice(0, 42)}+`, "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..x.y.z"])
      expect(sessionTokenHash(bad)).toBeNull();
  });

  it("is read from next-auth's cookie, the __Secure- one first, ignoring look-alikes and chunks", () => {
    expect(
      sessionCookieValue([
        { name: "NEXT_LOCALE", value: "en" },
        { name: "authjs.session-token", value: "plain" },
        { name: "__Secure-authjs.session-token", value: "secure" },
      ]),
    ).toBe("secure");
    expect(sessionCookieValue([{ name: "authjs.session-token", value: "plain" }])).toBe("plain");
    expect(sessionCookieValue([{ name: "authjs.session-token.0", value: "chunk" }])).toBeNull();
    expect(sessionCookieValue([{ name: "x-authjs.session-token", value: "x" }])).toBeNull();
    expect(sessionCookieValue([])).toBeNull();
  });
});
