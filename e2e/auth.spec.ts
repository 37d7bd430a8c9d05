import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, demo, expect, linkIn, signInAs, signUpWithEmail, test, uniqueEmail, waitForMail } from "./fixtures";
import { loopback, postForm } from "./raw-http";

test("a new applicant signs up, confirms the email with the link we send, and lands on their cases", async ({ page }) => {
  const email = uniqueEmail("signup");
  const since = new Date();
  await signUpWithEmail(page, email, "a long enough passphrase");
  const mail = await waitForMail(email, since);
  await page.goto(linkIn(mail));
  await expect(page).toHaveURL(/\/en\/me$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My cases");
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
});

test("sign-up with an email that already has an account says exactly the same as for a new one", async ({ page }) => {
  await signUpWithEmail(page, demo("donor"), "another passphrase 123");
});

test("sign-up explains each mistake in the visitor's language and keeps what was typed", async ({ page }) => {
  await page.goto("/ru/sign-up");
  await page.getByLabel("Электронная почта").fill("not-an-email");
  await page.getByLabel("Пароль", { exact: true }).fill("short");
  await page.getByLabel("Повторите пароль").fill("different");
  await page.getByRole("button", { name: "Создать учётную запись" }).click();
  await expect(page.getByText("Введите адрес почты, например name@example.org.")).toBeVisible();
  await expect(page.getByText("Используйте не меньше 10 символов.")).toBeVisible();
  await expect(page.getByLabel("Электронная почта")).toHaveValue("not-an-email");
});

test("an applicant signs in with a password and sees their own case", async ({ page }) => {
  await page.goto("/en/sign-in");
  await page.getByLabel("Email or username").fill(demo("applicant"));
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/en\/me$/);
  await expect(page.getByRole("cell", { name: "PAD-DEMO-0001" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "PAD-DEMO-0002" })).toHaveCount(0);
});

test("after five failed sign-ins an account is paused, and the page says for how long", async ({ page }) => {
  const identifier = uniqueEmail("locked");
  for (let i = 0; i < 5; i++) {
    await page.goto("/en/sign-in");
    await page.getByLabel("Email or username").fill(identifier);
    await page.getByLabel("Password").fill(`wrong password ${i}`);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("is not right");
  }
  await page.getByLabel("Password").fill("another guess!");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText(/Too many attempts\. Try again in \d+ min\./);
});

test("a wrong password and an unknown account get the same answer", async ({ page }) => {
  const answers: string[] = [];
  for (const identifier of [demo("applicant"), uniqueEmail("nobody")]) {
    await page.goto("/en/sign-in");
    await page.getByLabel("Email or username").fill(identifier);
    await page.getByLabel("Password").fill("wrong password!");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    const alert = page.getByRole("main").getByRole("alert");
    await expect(alert).toBeVisible();
    answers.push((await alert.textContent()) ?? "");
    await expect(page.getByLabel("Email or username")).toHaveValue(identifier);
  }
  expect(answers[0]).toBe("The email, username or password is not right. Check them and try again.");
  expect(answers[1]).toBe(answers[0]);
});

test("a fund manager signs in with a magic link read from the mail", async ({ page }) => {
  await page.goto("/en/sign-in");
  const since = new Date();
  await page.getByLabel("Email", { exact: true }).fill(demo("fund"));
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("a sign-in link is on its way");
  await page.goto(linkIn(await waitForMail(demo("fund"), since)));
  await expect(page).toHaveURL(/\/en\/me$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Funds" }).click();
  await expect(page.getByRole("link", { name: "Academy Debt Relief Fund" })).toBeVisible();
});

test("a signed-in user signs out and the signed-in pages are closed again", async ({ page }) => {
  await signInAs(page, demo("reviewer"));
  await page.goto("/en/review");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Review queue");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/en/review");
  await expect(page).toHaveURL(/\/en\/sign-in\?next=%2Fen%2Freview$/);
});

