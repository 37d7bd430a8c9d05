// Every payout status the applicant can see has a sentence saying what it means for them (a cancelled
// payout showed as a bare "Cancelled"), in every language.
import { describe, expect, it } from "vitest";
import { PayoutStatus } from "@/lib/db/generated/enums";
import be from "@/messages/be.json";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";

describe("payout status explanations", () => {
  for (const [locale, m] of Object.entries({ be, ru, en })) {
    it(`explains every payout status in ${locale}`, () => {
      const help = (m.me as { payoutStatusHelp?: Record<string, string> }).payoutStatusHelp ?? {};
      expect(Object.values(PayoutStatus).filter((s) => !help[s]?.trim())).toEqual([]);
    });
  }
});
