import { describe, expect, it } from "vitest";
import { SuspendUserSchema } from "@/lib/users/schemas";

describe("suspending an account", () => {
  it("needs the confirmation box; reactivating does not", () => {
    const r = SuspendUserSchema.safeParse({ userId: "u1", suspend: "1" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["confirmed", "confirm_suspend"]]);
    expect(SuspendUserSchema.safeParse({ userId: "u1", suspend: "1", confirmed: "yes" }).success).toBe(true);
    expect(SuspendUserSchema.safeParse({ userId: "u1", suspend: "0" }).success).toBe(true);
  });
});
