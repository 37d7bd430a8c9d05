// The donor's page: their table counts every receipt at once, the published figures only after the fund's
// delay; what is received but not yet published is reported on its own, so "$1,000 received" and "the fund
// received $0 from you" never stand side by side unexplained (issue 16, item 22).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { donorOverview } from "@/lib/funds/donor";
import { recordPledge, recordReceipt } from "@/lib/funds/pledges";
import { PledgeSchema } from "@/lib/funds/schemas";
import { actorFor } from "@/lib/testing/actors";
import { makeOrganisation, makeUser } from "@/lib/testing/factories";
import { key, moneyWorld } from "@/lib/testing/money";

describe("donor overview", () => {
  it("separates what was received from the donor from what is published so far", async () => {
    const w = await moneyWorld();
    const donorsOrg = await makeOrganisation(db(), { kind: "DONOR" });
    const donor = await actorFor((await makeUser(db(), { roles: [{ role: "DONOR", organisationId: donorsOrg.id }] })).id);
    const { pledgeId } = await recordPledge(
      donor,
      PledgeSchema.parse({ fundId: w.fundId, donorName: "A donor", amount: "1000", currency: "USD", idempotencyKey: key() }),
    );
    await recordReceipt(w.fm1, { pledgeId, amount: "1000", currency: "USD", idempotencyKey: key() });

    // The fund's default delay is 7 days: received today, published in a week.
    let o = await donorOverview(donor);
    expect(o.pledges.map((p) => p.receivedMinor)).toEqual([100_000]);
    expect(o.funds.map((f) => [f.report.delayDays, f.receivedFromYou, f.notYetPublished])).toEqual([[7, 0, 100_000]]);

    // With no delay everything is published at once, and nothing is pending.
    await db().fund.update({ where: { id: w.fundId }, data: { publicationDelayDays: 0 } });
    o = await donorOverview(donor);
    expect(o.funds.map((f) => [f.receivedFromYou, f.notYetPublished, f.share])).toEqual([[100_000, 0, 1]]);
  });
});
