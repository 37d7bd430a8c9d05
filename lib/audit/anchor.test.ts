import { describe, expect, it } from "vitest";
import { anchorReference, parseAnchorReference, signedAnchorText, verifySignedAnchor } from "@/lib/audit/anchor";
import { generateSigningKey, signingKeyFrom } from "@/lib/mirrors/signed-list";

const anchor = "ab".repeat(32);
const time = new Date("2026-12-02T14:05:06.789Z");

describe("the published audit anchor", () => {
  it("is kept as HASH@TIME and read back exactly; anything else is refused", () => {
    const ref = anchorReference(anchor, time);
    expect(ref).toBe(`${anchor}@2026-12-02T14:05:06.789Z`);
    expect(parseAnchorReference(ref)).toEqual({ anchor, time });
    expect(parseAnchorReference(`${anchor.toUpperCase()}@2026-12-02T14:05:06.789Z`)).toEqual({ anchor, time });
    for (const bad of [
      "",
      anchor,
      `${anchor}@`,
      `${anchor.slice(1)}@2026-12-02T14:05:06.789Z`,
      `${anchor}@2026-13-45T99:99:99.000Z`,
      `${anchor}@2026-02-30T10:00:00.000Z`,
      `${anchor}@2026-12-02T14:05:06.7891Z`,
      `${anchor}@2026-12-02T14:05:06Z`,
      `${anchor}@yesterday`,
    ])
      expect(parseAnchorReference(bad)).toBeNull();
  });

  it("is signed with the deployment's key; a changed character or another key's signature does not verify", () => {
    const key = signingKeyFrom(generateSigningKey());
    const text = signedAnchorText(anchor, time, key);
    expect(verifySignedAnchor(text)).toEqual({ anchor, time, publicKey: key.publicKey });
    // A messenger that re-indents or changes line endings does not break it.
    expect(verifySignedAnchor(text.replace(/\n/g, "\r\n  "))).toEqual({ anchor, time, publicKey: key.publicKey });
    expect(verifySignedAnchor(text.replace(anchor, "cd".repeat(32)))).toBeNull();
    expect(verifySignedAnchor(text.replace("14:05:06", "14:05:07"))).toBeNull();
    const other = signingKeyFrom(generateSigningKey());
    const forged = text.replace(/signature: .*/, signedAnchorText(anchor, time, other).match(/signature: .*/)![0]);
    expect(verifySignedAnchor(forged)).toBeNull();
    expect(verifySignedAnchor("not an anchor")).toBeNull();
  });
});
