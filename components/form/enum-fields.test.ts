import { describe, expect, it } from "vitest";
import { formDefaults } from "@/components/form/enum-fields";

describe("formDefaults", () => {
  it("turns saved repeated fields into arrays and ticked boxes into booleans, keeping the rest", () => {
    const out = formDefaults(
      { title: "Go", cities: "MINSK\nBREST\n", isFree: "on", hiringPledge: "" },
      { arrays: ["cities", "eligibleGroups"], booleans: ["isFree", "hiringPledge"] },
    ) as unknown as Record<string, unknown>;
    expect(out).toEqual({ title: "Go", cities: ["MINSK", "BREST"], eligibleGroups: [], isFree: true, hiringPledge: false });
  });
});
