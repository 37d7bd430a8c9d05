import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { consumeRateLimit } from "@/lib/rate-limit/rate-limit";

const limit = { name: "test", max: 3, windowSeconds: 600 };

describe("rate limits in PostgreSQL", () => {
  it("allows `max` hits per window, then refuses with the minutes to wait", async () => {
    const who = crypto.randomUUID();
    const now = new Date("2026-11-26T10:01:00Z");
    for (let i = 0; i < 3; i++) await consumeRateLimit(limit, who, now);
    await expect(consumeRateLimit(limit, who, now)).rejects.toMatchObject({
      code: "RATE_LIMITED",
      messageKey: "errors.rateLimitedMinutes",
      messageValues: { minutes: 9 },
    });
    // A new window starts afresh; another client is unaffected.
    await consumeRateLimit(limit, who, new Date("2026-11-26T10:11:00Z"));
    await consumeRateLimit(limit, crypto.randomUUID(), now);
  });

  it("counts concurrent hits exactly (no lost updates)", async () => {
    const who = crypto.randomUUID();
    const now = new Date();
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => consumeRateLimit(limit, who, now)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
  });

  it("stores a keyed hash, never the client's address", async () => {
    await consumeRateLimit(limit, "203.0.113.77");
    const keys = (await db().rateLimitHit.findMany({ select: { key: true } })).map((r) => r.key).join(" ");
    expect(keys).not.toContain("203.0.113.77");
  });
});
