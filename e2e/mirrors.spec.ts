// One deployment, two public addresses in one run (playwright.config.ts: AUTH_URL http://localhost:PORT,
// PUBLIC_URLS http://127.0.0.1:PORT), as with a mirror or an onion service (docs/decisions/0047-mirrors.md):
// sign-in, form posts and magic links work on each and stay on it; a host the deployment does not serve is
// refused, and never gets into a mail; the signed list of addresses verifies, a changed or forged one fails.
import { spawnSync } from "node:child_process";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { DEMO_PASSWORD, demo, expect, linkIn, signUpWithEmail, test, uniqueEmail, waitForMail } from "./fixtures";
import { loopback, PORT, postForm, send } from "./raw-http";
import { generateSigningKey, signingKeyFrom, signMirrorList } from "../lib/mirrors/signed-list";

const PRIMARY = `http://localhost:${PORT}`;
const MIRROR = `http://127.0.0.1:${PORT}`;
const ROOT = path.join(import.meta.dirname, "..");

/** A page on one address that records every host it talks to. */
async function pageOn(browser: Browser, baseURL: string, javaScriptEnabled = true): Promise<{ page: Page; hosts: Set<string> }> {
  const page = await (await browser.newContext({ baseURL, javaScriptEnabled })).newPage();
  const hosts = new Set<string>();
  page.on("request", (r) => {
    if (!r.url().startsWith("data:") && !r.url().startsWith("blob:")) hosts.add(new URL(r.url()).origin);
  });
  return { page, hosts };
}

async function signedList(): Promise<string> {
  const r = await send("/mirrors.txt");
  expect(r.status).toBe(200);
  expect(r.headers["content-type"]).toContain("text/plain");
  return r.body;
}

