// Sealed applications end to end (docs/decisions/0046-sealed-applications.md): filled and sealed with no
// connection, delivered by someone else signed out (file, again, pasted text, without JavaScript),
// refused when tampered or sealed for another deployment, followed by claim code and claimed.
import fs from "node:fs";
import { generateX25519Identity, identityToRecipient } from "age-encryption";
import { expect, pseudonymousSignUp, test } from "./fixtures";
import { generateClaimCode, seal } from "../lib/sealed/format";

const DRAFT_KEY = "padtrymka.offline.draft";

async function fillSolidarity(page: import("@playwright/test").Page) {
  await page.getByLabel("Fund", { exact: true }).selectOption({ label: "Solidarity Fund for Dismissed Workers" });
  await page.getByLabel("Your situation").selectOption({ label: "Dismissed worker" });
  await page.getByLabel("What the money is for").selectOption({ label: "Living costs" });
  await page.getByLabel("Region where you live").selectOption({ label: "Mogilev" });
  await page.getByLabel(/Amount you ask for/).fill("700");
  await page
    .getByLabel("Tell us what happened")
    .fill("Dismissed from the tractor plant after the strike; filled while the internet was off.");
  await page.getByLabel("Phone", { exact: true }).fill("+375 29 555-77-01");
}

test("an application filled and sealed offline is delivered by someone else, followed by its claim code and claimed", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await page.goto("/en/apply/offline");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Apply offline: a sealed application");
  // The service worker keeps the page: wait until it is in its cache, then lose the connection.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    for (let i = 0; i < 100 && !(await caches.match(location.pathname)); i++) await new Promise((r) => setTimeout(r, 100));
  });
  await page.context().setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Apply offline: a sealed application");
  // (Playwright's offline mode leaves navigator.onLine true, so the page's own online/offline line is not checked.)

  // The same checks as online: a missing answer is explained beside its field.
  await page.getByLabel("Fund", { exact: true }).selectOption({ label: "Solidarity Fund for Dismissed Workers" });
  await page.getByRole("button", { name: "Seal the application" }).click();
  await expect(page.locator("#o-phone-error")).toHaveText("This field is required.");

  // A draft kept between sittings is encrypted under a PIN, and comes back only with it.
  await fillSolidarity(page);
  await page.getByLabel("PIN or passphrase for the draft").fill("rowan 4826");
  await page.getByRole("button", { name: "Save the encrypted draft" }).click();
  await expect(page.getByText("The draft is saved on this device, encrypted.")).toBeVisible();
  expect(await page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY)).not.toContain("tractor");
  await page.reload();
  await expect(page.getByRole("heading", { name: "A draft is kept on this device" })).toBeVisible();
  await page.getByLabel("PIN or passphrase for the draft").fill("rowan 0000");
  await page.getByRole("button", { name: "Open the draft" }).click();
  await expect(page.getByText("That PIN or passphrase does not open the draft.")).toBeVisible();
  await page.getByLabel("PIN or passphrase for the draft").fill("rowan 4826");
  await page.getByRole("button", { name: "Open the draft" }).click();
  await expect(page.getByLabel("Tell us what happened")).toHaveValue(/tractor plant/);

  // Seal: the claim code, the file and the text; the draft is gone.
  await page.getByRole("button", { name: "Seal the application" }).click();
  await expect(page.getByRole("heading", { name: "Your application is sealed" })).toBeVisible();
  const claimCode = (await page.getByLabel("Claim code").textContent())!;
  expect(claimCode).toMatch(/^CLM-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const text = await page.getByLabel("The sealed application as text").inputValue();
  expect(text).toMatch(/^-----BEGIN AGE ENCRYPTED FILE-----/);
  expect(text).not.toContain("tractor");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Save the sealed file" }).click()]);
  const sealedFile = fs.readFileSync((await download.path())!);
  expect(await page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY)).toBeNull();
  await page.context().setOffline(false);

  // A carrier abroad, signed out, delivers the file: the reference code.
  const carrier = await (await browser.newContext({ baseURL })).newPage();
  const deliver = async (file: Buffer | null, pasted?: string) => {
    await carrier.goto("/en/deliver");
    if (file)
      await carrier
        .getByLabel("Sealed application file")
        .setInputFiles({ name: "sealed.age", mimeType: "application/octet-stream", buffer: file });
    if (pasted) await carrier.getByLabel("Or paste the sealed text").fill(pasted);
    await carrier.getByRole("button", { name: "Deliver the sealed application" }).click();
  };
  await deliver(sealedFile);
  const result = carrier.getByRole("main").getByRole("status");
  await expect(result).toContainText("Delivered to Solidarity Fund for Dismissed Workers.");
  const reference = ((await result.textContent()) ?? "").match(/PAD-[0-9A-Z]{4}-[0-9A-Z]{4}/)![0];
  // Again, and as pasted text: the same case.
  await deliver(sealedFile);
  await expect(result).toContainText(`already been delivered to Solidarity Fund for Dismissed Workers. Its reference code:${reference}`);
  await deliver(null, text);
  await expect(result).toContainText(reference);
  // A tampered copy, and one sealed for another deployment: refused with the reason.
  const tampered = Buffer.from(sealedFile);
  tampered[tampered.length - 40]! ^= 0x01;
  await deliver(tampered);
  await expect(carrier.getByRole("main").getByRole("alert")).toContainText("This is not a complete sealed application");
  const foreign = await seal(
    await identityToRecipient(await generateX25519Identity()),
    {
      v: 1,
      id: crypto.randomUUID(),
      claimCode: generateClaimCode(),
      fundId: "demo-fund-solidarity",
      fundVersion: "x",
      locale: "en",
      sealedAt: new Date().toISOString(),
      answers: {},
    },
    [],
  );
  await deliver(Buffer.from(foreign));
  await expect(carrier.getByRole("main").getByRole("alert")).toContainText("This application was sealed for another service");

  // Without JavaScript (Tor Browser "Safest") the pasted text is delivered too.
  const noJs = await (await browser.newContext({ baseURL, javaScriptEnabled: false })).newPage();
  await noJs.goto("/en/deliver");
  await noJs.getByLabel("Or paste the sealed text").fill(text);
  await noJs.getByRole("button", { name: "Deliver the sealed application" }).click();
  await expect(noJs.getByRole("main").getByRole("status")).toContainText(reference);

  // The applicant follows it by claim code, then claims it into a new pseudonymous account, once.
  await carrier.goto("/en/status");
  await carrier.getByLabel("Reference code").fill(claimCode.toLowerCase().replaceAll("-", " "));
  await carrier.getByRole("button", { name: "Check status" }).click();
  await expect(carrier.getByRole("main").getByRole("status")).toContainText("Stage: Submitted");
  const applicant = await (await browser.newContext({ baseURL })).newPage();
  await pseudonymousSignUp(applicant);
  await applicant.goto("/en/me/claim");
  await applicant.getByLabel("Claim code").fill(claimCode);
  await applicant.getByRole("button", { name: "Claim the application" }).click();
  await expect(applicant.getByRole("main").getByRole("status")).toContainText(`The application ${reference} is now in your account.`);
  await applicant.goto("/en/me");
  await expect(applicant.getByRole("cell", { name: reference })).toBeVisible();
  const other = await (await browser.newContext({ baseURL })).newPage();
  await pseudonymousSignUp(other);
  await other.goto("/en/me/claim");
  await other.getByLabel("Claim code").fill(claimCode);
  await other.getByRole("button", { name: "Claim the application" }).click();
  await expect(other.getByRole("main").getByRole("alert")).toContainText("already been claimed into another account");
});

test("Quick exit erases the offline draft, with no connection too", async ({ page }) => {
  await page.goto("/en/apply/offline");
  await fillSolidarity(page);
  await page.getByLabel("PIN or passphrase for the draft").fill("rowan 4826");
  await page.getByRole("button", { name: "Save the encrypted draft" }).click();
  await expect(page.getByText("The draft is saved on this device, encrypted.")).toBeVisible();
  await page.context().setOffline(true);
  // Offline, the way out fails to load: wait for that attempt, so the next visit does not race it.
  await Promise.all([
    page.waitForEvent("requestfailed", (r) => r.url().includes("/api/quick-exit")),
    page.getByRole("link", { name: /Quick exit/ }).click(),
  ]);
  await page.context().setOffline(false);
  await page.goto("/en/apply/offline");
  expect(await page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY)).toBeNull();
  await expect(page.getByRole("heading", { name: "A draft is kept on this device" })).toHaveCount(0);
});