test("the session cookie is an opaque value: a copy stops working when its owner signs out, and a made-up one opens nothing", async ({
  browser,
}) => {
  const owner = await browser.newContext();
  const page = await owner.newPage();
  await signInAs(page, demo("reviewer"));
  const cookie = (await owner.cookies()).find((c) => c.name.includes("authjs.session-token"))!;
  // 32 random bytes, nothing readable (not a JWT: no dots, no header).
  expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
  const thief = await browser.newContext();
  await thief.addCookies([cookie]);
  const stolen = await thief.newPage();
  await stolen.goto("/en/review");
  await expect(stolen.getByRole("heading", { level: 1 })).toHaveText("Review queue");
  await page.goto("/en/review");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/en$/);
  await stolen.goto("/en/review");
  await expect(stolen).toHaveURL(/\/en\/sign-in\?next=%2Fen%2Freview$/);
  const forger = await browser.newContext();
  await forger.addCookies([{ ...cookie, value: "A".repeat(43) }]);
  const forged = await forger.newPage();
  await forged.goto("/en/review");
  await expect(forged).toHaveURL(/\/en\/sign-in\?next=%2Fen%2Freview$/);
  await Promise.all([owner.close(), thief.close(), forger.close()]);
});

test("a signed-out visit to a staff page goes to sign-in and returns there after signing in", async ({ page }) => {
  await page.goto("/en/admin");
  await expect(page).toHaveURL(/\/en\/sign-in\?next=%2Fen%2Fadmin$/);
  await page.getByLabel("Email or username").fill(demo("admin"));
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/en\/admin$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Administration");
});

test("every demo account signs in with the demo password", async ({ page }) => {
  for (const local of ["applicant", "reviewer", "reviewer2", "fund", "fund2", "provider", "donor", "admin"]) {
    await page.context().clearCookies();
    await page.goto("/en/sign-in");
    await page.getByLabel("Email or username").fill(demo(local));
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByText(`Signed in as ${demo(local)}`)).toBeVisible();
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("sign-in still works, and a mistake is explained with the typed values kept", async ({ page }) => {
    await page.goto("/be/sign-in");
    await page.getByLabel("Электронная пошта або імя карыстальніка").fill(demo("provider"));
    await page.getByLabel("Пароль").fill("not the password");
    await page.getByRole("button", { name: "Увайсці", exact: true }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      "Няправільная пошта, імя карыстальніка або пароль. Праверце і паспрабуйце зноў.",
    );
    await expect(page.getByLabel("Электронная пошта або імя карыстальніка")).toHaveValue(demo("provider"));
    await page.getByLabel("Пароль").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Увайсці", exact: true }).click();
    await expect(page).toHaveURL(/\/be\/me$/);
  });

  test("sign-out still works, stays in the user's language, and really ends the session", async ({ page }) => {
    await signInAs(page, demo("fund2"));
    await page.goto("/ru/funds");
    await page.getByRole("button", { name: "Выйти" }).click();
    await expect(page).toHaveURL(/\/ru$/);
    await page.goto("/ru/funds");
    await expect(page).toHaveURL(/\/ru\/sign-in\?next=%2Fru%2Ffunds$/);
  });
});

test("'sign out on every device' ends the sessions on other devices too", async ({ browser }) => {
  const email = uniqueEmail("devices");
  const password = "a long passphrase 42";
  const phone = await (await browser.newContext()).newPage();
  const laptop = await (await browser.newContext()).newPage();
  const since = new Date();
  await signUpWithEmail(phone, email, password);
  await phone.goto(linkIn(await waitForMail(email, since)));
  await expect(phone).toHaveURL(/\/en\/me/);
  await keepSignUpPassword(phone, password);
  await phone.goto("/en/me");
  await signInAs(laptop, email, password);
  await laptop.goto("/en/me");
  await expect(laptop.getByRole("heading", { level: 1 })).toHaveText("My cases");

  await phone.getByRole("button", { name: "Sign out on every device" }).click();
  await expect(phone.getByRole("main").getByRole("status")).toContainText("You were signed out on every device.");
  await laptop.goto("/en/me");
  await expect(laptop).toHaveURL(/\/en\/sign-in/);
});

