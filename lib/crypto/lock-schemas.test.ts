import { describe, expect, it } from "vitest";
import { LOCK_PHRASES, LockDeploymentSchema } from "@/lib/crypto/lock-schemas";

describe("the emergency lock's confirmation", () => {
  it("takes the typed phrase of any interface language, in any letter case", () => {
    for (const phrase of [...Object.values(LOCK_PHRASES), "lock", " заблакаваць ", "Заблокировать"]) {
      expect(LockDeploymentSchema.safeParse({ confirm: phrase }).success, phrase).toBe(true);
    }
  });

  it("refuses a tick, an empty field, a missing field and anything else", () => {
    for (const confirm of ["yes", "on", "", "LOCKED", "LOC", undefined]) {
      const r = LockDeploymentSchema.safeParse({ confirm });
      expect(r.success, String(confirm)).toBe(false);
      expect(r.error?.issues[0]?.message).toBe("confirm_lock");
    }
  });
});
