// A reviewer past the hourly alert threshold is told on their review pages that they are slowed down,
// why, the limit and when it resets, instead of pages that just take two seconds longer.
import { demo, expect, signInAs, test } from "./fixtures";

test("a reviewer who opened more than 40 cases this hour reads that they are slowed down, and why", async ({
  page,
  browser,
  baseURL,
  make,
}) => {
  test.setTimeout(180_000);
  // A reviewer of their own (the demo reviewers' limits are shared by every other test), in an organisation
  // with a case of the test's own (e2e/support/factories.ts).
  const { organisation, fund } = await make.funder();
  const c = await make.case(fund, { status: "SHORTLISTED" });
  const person = await browser.newContext({ baseURL });
  const rp = await person.newPage();
  await rp.goto("/en/sign-up");
  await rp.getByLabel("Passphrase", { exact: true }).fill("seven quiet birch trees");
  await rp.getByLabel("Repeat the passphrase").fill("seven quiet birch trees");
  await rp.getByRole("button", { name: "Create an account without email" }).click();
  const username = ((await rp.getByRole("main").getByRole("status").textContent()) ?? "").match(
    /Your username: ([a-z]+-[a-z]+-\d{4})/,
  )![1]!;

  await signInAs(page, demo("admin"));
  await page.goto(`/en/admin?q=${username}`);
  await page.getByLabel("User", { exact: true }).selectOption({ label: username });
  await page.getByLabel("Organisation").selectOption({ label: organisation.name });
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Reviewer" });
  await page.getByRole("button", { name: "Grant role" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Role granted.");

  await rp.goto("/en/review");
  await expect(rp.getByRole("heading", { level: 1 })).toHaveText("Review queue");
  await expect(rp.getByText("Your review pages are being slowed down")).toHaveCount(0);
  // Forty openings: the alert threshold. Each is a real page request, counted like any other.
  for (let i = 0; i < 40; i++) expect((await rp.request.get(`/en/review/${c.id}`)).status()).toBe(200);

  await rp.goto(`/en/review/${c.id}`);
  const banner = rp.getByRole("status").filter({ hasText: "Your review pages are being slowed down" });
  await expect(banner).toContainText(
    /You have opened 4[01] cases this hour\. Past 40 in an hour, each case you open waits about 2 more seconds, and at 80 opening cases stops until the hour ends\. The count starts again in \d+ min\./,
  );
  await expect(banner).toContainText("fund managers and admins are alerted");
  await rp.goto("/en/review");
  await expect(rp.getByRole("status").filter({ hasText: "Your review pages are being slowed down" })).toContainText(
    "You have opened 41 cases this hour.",
  );
  await person.close();
});