/** On /en/me after the first link: the sign-up password works only once typed again there. */
async function keepSignUpPassword(page: Page, password: string) {
  await page.goto("/en/me");
  await page.getByRole("link", { name: "Go to the security page" }).click();
  await page.getByLabel("The password you chose at sign-up").fill(password);
  await page.getByRole("button", { name: "Keep this password" }).click();
  await expect(page.getByRole("main").getByRole("status").first()).toContainText("Your password works now.");
}

async function signInWithPassword(page: Page, identifier: string, password: string) {
  await page.goto("/en/sign-in");
  await page.getByLabel("Email or username").fill(identifier);
  await page.getByLabel("Password or passphrase", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("whoever registers someone else's email first never gets in with the password they chose, once the owner signs in by link", async ({
  browser,
}) => {
  const email = uniqueEmail("prehijack");
  const attacker = await (await browser.newContext()).newPage();
  const owner = await (await browser.newContext()).newPage();
  await signUpWithEmail(attacker, email, "the attacker's password");
  // Before the address is confirmed the password does not work...
  await signInWithPassword(attacker, email, "the attacker's password");
  await expect(attacker.getByRole("main").getByRole("alert")).toContainText("This password does not work yet");
  await expect(attacker).toHaveURL(/\/en\/sign-in/);

  // ...the owner signs in by link and is told about the password they did not choose, and replaces it...
  const since = new Date();
  await owner.goto("/en/sign-in");
  await owner.getByLabel("Email", { exact: true }).fill(email);
  await owner.getByRole("button", { name: "Email me a sign-in link" }).click();
  await owner.goto(linkIn(await waitForMail(email, since)));
  await expect(owner.getByRole("alert").filter({ hasText: "Your sign-up password does not work yet" })).toBeVisible();
  await owner.getByRole("link", { name: "Go to the security page" }).click();
  await owner.getByLabel("New password", { exact: true }).fill("the owner's own passphrase");
  await owner.getByLabel("Repeat the new password").fill("the owner's own passphrase");
  await owner.getByRole("button", { name: "Set the new password" }).click();
  await expect(owner.getByRole("main").getByRole("status").first()).toContainText("Your new password is set.");

  // ...and the attacker's password is now simply wrong, while the owner's works.
  await signInWithPassword(attacker, email, "the attacker's password");
  await expect(attacker.getByRole("main").getByRole("alert")).toContainText("is not right");
  const later = await (await browser.newContext()).newPage();
  await signInWithPassword(later, email, "the owner's own passphrase");
  await expect(later).toHaveURL(/\/en\/me$/);
});

test("a sign-in whose next page carries a line break or non-ASCII letters still signs in, never an error", async () => {
  const from = loopback();
  const signIn = (next: string) =>
    postForm("/en/sign-in", 'name="identifier"', { identifier: demo("applicant"), password: DEMO_PASSWORD, next }, { from });
  for (const next of ["/en/me\r\nSet-Cookie: planted=1", "/en/me\nX: 1", "/en/re\tview"]) {
    const r = await signIn(next);
    expect(r.status, JSON.stringify(next)).toBe(303);
    expect(r.headers.location).toMatch(/^(http:\/\/localhost:\d+)?\/en\/me$/);
    expect(JSON.stringify(r.headers["set-cookie"] ?? [])).not.toContain("planted");
  }
  const r = await signIn("/en/me?from=мова");
  expect(r.status).toBe(303);
  expect(r.headers.location).toMatch(/\/en\/me\?from=%D0%BC%D0%BE%D0%B2%D0%B0$/);
});
