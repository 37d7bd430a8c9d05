// Quick exit in a real Chromium with its back/forward cache on (Playwright turns it off by default, and
// it is exactly what could bring a page back): after quick exit, nothing Back brings back shows the
// applicant's pages, with JavaScript and without (docs/decisions/0037-quick-exit-leaves-nothing-behind.md).
import { type Page } from "@playwright/test";
import { NEUTRAL_URL, QUICK_EXIT_PATH } from "../lib/users/quick-exit-rules";
import { demo, expect, pseudonymousSignUp, signInAs, test as base } from "./fixtures";

const test = base.extend<{ neutralSite: void }, { launchOptions: Parameters<typeof base.use>[0]["launchOptions"] }>({
  launchOptions: [
    async ({ launchOptions }, use) => use({ ...launchOptions, ignoreDefaultArgs: ["--disable-back-forward-cache"] }),
    { scope: "worker" },
  ],
  // The neutral site answers from here (no request leaves the machine); leaving for it is the point.
  neutralSite: [
    async ({ page, foreignRequests }, use) => {
      await page
        .context()
        .route(`${NEUTRAL_URL}**`, (r) =>
          r.fulfill({ contentType: "text/html; charset=utf-8", body: "<!doctype html><title>Weather</title><h1>Weather in Minsk</h1>" }),
        );
      await use();
      const others = foreignRequests.filter((u) => !u.startsWith(NEUTRAL_URL));
      foreignRequests.splice(0, foreignRequests.length, ...others);
    },
    { auto: true },
  ],
});

/** Back, then again, as long as Back stays on this site: none of those pages may show a signed-in applicant. */
async function expectNothingBehind(page: Page, origin: string) {
  await expect(page).toHaveURL(NEUTRAL_URL);
  for (let i = 0; i < 5; i++) {
    const before = page.url();
    await page.goBack({ waitUntil: "commit" }).catch(() => null);
    // Back to the tab's first, blank entry may return before the address changes: wait for it to change.
    await page.waitForURL((u) => u.href !== before, { timeout: 10_000 }).catch(() => null);
    if (page.url() === before || !page.url().startsWith(origin)) break;
    // Waits for the page (a restored or a fresh one); the checks after it then read a whole page.
    await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
    await expect(page.getByText(/Signed in as/)).toHaveCount(0);
    await expect(page.getByRole("link", { name: "My cases" })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "My cases" })).toHaveCount(0);
  }
  // And the server agrees: the session is gone, not only hidden.
  const r = await page.request.get("/en/me", { maxRedirects: 0 });
  expect(r.status()).toBe(307);
}

test("a pseudonymous applicant presses Quick exit on My cases, and Back shows no case and no signed-in page", async ({ page, baseURL }) => {
  await pseudonymousSignUp(page);
  await page.goto("/en");
  await page.getByRole("link", { name: "My cases" }).click(); // a client-side navigation: the same document
  await expect(page.getByRole("heading", { name: "My cases" })).toBeVisible();
  const exits: Promise<Record<string, string>>[] = [];
  page.on(
    "response",
    (r) => void (r.url().endsWith(QUICK_EXIT_PATH) && exits.push(r.allHeaders().then((h) => ({ status: String(r.status()), ...h })))),
  );
  await page.getByRole("link", { name: "Quick exit" }).click();
  await expect(page.getByRole("heading", { name: "Weather in Minsk" })).toBeVisible();
  await expectNothingBehind(page, new URL(baseURL!).origin);
  // It went through our own step, which told the browser to forget this site (cache, cookies, storage).
  expect(await Promise.all(exits)).toEqual([
    expect.objectContaining({ status: "303", "clear-site-data": '"cache", "cookies", "storage"' }),
  ]);
});

test("a pseudonymous applicant presses Shift three times on a case page and nothing comes back", async ({ page, baseURL }) => {
  await pseudonymousSignUp(page);
  await page.goto("/en/me");
  await page.goto("/en/me/security"); // a second full page in the tab's history
  await expect(page.getByRole("checkbox", { name: "Sign me out on quick exit" })).toBeChecked(); // on by default without email
  for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
  await expect(page.getByRole("heading", { name: "Weather in Minsk" })).toBeVisible();
  await expectNothingBehind(page, new URL(baseURL!).origin);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a pseudonymous applicant follows the Quick exit link, and Back shows the sign-in page, not their cases", async ({
    page: signUp,
    context,
    baseURL,
  }) => {
    // Signed up in another tab: without JavaScript the sign-up answer is a form post, and Back to a post
    // asks to send the form again (Playwright's Chromium sends it without asking: a new account).
    await pseudonymousSignUp(signUp);
    const page = await context.newPage();
    await page.goto("/en");
    await page.getByRole("link", { name: "My cases" }).click();
    await expect(page.getByRole("heading", { name: "My cases" })).toBeVisible();
    await page.getByRole("link", { name: "Quick exit" }).click();
    await expect(page.getByRole("heading", { name: "Weather in Minsk" })).toBeVisible();
    await expectNothingBehind(page, new URL(baseURL!).origin);
  });

  test("an applicant turns the setting off and on again without JavaScript; off, quick exit leaves them signed in", async ({ page }) => {
    await pseudonymousSignUp(page);
    await page.goto("/en/me/security");
    const box = page.getByRole("checkbox", { name: "Sign me out on quick exit" });
    await box.uncheck();
    await page.getByRole("button", { name: "Save the quick exit setting" }).click();
    await expect(page.getByRole("status").filter({ hasText: "quick exit leaves you signed in" })).toBeVisible();
    await expect(box).not.toBeChecked();
    await page.getByRole("link", { name: "Quick exit" }).click();
    await expect(page.getByRole("heading", { name: "Weather in Minsk" })).toBeVisible();
    await page.goto("/en/me/security"); // their choice: still signed in
    await expect(box).not.toBeChecked();
    await box.check();
    await page.getByRole("button", { name: "Save the quick exit setting" }).click();
    await expect(page.getByRole("status").filter({ hasText: "quick exit signs you out" })).toBeVisible();
    await expect(box).toBeChecked();
  });
});

test("an account with email stays signed in on quick exit unless it turns the setting on", async ({ page }) => {
  await signInAs(page, demo("applicant"));
  await page.goto("/en/me/security");
  await expect(page.getByRole("checkbox", { name: "Sign me out on quick exit" })).not.toBeChecked();
  const r = await page.request.get(QUICK_EXIT_PATH, { maxRedirects: 0, headers: { "sec-fetch-site": "same-origin" } });
  expect(r.status()).toBe(303);
  expect(r.headers()["clear-site-data"]).toBe('"cache"');
  expect((await page.request.get("/en/me", { maxRedirects: 0 })).status()).toBe(200);
});

test("another site cannot sign an applicant out through the quick-exit path", async ({ page }) => {
  await pseudonymousSignUp(page);
  const r = await page.request.get(QUICK_EXIT_PATH, { maxRedirects: 0, headers: { "sec-fetch-site": "cross-site" } });
  expect(r.status()).toBe(303);
  expect(r.headers()["location"]).toBe(NEUTRAL_URL);
  expect(r.headers()["clear-site-data"]).toBeUndefined();
  expect((await page.request.get("/en/me", { maxRedirects: 0 })).status()).toBe(200);
});
