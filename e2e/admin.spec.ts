import { demo, DEMO_PASSWORD, expect, linkIn, signInAs, signUpWithEmail, test, uniqueEmail, waitForMail } from "./fixtures";
import { parseAnchorReference, verifySignedAnchor } from "../lib/audit/anchor";

test("an admin grants a reviewer role and the new reviewer sees the review queue", async ({ page, browser, baseURL, make }) => {
  test.setTimeout(90_000);
  // An organisation and a case of the test's own (e2e/support/factories.ts): the demo organisations keep
  // the reviewers README.md lists.
  const { organisation, fund } = await make.funder();
  const c = await make.case(fund, { status: "SHORTLISTED" });
  // A new person signs up and confirms their email.
  const email = uniqueEmail("volunteer");
  const volunteer = await browser.newContext({ baseURL });
  const vp = await volunteer.newPage();
  const since = new Date();
  await signUpWithEmail(vp, email, "volunteer passphrase");
  await vp.goto(linkIn(await waitForMail(email, since)));
  await vp.goto("/en/review");
  await expect(vp.getByRole("heading", { level: 1 })).toHaveText("No access");

  // The admin grants them the reviewer role in the organisation.
  await signInAs(page, demo("admin"));
  await page.goto(`/en/admin?q=${encodeURIComponent(email)}`);
  await page.getByLabel("User", { exact: true }).selectOption({ label: email });
  await page.getByLabel("Organisation").selectOption({ label: organisation.name });
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Reviewer" });
  await page.getByRole("button", { name: "Grant role" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Role granted.");
  await page.goto(`/en/admin/audit?who=${encodeURIComponent(demo("admin"))}`);
  await expect(page.getByRole("row", { name: /admin@demo\.padtrymka\.test.*Role granted/ }).first()).toBeVisible();

  // The role takes effect on the volunteer's next request, without signing in again.
  await vp.goto("/en/review");
  await expect(vp.getByRole("heading", { level: 1 })).toHaveText("Review queue");
  await expect(vp.getByRole("link", { name: c.referenceCode })).toBeVisible();
  await volunteer.close();
});

test("an admin cannot give a course provider's organisation a reviewer, and is told why", async ({ page }) => {
  await signInAs(page, demo("admin"));
  await page.goto(`/en/admin?q=${encodeURIComponent(demo("donor"))}`);
  await page.getByLabel("User", { exact: true }).selectOption({ label: demo("donor") });
  await page.getByLabel("Organisation").selectOption({ label: "Krok IT Academy (demo)" });
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Reviewer" });
  await page.getByRole("button", { name: "Grant role" }).click();
  await expect(page.getByText("This role cannot be held in that organisation.")).toBeVisible();
});

test("an applicant gets no admin page and no role form", async ({ page }) => {
  await signInAs(page, demo("applicant"), DEMO_PASSWORD);
  await page.goto("/en/admin");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("No access");
  await expect(page.getByRole("button", { name: "Grant role" })).toHaveCount(0);
});

test("an admin finds an account without email by its username and suspends it only after a confirmation step", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const person = await browser.newContext({ baseURL });
  const pp = await person.newPage();
  await pp.goto("/en/sign-up");
  await pp.getByLabel("Passphrase", { exact: true }).fill("seven quiet birch trees");
  await pp.getByLabel("Repeat the passphrase").fill("seven quiet birch trees");
  await pp.getByRole("button", { name: "Create an account without email" }).click();
  const username = ((await pp.getByRole("main").getByRole("status").textContent()) ?? "").match(
    /Your username: ([a-z]+-[a-z]+-\d{4})/,
  )![1]!;

  await signInAs(page, demo("admin"));
  await page.goto("/en/admin");
  await page.getByLabel("Search users by email or username").fill(username.toUpperCase());
  await page.getByRole("button", { name: "Search", exact: true }).click();
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(username) }) });
  await expect(row).toContainText("without email");
  // Every control on the list names its account; none is a bare "—".
  await expect(page.getByRole("link", { name: /—/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /—$/ })).toHaveCount(0);

  await row.getByRole("link", { name: `Suspend ${username}…` }).click();
  const confirm = page.getByRole("region", { name: `Suspend ${username}?` });
  await expect(confirm).toContainText("signs the account out on every device");
  // Without the box ticked nothing is sent (and the server refuses such a post: lib/users/schemas.test.ts).
  await confirm.getByRole("button", { name: `Suspend ${username}` }).click();
  await expect(confirm).toBeVisible();
  await confirm.getByLabel(`Yes: suspend ${username} and sign them out everywhere.`).check();
  await confirm.getByRole("button", { name: `Suspend ${username}` }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("The account is suspended");

  await page.goto(`/en/admin?q=${username}`);
  await expect(page.getByRole("button", { name: `Reactivate ${username}` })).toBeVisible();
  await pp.goto("/en/me");
  await expect(pp).toHaveURL(/\/en\/sign-in/);
  await person.close();
});

