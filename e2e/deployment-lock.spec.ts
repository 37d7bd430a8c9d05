// The emergency lock in the browser (runs alone, after every other test: it changes the whole deployment).
import { demo, expect, signInAs, test } from "./fixtures";

// Both tests lock the one deployment: one after the other.
test.describe.configure({ mode: "serial" });

test("an admin locks all personal data, a reviewer then sees only locks, and the unlock code brings it back", async ({
  page,
  browser,
  baseURL,
}) => {
  await signInAs(page, demo("admin"));
  await page.goto("/en/admin");
  await page.getByRole("button", { name: "Lock all personal data now" }).click();
  await expect(page.getByText("Type the word shown above the field to confirm the lock.")).toBeVisible();
  await page.getByLabel("To confirm, type LOCK").fill("yes");
  await page.getByRole("button", { name: "Lock all personal data now" }).click();
  await expect(page.getByText("Type the word shown above the field to confirm the lock.")).toBeVisible();
  await page.getByLabel("To confirm, type LOCK").fill("lock");
  await page.getByRole("button", { name: "Lock all personal data now" }).click();
  await expect(page.getByText(/^Locked: \d+ case keys are now unreadable\.$/)).toBeVisible();
  const code = (await page.getByLabel("Unlock code", { exact: true }).textContent())!.trim();
  expect(code.length).toBeGreaterThan(30);

  // A reviewer opening a case whose data was written under its own key sees a lock, not the statement.
  const reviewer = await browser.newContext({ baseURL });
  const rp = await reviewer.newPage();
  await signInAs(rp, demo("reviewer"));
  await rp.goto("/en/review/demo-application-13");
  await expect(rp.getByRole("heading", { level: 1 })).toContainText("PAD-DEMO-0013");
  await expect(rp.getByText("Fined twice for a white-red-white ribbon")).toHaveCount(0);
  await expect(rp.getByText("🔒").first()).toBeVisible();

  await page.goto("/en/admin");
  await expect(page.getByRole("alert").filter({ hasText: "Personal data is locked since" })).toBeVisible();
  await page.getByLabel("Unlock code", { exact: true }).fill("not-the-code");
  await page.getByRole("button", { name: "Unlock personal data" }).click();
  await expect(page.getByText("This is not the unlock code. Check it character by character.")).toBeVisible();
  await page.getByLabel("Unlock code", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Unlock personal data" }).click();
  await expect(page.getByText(/^Unlocked: \d+ case keys can be read again\.$/)).toBeVisible();
  await rp.reload();
  await expect(rp.getByText("Fined twice for a white-red-white ribbon")).toBeVisible();
  await reviewer.close();
});

test('with JavaScript off (Tor Browser "Safest") the admin sees the unlock code once after locking, and unlocks with it', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await signInAs(page, demo("admin"));
  await page.goto("/ru/admin");
  await page.getByLabel("Чтобы подтвердить, введите ЗАБЛОКИРОВАТЬ").fill("заблокировать");
  await page.getByRole("button", { name: "Заблокировать все личные данные сейчас" }).click();
  await expect(page.getByText(/^Заблокировано: ключей дел/)).toBeVisible();
  const code = (await page.getByLabel("Код разблокировки", { exact: true }).first().textContent())!.trim();
  expect(code.length).toBeGreaterThan(30);
  // Shown once: the next visit of the page offers only the unlock form.
  await page.goto("/ru/admin");
  await expect(page.getByText(code)).toHaveCount(0);
  await page.getByLabel("Код разблокировки", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Разблокировать личные данные" }).click();
  await expect(page.getByText(/^Разблокировано: ключей дел/)).toBeVisible();
  await context.close();
});
