// A state that pre-registers or collects activists' addresses asks for sign-in links to learn who has an
// account: every address must get the same answer. Timing is not asserted here (bench/magic-link-timing.ts
// measures it); the mail is sent only after the response.
import fs from "node:fs";
import path from "node:path";
import { generate } from "otplib";
import { type Browser, type Page } from "@playwright/test";
import { demo, expect, linkIn, signInAs, signUpWithEmail, test, uniqueEmail, waitForMail } from "./fixtures";
import { loopback, postForm } from "./raw-http";

const MAIL_DIR = path.join(import.meta.dirname, "..", ".data", "e2e", "mail");
const mailsTo = (address: string, since: Date) =>
  (fs.existsSync(MAIL_DIR) ? fs.readdirSync(MAIL_DIR) : [])
    .map((f) => JSON.parse(fs.readFileSync(path.join(MAIL_DIR, f), "utf8")) as { to: string[]; date: string })
    .filter((m) => m.to.includes(address.toLowerCase()) && new Date(m.date) >= since);

/** A new account with a confirmed email (signed in through the link we mail). */
async function confirmedAccount(browser: Browser, baseURL: string, prefix: string): Promise<{ email: string; page: Page }> {
  const page = await (await browser.newContext({ baseURL })).newPage();
  const email = uniqueEmail(prefix);
  const since = new Date();
  await signUpWithEmail(page, email, "a long enough passphrase");
  await page.goto(linkIn(await waitForMail(email, since)));
  await expect(page).toHaveURL(/\/en\/me$/);
  return { email, page };
}

test("a magic link asked for a known, an unknown, a suspended and a two-factor address gets the same answer; only the known one gets a mail", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  // A two-factor account (links are refused for it).
  const twoFactor = await confirmedAccount(browser, baseURL!, "magic-2fa");
  await twoFactor.page.goto("/en/me/security");
  await twoFactor.page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  const secret = (await twoFactor.page.getByTestId("totp-secret").textContent())!.trim();
  await twoFactor.page.getByLabel("Code from the app").fill(await generate({ secret }));
  await twoFactor.page.getByRole("button", { name: "Confirm and turn on" }).click();
  await expect(twoFactor.page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  // A suspended account.
  const suspended = await confirmedAccount(browser, baseURL!, "magic-suspended");
  await signInAs(page, demo("admin"));
  await page.goto(`/en/admin?q=${encodeURIComponent(suspended.email)}`);
  await page.getByRole("link", { name: `Suspend ${suspended.email}…` }).click();
  const confirm = page.getByRole("region", { name: `Suspend ${suspended.email}?` });
  await confirm.getByLabel(`Yes: suspend ${suspended.email} and sign them out everywhere.`).check();
  await confirm.getByRole("button", { name: `Suspend ${suspended.email}` }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("The account is suspended");

  const since = new Date();
  const from = loopback();
  const addresses = { unknown: uniqueEmail("magic-nobody"), suspended: suspended.email, twoFactor: twoFactor.email, known: demo("donor") };
  const answers: Record<string, { status: number; location: unknown; body: string; cookies: string[] }> = {};
  for (const [kind, email] of Object.entries(addresses)) {
    const r = await postForm("/en/sign-in", 'name="email"', { email }, { from });
    const cookies = ([] as string[])
      .concat(r.headers["set-cookie"] ?? [])
      .map((c) => c.split("=")[0]!)
      .sort();
    answers[kind] = { status: r.status, location: r.headers.location, body: r.body, cookies };
  }
  // The same status, redirect target and body (the cookies differ only in their random values).
  expect(answers.known).toMatchObject({ status: 303, location: "/en/sign-in?sent=1" });
  for (const kind of ["unknown", "suspended", "twoFactor"]) expect(answers[kind], kind).toEqual(answers.known);

  // Only the known, active account without two-factor sign-in is mailed a link.
  await waitForMail(addresses.known, since);
  await new Promise((r) => setTimeout(r, 1_500));
  for (const kind of ["unknown", "suspended", "twoFactor"] as const) expect(mailsTo(addresses[kind], since), kind).toEqual([]);

  // What the visitor sees afterwards is the same "check your email" page.
  await page.context().clearCookies();
  await page.goto("/en/sign-in?sent=1");
  await expect(page.getByRole("main").getByRole("status")).toContainText("a sign-in link is on its way");
});
