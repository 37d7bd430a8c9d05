// Shared e2e helpers: sign in through the auth API (not the UI, except in the sign-in spec), read mail
// caught by the local SMTP catcher, and fail any test whose page talks to a host other than the app.
import fs from "node:fs";
import path from "node:path";
import { test as base, expect, type Page } from "@playwright/test";
import type { Make } from "./support/factories";

export const DEMO_PASSWORD = "padtrymka-demo";
export const demo = (local: string) => `${local}@demo.padtrymka.test`;
const MAIL_DIR = path.join(import.meta.dirname, "..", ".data", "e2e", "mail");

export async function signInAs(page: Page, identifier: string, password = DEMO_PASSWORD) {
  const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
  // Like a browser's form post: our own Origin (posts without one are refused, see e2e/csrf.spec.ts).
  const origin = `http://localhost:${process.env.E2E_PORT ?? 3100}`; // the baseURL of playwright.config.ts
  const r = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, identifier, password, callbackUrl: "/" },
    headers: { origin },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(r.status());
  const cookies = await page.context().cookies();
  expect(
    cookies.some((c) => c.name.includes("authjs.session-token")),
    `sign-in as ${identifier} failed`,
  ).toBe(true);
}

type Mail = { to: string[]; subject: string; text: string; date: string };

/** The newest mail to `address` received after `since`, waiting up to 15 s for it. */
export async function waitForMail(address: string, since: Date): Promise<Mail> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const files = fs.existsSync(MAIL_DIR) ? fs.readdirSync(MAIL_DIR).sort().reverse() : [];
    for (const f of files) {
      const m = JSON.parse(fs.readFileSync(path.join(MAIL_DIR, f), "utf8")) as Mail;
      if (m.to.includes(address.toLowerCase()) && new Date(m.date) >= since) return m;
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${address}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export const linkIn = (mail: Mail) => {
  const m = mail.text.match(/https?:\/\/\S+/);
  if (!m) throw new Error("no link in mail");
  return m[0];
};

/** Fills and sends the email sign-up form; returns when the "check your email" notice shows. */
export async function signUpWithEmail(page: Page, email: string, password: string) {
  await page.goto("/en/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Repeat the password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("open the link we sent to your email");
}

/** Signs up without email through the form (signed in afterwards); returns the generated username. */
export async function pseudonymousSignUp(page: Page, passphrase = "seven quiet birch trees"): Promise<string> {
  await page.goto("/en/sign-up");
  await page.getByLabel("Passphrase", { exact: true }).fill(passphrase);
  await page.getByLabel("Repeat the passphrase").fill(passphrase);
  await page.getByRole("button", { name: "Create an account without email" }).click();
  const status = page.getByRole("main").getByRole("status");
  await expect(status).toContainText("Your username:");
  await expect(status.getByRole("listitem")).toHaveCount(10);
  return ((await status.textContent()) ?? "").match(/Your username: ([a-z]+-[a-z]+-\d{4})/)![1]!;
}

/** `s` matched literally inside a RegExp (names of the factories' funds, e-mail addresses). */
export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export const uniqueEmail = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@e2e.padtrymka.test`;

export const test = base.extend<{ foreignRequests: string[] }, { make: Make }>({
  // Records of the test's own (e2e/support/factories.ts), for tests that change what they work on. Made
  // ready once per worker, on its first use, with a time of its own (the first use loads the Prisma client).
  make: [
    async ({}, use) => {
      const { make } = await import("./support/factories");
      await make.warmUp();
      await use(make);
    },
    { scope: "worker", timeout: 120_000 },
  ],
  foreignRequests: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL!).origin;
      const foreign: string[] = [];
      page.on("request", (req) => {
        const url = req.url();
        if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")) foreign.push(url);
      });
      await use(foreign);
      expect(foreign, "pages must not contact any host but the app's own").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