for (const base of [PRIMARY, MIRROR]) {
  test(`a visitor signs in and posts forms on ${base}, with JavaScript and without, and never leaves that address`, async ({ browser }) => {
    const { page, hosts } = await pageOn(browser, base);
    await page.goto("/en/sign-in");
    await page.getByLabel("Email or username").fill(demo("applicant"));
    await page.getByLabel("Password or passphrase").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(`${base}/en/me`);
    await expect(page.getByRole("cell", { name: "PAD-DEMO-0001" })).toBeVisible();
    // A form post (server action) on the same address, with JavaScript.
    await page.goto("/en/mirrors");
    await expect(page.getByRole("list", { name: "Current addresses" })).toContainText(`${base} (you are here)`);
    await page.getByLabel("Mirror list to check").fill(await signedList());
    await page.getByRole("button", { name: "Check the list" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("Genuine: this site signed this list on");
    expect([...hosts]).toEqual([base]);

    // Without JavaScript: the plain form post (Origin: null, the browser's same-origin mark).
    const plain = await pageOn(browser, base, false);
    await plain.page.goto("/en/mirrors");
    await plain.page.getByLabel("Mirror list to check").fill((await signedList()).replace(MIRROR, "http://127.0.0.2:3000"));
    await plain.page.getByRole("button", { name: "Check the list" }).click();
    await expect(plain.page.getByRole("main").getByRole("alert")).toHaveText(
      "This list was changed after it was signed. Do not use its addresses.",
    );
    expect([...plain.hosts]).toEqual([base]);
  });
}

test("a post to a host the deployment does not serve is refused, even when its Origin agrees; one address's Origin does not pass on the other", async () => {
  const from = loopback();
  const list = await signedList();
  const post = (host: string, origin: string) => postForm("/en/mirrors", 'name="list"', { list }, { from, origin, headers: { host } });
  expect((await post(`localhost:${PORT}`, PRIMARY)).status).toBe(200);
  expect((await post(`127.0.0.1:${PORT}`, MIRROR)).status).toBe(200);
  expect((await post(`evil.example:${PORT}`, `http://evil.example:${PORT}`)).status).toBe(403);
  expect((await post(`127.0.0.1:${PORT}`, PRIMARY)).status).toBe(403);
  expect((await post(`localhost:${PORT}`, MIRROR)).status).toBe(403);
});

test("an applicant who signs up on the mirror gets a magic link to the mirror, one asked on the primary gets the primary, and a flooder's host never gets into the mail", async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const email = uniqueEmail("mirror-link");
  // Sign-up on the mirror: the confirmation link opens on the mirror, and signs in there.
  const { page, hosts } = await pageOn(browser, MIRROR);
  let since = new Date();
  await signUpWithEmail(page, email, "a long enough passphrase");
  const onMirror = linkIn(await waitForMail(email, since));
  expect(onMirror.startsWith(`${MIRROR}/api/auth/callback/nodemailer?`)).toBe(true);
  await page.goto(onMirror);
  await expect(page).toHaveURL(`${MIRROR}/en/me`);
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  expect([...hosts]).toEqual([MIRROR]);

  // Asked on the primary: the primary.
  const primary = await pageOn(browser, PRIMARY);
  await primary.page.goto("/en/sign-in");
  since = new Date();
  await primary.page.getByLabel("Email", { exact: true }).fill(email);
  await primary.page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(primary.page.getByRole("main").getByRole("status")).toContainText("a sign-in link is on its way");
  const onPrimary = linkIn(await waitForMail(email, since));
  expect(onPrimary.startsWith(`${PRIMARY}/api/auth/callback/nodemailer?`)).toBe(true);
  await primary.page.goto(onPrimary);
  await expect(primary.page).toHaveURL(`${PRIMARY}/en/me`);

  // A flooder asks for a link to the same address with a Host, or an X-Forwarded-Host, of their own.
  const from = loopback();
  expect((await postForm("/en/sign-in", 'name="email"', { email }, { from, headers: { host: `evil.example:${PORT}` } })).status).toBe(403);
  since = new Date();
  const forwarded = await postForm(
    "/en/sign-in",
    'name="email"',
    { email },
    { from, headers: { "x-forwarded-host": `evil.example:${PORT}` } },
  );
  expect(forwarded.status).toBe(303);
  const mailed = linkIn(await waitForMail(email, since));
  expect(mailed.startsWith(`${PRIMARY}/`)).toBe(true);
  expect(mailed).not.toContain("evil");
});

test("the signed list of addresses verifies on the page and offline; a changed one and one signed by another key fail with a translated reason", async ({
  page,
}) => {
  const list = await signedList();
  expect(list).toContain(`url: ${PRIMARY}\n`);
  expect(list).toContain(`url: ${MIRROR}\n`);
  await page.goto("/en/mirrors");
  const fingerprint = (await page.getByTestId("mirrors-fingerprint").textContent())!.trim();
  const publicKey = (await page.getByTestId("mirrors-public-key").textContent())!.trim();
  expect(list).toContain(`key: ed25519 ${publicKey}\n`);
  await expect(page.getByTestId("mirrors-signed-text")).toContainText(`url: ${MIRROR}`);

  const check = async (text: string) => {
    await page.getByLabel("Mirror list to check").fill(text);
    await page.getByRole("button", { name: "Check the list" }).click();
  };
  await check(`Our addresses today, check them:\n\n${list}\nStay safe.`);
  const ok = page.getByRole("main").getByRole("status");
  await expect(ok).toContainText("Genuine: this site signed this list on");
  await expect(ok.getByRole("listitem")).toHaveText([PRIMARY, MIRROR]);

  const changed = list.replace(`url: ${MIRROR}`, "url: https://mirror-of-the-censor.example");
  await check(changed);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "This list was changed after it was signed. Do not use its addresses.",
  );
  const forger = signingKeyFrom(generateSigningKey());
  const forged = signMirrorList(["https://mirror-of-the-censor.example"], "2026-05-01", forger);
  await check(forged);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    `This list was not signed by this site: it carries another key (fingerprint ${forger.fingerprint}). Do not use its addresses.`,
  );
  await check("hello");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "This is not a whole signed list of addresses. Copy all of it, from the BEGIN line to the END line.",
  );

  // In Belarusian.
  await page.goto("/be/mirrors");
  await page.getByLabel("Спіс адрасоў для праверкі").fill(changed);
  await page.getByRole("button", { name: "Праверыць спіс" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Гэты спіс змянілі пасля подпісу. Не карыстайцеся яго адрасамі.");

  // Offline, as a person with a fresh clone does it, with the fingerprint from the page.
  const verify = (text: string) =>
    spawnSync(
      process.execPath,
      [
        path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"),
        path.join(ROOT, "scripts", "mirrors-verify.ts"),
        "-",
        "--key",
        fingerprint,
      ],
      { cwd: ROOT, input: text, encoding: "utf8" },
    );
  const genuine = verify(list);
  expect(genuine.status, genuine.stderr).toBe(0);
  expect(genuine.stdout).toContain(MIRROR);
  expect(verify(changed).status).toBe(1);
  expect(verify(forged).status).toBe(1);
});
