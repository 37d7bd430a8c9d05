import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decodeRemembered } from "@/lib/auth/remembered-tokens";

const secret = "test-secret-test-secret-test-secret-0001";
const salt = "authjs.session-token";

afterEach(() => vi.useRealTimers());

describe("remembered session tokens", () => {
  it("gives the same claims as decrypting, and a copy each time", async () => {
    const token = await encode({ token: { sub: "user-1", sv: 3 }, secret, salt, maxAge: 60 });
    const first = await decodeRemembered({ token, secret, salt });
    expect(first).toMatchObject({ sub: "user-1", sv: 3 });
    first!.sub = "changed by a callback";
    expect(await decodeRemembered({ token, secret, salt })).toMatchObject({ sub: "user-1", sv: 3 });
  });

  it("stops accepting a remembered token once it expires", async () => {
    const token = await encode({ token: { sub: "user-2" }, secret, salt, maxAge: 60 });
    expect(await decodeRemembered({ token, secret, salt })).toMatchObject({ sub: "user-2" });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 10 * 60_000);
    await expect(decodeRemembered({ token, secret, salt })).rejects.toThrow();
  });

  it("does not remember a token accepted within the clock tolerance after its expiry", async () => {
    const token = await encode({ token: { sub: "user-4" }, secret, salt, maxAge: 60 });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 65_000); // past exp, within the decoder's 15 s tolerance
    expect(await decodeRemembered({ token, secret, salt })).toMatchObject({ sub: "user-4" });
    vi.setSystemTime(Date.now() + 60_000);
    await expect(decodeRemembered({ token, secret, salt })).rejects.toThrow();
  });

  it("never accepts a token under another salt or a tampered one", async () => {
    const token = await encode({ token: { sub: "user-3" }, secret, salt, maxAge: 60 });
    await decodeRemembered({ token, secret, salt });
    await expect(decodeRemembered({ token, secret, salt: "other" })).rejects.toThrow();
    await expect(decodeRemembered({ token: token.slice(0, -4) + "AAAA", secret, salt })).rejects.toThrow();
  });
});
