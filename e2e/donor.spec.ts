// What a donor reads about their money: the table counts a receipt at once, the published figures only
// after the fund's delay, and the sentence under it says so instead of "received $0 from you".
// The donor, the fund and its manager are the test's own (e2e/support/factories.ts): the demo fund's
// ledger stays as seeded.
import { escapeRegExp, expect, signInAs, test } from "./fixtures";

test("a donor whose money was just received is told it is published after the fund's delay", async ({ page, browser, baseURL, make }) => {
  test.setTimeout(90_000);
  const name = `E2E donor ${Date.now().toString(36)}`;
  const [donor, { fund, managers }] = await Promise.all([make.donor(), make.funder({ managers: 1 })]); // published after 7 days
  await signInAs(page, donor.login, donor.password);
  await page.goto("/en/pledges");
  await page.getByLabel("Fund", { exact: true }).selectOption({ label: `${fund.name} (USD)` });
  await page.getByLabel("Name shown to the public").fill(name);
  await page.getByLabel("Amount you pledge").fill("40");
  await page.getByRole("button", { name: "Record the pledge" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("The pledge was recorded.");

  const fm = await browser.newContext({ baseURL });
  const fp = await fm.newPage();
  await signInAs(fp, managers[0]!.login, managers[0]!.password);
  await fp.goto(`/en/funds/${fund.id}`);
  const pledge = fp.getByRole("listitem", { name: `Pledge by ${name}` });
  await pledge.getByLabel("Amount received (USD)").fill("40");
  await pledge.getByRole("button", { name: "Record money received" }).click();
  await expect(fp.getByRole("main").getByRole("status")).toContainText("recorded in the ledger");
  await fm.close();

  await page.goto("/en/pledges");
  await expect(
    page
      .getByRole("row", { name: new RegExp(escapeRegExp(fund.name)) })
      .filter({ hasText: "$40" })
      .first(),
  ).toBeVisible();
  const section = page.getByRole("region", { name: `What ${fund.name} paid for` });
  await expect(section).toContainText(
    /Figures here are published 7 days after the money moves, so they run up to .+\. Published so far: the fund received/,
  );
  await expect(section).toContainText(
    /\$40(\.00)? more that the fund received from you is in your table above but not in these figures yet: it is counted once 7 days have passed\./,
  );
});
