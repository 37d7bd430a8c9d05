import { describe, expect, it } from "vitest";
import { sessionToken } from "@/lib/auth/session-claims";

const name = "authjs.session-token";

describe("the session cookie as next-auth writes it", () => {
  it("reads a whole cookie, and ignores other cookies", () => {
    expect(
      sessionToken(
        [
          { name: "NEXT_LOCALE", value: "en" },
          { name, value: "abc" },
        ],
        name,
      ),
    ).toBe("abc");
    expect(sessionToken([{ name: `__Secure-${name}`, value: "x" }], name)).toBeNull();
    expect(sessionToken([], name)).toBeNull();
  });

  it("joins chunks in numeric order (.10 after .2), and ignores names that only look alike", () => {
    const chunks = [
      { name: `${name}.10`, value: "K" },
      { name: `${name}.2`, value: "C" },
      { name: `${name}.0`, value: "A" },
      { name: `${name}.1`, value: "B" },
      { name: `${name}.x`, value: "?" },
      { name: `${name}-evil.3`, value: "?" },
    ];
    for (let i = 3; i <= 9; i++) chunks.push({ name: `${name}.${i}`, value: String(i) });
    expect(sessionToken(chunks, name)).toBe("ABC3456789K");
  });
});
