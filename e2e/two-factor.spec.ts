// A staff member sets up two-factor sign-in (reading the key as an authenticator app would), then signs in
// with the password and a code, and a reveal asks for a fresh second factor (here a recovery code).
import { generate } from "otplib";
import { demo, expect, signInAs, test } from "./fixtures";

test("a reviewer sets up two-factor sign-in, then needs a code to sign in and to reveal an identity", async ({
  page,
  browser,
  baseURL,
  make,
}) => {
  // A reviewer and a case of the test's own (e2e/support/factories.ts): reviewer3 of the demo keeps signing
  // in with the password alone, as README.md says, and the demo case is not revealed.
  const { fund, reviewers } = await make.funder({ reviewers: 1 });
  const reviewer = reviewers[0]!;
  const c = await make.case(fund, { status: "SUBMITTED", category: "RESIGNING_OFFICER", purpose: "ACADEMY_DEBT" });
  await signInAs(page, reviewer.login, reviewer.password);
  await page.goto("/en/me/security");
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  await page.getByLabel("Code from the app").fill("000000");
  await page.getByRole("button", { name: "Confirm and turn on" }).click();
  await expect(page.getByText("This code is not right or was already used.")).toBeVisible();
  await page.getByLabel("Code from the app").fill(await generate({ secret }));
  await page.getByRole("button", { name: "Confirm and turn on" }).click();
  const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recovery = [(await codes.nth(0).textContent())!, (await codes.nth(1).textContent())!];

  // Signing in now needs the code as well; the password alone is refused with a clear message.
  const fresh = await browser.newContext({ baseURL });
  const p2 = await fresh.newPage();
  await p2.goto("/en/sign-in");
  await p2.getByLabel("Email or username").fill(reviewer.login);
  await p2.getByLabel("Password or passphrase", { exact: true }).fill(reviewer.password);
  await p2.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(p2.getByText("Your password is right, but this account also needs the current code")).toBeVisible();
  await p2.getByLabel("Password or passphrase", { exact: true }).fill(reviewer.password);
  await p2.getByLabel("Authentication code").fill(recovery[0]!);
  await p2.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(p2).toHaveURL(/\/en\/me$/);

  // Revealing an identity asks for a fresh second factor.
  await p2.goto(`/en/review/${c.id}`);
  await p2.getByLabel("Why do you need the identity?").fill("To match the name on the academy debt demand.");
  await p2.getByRole("button", { name: "Reveal identity" }).click();
  await expect(p2.getByText("This code is not right or was already used.")).toBeVisible();
  await p2.getByLabel("Why do you need the identity?").fill("To match the name on the academy debt demand.");
  await p2.getByLabel("Current code from your authenticator app").fill(recovery[1]!);
  await p2.getByRole("button", { name: "Reveal identity" }).click();
  await expect(p2.getByText(/^Recorded at .*: you revealed this identity\.$/)).toBeVisible();
  await fresh.close();
});

test("a user sees their signed-in devices and signs one out; that device is sent to sign-in", async ({ page, browser, baseURL }) => {
  const other = await browser.newContext({
    baseURL,
    userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:131.0) Gecko/20100101 Firefox/131.0",
  });
  const op = await other.newPage();
  await signInAs(op, demo("donor"));
  await op.goto("/en/pledges");
  await expect(op).toHaveURL(/\/en\/pledges$/);

  await signInAs(page, demo("donor"));
  await page.goto("/en/me/security");
  const devices = page.getByRole("region", { name: "Signed-in devices" });
  await expect(devices.getByText("This device")).toBeVisible();
  await devices.getByRole("button", { name: "Sign out Firefox on Windows" }).first().click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(
    "That device is signed out: its next request goes to the sign-in page.",
  );

  await op.goto("/en/pledges");
  await expect(op).toHaveURL(/\/en\/sign-in/);
  await other.close();
});
