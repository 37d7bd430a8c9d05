// What a donor reads about their money: the table counts a receipt at once, the published figures only
// after the fund's delay, and the sentence under it says so instead of "received $0 from you".
import { demo, expect, signInAs, test } from "./fixtures";

test("a donor whose money was just received is told it is published after the fund's delay", async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  const name = `E2E donor ${Date.now().toString(36)}`;
  await signInAs(page, demo("donor"));
  await page.goto("/en/pledges");
  await page.getByLabel("Fund", { exact: true }).selectOption({ label: "Academy Debt Relief Fund (USD)" });
  await page.getByLabel("Name shown to the public").fill(name);
  await page.getByLabel("Amount you pledge").fill("40");
  await page.getByRole("button", { name: "Record the pledge" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("The pledge was recorded.");

  const fm = await browser.newContext({ baseURL });
  const fp = await fm.newPage();
  await signInAs(fp, demo("fund"));
  await fp.goto("/en/funds/demo-fund-academy");
  const pledge = fp.getByRole("listitem", { name: `Pledge by ${name}` });
  await pledge.getByLabel("Amount received (USD)").fill("40");
  await pledge.getByRole("button", { name: "Record money received" }).click();
  await expect(fp.getByRole("main").getByRole("status")).toContainText("recorded in the ledger");
  await fm.close();

  await page.goto("/en/pledges");
  await expect(page.getByRole("row", { name: /Academy Debt Relief Fund/ }).filter({ hasText: "$40" }).first()).toBeVisible();
  const section = page.getByRole("region", { name: "What Academy Debt Relief Fund paid for" });
  await expect(section).toContainText(/Figures here are published 7 days after the money moves, so they run up to .+\. Published so far: the fund received/);
  await expect(section).toContainText(/\$40(\.00)? more that the fund received from you is in your table above but not in these figures yet: it is counted once 7 days have passed\./);
});
