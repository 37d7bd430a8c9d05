import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";

const TITLES = {
  be: "Падтрымка людзей, якія страцілі заробак па палітычных прычынах",
  ru: "Поддержка людей, потерявших заработок по политическим причинам",
  en: "Support for people who lost their livelihood for political reasons",
};

test("a visitor reads the landing page in Belarusian, Russian and English", async ({ page }) => {
  for (const [locale, title] of Object.entries(TITLES)) {
    await page.goto(`/${locale}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
  }
});

test("a visitor whose browser prefers Russian lands on the Russian pages", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, locale: "ru-RU" });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page).toHaveURL(/\/ru$/);
  await context.close();
});

test("a visitor whose browser language is not offered lands on the Belarusian pages", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, locale: "de-DE", extraHTTPHeaders: { "Accept-Language": "de-DE,de;q=0.9" } });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page).toHaveURL(/\/be$/);
  await context.close();
});

test("the language switcher keeps the visitor on the same page", async ({ page }) => {
  await page.goto("/en/courses");
  await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Русский" }).click();
  await expect(page).toHaveURL(/\/ru\/courses$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Бесплатные курсы переподготовки");
  await page.getByRole("navigation", { name: "Язык" }).getByRole("link", { name: "Беларуская" }).click();
  await expect(page).toHaveURL(/\/be\/courses$/);
});

test("a keyboard user can skip straight to the content", async ({ page }) => {
  await page.goto("/en");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await skip.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test("a visitor browses the course catalogue and opens a course", async ({ page }) => {
  await page.goto("/en/courses");
  await page.getByRole("link", { name: "Python for beginners" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Python for beginners");
  await expect(page.getByText("Krok IT Academy (demo)")).toBeVisible();
});

test("the public sees what each fund was pledged and received, and no recipient", async ({ page }) => {
  await page.goto("/en/transparency");
  const row = page.getByRole("row", { name: /Academy Debt Relief Fund/ });
  await expect(row).toContainText("$500,000");
  await expect(row).toContainText("$200,000");
  await expect(page.getByText("PAD-DEMO")).toHaveCount(0);
});

for (const path of [
  "/be",
  "/en/sign-in",
  "/ru/sign-up",
  "/en/courses",
  "/be/courses/demo-course-python",
  "/en/transparency",
  "/ru/status",
  "/en/apply",
  "/en/sign-in/recover",
]) {
  test(`${path} has no accessibility violations`, async ({ page }) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}

test("the health endpoint reports the app and the database", async ({ request }) => {
  const r = await request.get("/api/health");
  expect(r.status()).toBe(200);
  expect(r.headers()["cache-control"]).toContain("no-store");
  const body = await r.json();
  expect(body).toMatchObject({ status: "ok", app: { status: "ok" }, database: { status: "ok" } });
  expect(body.database.migrations).toBeGreaterThanOrEqual(1);
});

test("pages are sent with a strict content security policy and no referrer", async ({ request }) => {
  const r = await request.get("/en");
  const csp = r.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/https?:\/\//);
  expect(r.headers()["referrer-policy"]).toBe("no-referrer");
  // Scripts only with this response's nonce: no 'unsafe-inline' for scripts, a new nonce every time.
  const script = csp
    .split(";")
    .map((d) => d.trim())
    .find((d) => d.startsWith("script-src"))!;
  expect(script).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'$/);
  const again = (await request.get("/en")).headers()["content-security-policy"];
  expect(again).not.toBe(csp);
  const api = (await request.get("/api/health")).headers()["content-security-policy"] ?? "";
  expect(
    api
      .split(";")
      .map((d) => d.trim())
      .find((d) => d.startsWith("script-src")),
  ).toBe("script-src 'self'");
});

test("every script on a page carries the response's nonce, and the page still works", async ({ page }) => {
  for (const path of ["/be", "/en/transparency", "/en/courses", "/en/apply"]) {
    const response = await page.goto(path);
    const nonce = /'nonce-([^']+)'/.exec(response!.headers()["content-security-policy"]!)![1];
    const scripts = await page.locator("script").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const n of scripts) expect(n, path).toBe(nonce);
  }
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.reload();
  await page.waitForLoadState("networkidle");
  expect(violations).toEqual([]);
});
