// Small things people read on their way in and around their account: the contact choice that is really
// chosen, sign-in words that fit accounts without email, the confirmation after a recovery, course cards
// that say what a blank prerequisite means, and signed-in devices that can be told apart.
import type { Page } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";

const PASSPHRASE = "seven quiet birch trees";

async function signUpWithoutEmail(page: Page): Promise<{ username: string; codes: string[] }> {
  await page.goto("/en/sign-up");
  await page.getByLabel("Passphrase", { exact: true }).fill(PASSPHRASE);
  await page.getByLabel("Repeat the passphrase").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Create an account without email" }).click();
  const status = page.getByRole("main").getByRole("status");
  await expect(status.getByRole("listitem")).toHaveCount(10);
  const username = ((await status.textContent()) ?? "").match(/Your username: ([a-z]+-[a-z]+-\d{4})/)![1]!;
  return { username, codes: await status.getByRole("listitem").allTextContents() };
}

test("with JavaScript the contact choice on sign-up shows 'Do not contact me', as without", async ({ browser, baseURL }) => {
  for (const javaScriptEnabled of [true, false]) {
    const ctx = await browser.newContext({ baseURL, javaScriptEnabled });
    const page = await ctx.newPage();
    await page.goto("/en/sign-up");
    const select = page.getByLabel("How may reviewers contact you? (optional)");
    await expect(select.locator("option:checked")).toHaveText("Do not contact me");
    await ctx.close();
  }
});

test("sign-in asks for the password or passphrase, and the code hint does not say it is for staff only", async ({ page }) => {
  await page.goto("/en/sign-in");
  await expect(page.getByLabel("Password or passphrase", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "With a password or passphrase" })).toBeVisible();
  const hint = page.getByText(/turned on two-factor sign-in/);
  await expect(hint).toBeVisible();
  await expect(hint).not.toContainText("Only for staff");
});

test("an applicant without email recovers with a code, is told the passphrase changed, and sees the devices apart", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const { username, codes } = await signUpWithoutEmail(page);
  await page.getByRole("link", { name: "I have saved them — continue" }).click();
  await page.getByRole("button", { name: "Sign out", exact: true }).click(); // this device's session ends too
  await expect(page).toHaveURL(/\/en$/);

  await page.goto("/en/sign-in/recover");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Recovery code").fill(codes[0]!);
  await page.getByLabel("New passphrase").fill("eight calm pine forests");
  await page.getByLabel("Repeat the passphrase").fill("eight calm pine forests");
  await page.getByRole("button", { name: "Set the new passphrase" }).click();
  await expect(page).toHaveURL(/\/en\/me\?recovered=9$/);
  await expect(page.getByRole("main").getByRole("status")).toHaveText(
    "Your new passphrase is set and you are signed in. The recovery code you used no longer works; 9 recovery codes are left.",
  );

  // A second sign-in of the same browser and system: the list tells the two apart, this device first.
  const other = await browser.newContext({ baseURL });
  await signInAs(await other.newPage(), username, "eight calm pine forests");
  await page.goto("/en/me/security");
  const items = page.getByRole("region", { name: "Signed-in devices" }).getByRole("listitem");
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText("This device");
  const signOut = items.nth(1).getByRole("button");
  await expect(signOut).toHaveAccessibleName(/^Sign out .+ \(#[A-Z2-9]{4}\), signed in .+$/);
  const tags = (await items.allTextContents()).map((t) => t.match(/#([A-Z2-9]{4})/)?.[1]);
  expect(new Set(tags).size).toBe(2);
  await other.close();
});

test("course cards say 'No prerequisites' rather than a bare 'None'", async ({ page }) => {
  await page.goto("/en/courses");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Python for beginners" }) });
  await expect(card).toContainText("No prerequisites");
  await expect(card.getByText("None", { exact: true })).toHaveCount(0);
  await expect(
    page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Front-end from zero (evening)" }) }),
  ).toContainText("Prerequisites: Basic computer skills");
});