test("an admin filters the access log by reviewer and case and reads each action by its name", async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  const reviewer = await browser.newContext({ baseURL });
  const rp = await reviewer.newPage();
  await signInAs(rp, demo("reviewer2"));
  await rp.goto("/en/review/demo-application-4");
  await expect(rp.getByRole("heading", { level: 1 })).toContainText("PAD-DEMO-0004");
  await reviewer.close();

  await signInAs(page, demo("admin"));
  await page.goto("/en/admin");
  await page.getByRole("link", { name: "The whole access log, with filters" }).click();
  const filter = page.getByRole("form", { name: "Filter the access log" });
  await filter.getByLabel("Who").fill("reviewer2@");
  await filter.getByLabel("Case").fill("pad demo 0004");
  await filter.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/who=reviewer2%40&case=pad\+demo\+0004/);
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.nth(1)).toContainText("reviewer2@demo.padtrymka.test");
  await expect(rows.nth(1)).toContainText("Case opened");
  for (const text of await rows.allTextContents()) expect(text).not.toMatch(/case\.opened|identity\.|evidence\./);

  // The same list in Belarusian names the action in Belarusian.
  await page.goto("/be/admin/access-log?who=reviewer2%40&case=PAD-DEMO-0004");
  await expect(page.getByRole("table").getByRole("row").nth(1)).toContainText("Справа адкрытая");
});

test("an admin checks the audit chain when they ask, and sees the last result with its time, also without JavaScript", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({ baseURL, javaScriptEnabled });
    const page = await context.newPage();
    await signInAs(page, demo("admin"));
    await page.goto("/en/admin");
    await page.getByRole("button", { name: "Check the audit chain now" }).click();
    await expect(page).toHaveURL(/\/en\/admin\?chain=checked/);
    const result = page.locator("#audit").getByRole("status");
    await expect(result).toContainText("Last check:");
    await expect(result).toContainText("Audit chain verified");
    await context.close();
  }
});

test("an admin publishes the audit anchor, and anyone reads it, signed, on the transparency page without JavaScript", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await signInAs(page, demo("admin"));
  await page.goto("/en/admin");
  await page.getByRole("button", { name: "Publish the audit anchor now" }).click();
  await expect(page).toHaveURL(/\/en\/admin\?anchor=published/);
  const status = page.locator("#audit").getByRole("status");
  await expect(status).toContainText("Last anchor published on the transparency page");
  const reference = (await status.locator(".font-mono").textContent())!.trim();
  const kept = parseAnchorReference(reference);
  expect(kept).not.toBeNull();
  await context.close();

  const visitor = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const pub = await visitor.newPage();
  await pub.goto("/en/transparency");
  const section = pub.getByRole("region", { name: "Audit anchor" });
  await expect(section.getByLabel("Anchor to keep (hash@time)")).toHaveText(reference);
  const signed = await section.getByLabel("The anchor signed with this site's key").textContent();
  expect(verifySignedAnchor(signed!)).toMatchObject({ anchor: kept!.anchor, time: kept!.time });
  await visitor.close();
});
