// Every page of the route map, in each language, as the role that may see it, and the main forms sent
// empty (with and without JavaScript): no raw message key ("validation.Invalid input: …",
// "review.amount"), no unfilled {placeholder} and no server error ever reaches the screen.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { demo, expect, signInAs, test } from "./fixtures";

const APP = path.join(import.meta.dirname, "..", "app");
const en = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "..", "messages", "en.json"), "utf8")) as Record<string, unknown>;
const LOCALES = ["be", "ru", "en"] as const;
type Who = "visitor" | "applicant" | "reviewer2" | "fund" | "donor" | "provider" | "admin";

function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name === "page.tsx" ? [path.join(dir, e.name)] : []));
}
// The README's route map with the demo ids; each page is opened by a role that may see it.
const pages = walk(APP).map((f) => {
  const segments = path
    .relative(APP, path.dirname(f))
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s))
    .slice(1);
  const id = segments.includes("courses") ? "demo-course-frontend" : "demo-fund-rehab";
  const url =
    "/" + segments.map((s) => ({ "[applicationId]": "demo-application-1", "[fundId]": "demo-fund-rehab", "[id]": id })[s] ?? s).join("/");
  const top = segments[0] ?? "";
  const who: Who =
    top === "admin"
      ? "admin"
      : top === "review"
        ? "reviewer2"
        : top === "funds" || top === "payouts"
          ? "fund"
          : top === "pledges"
            ? "donor"
            : top === "provider"
              ? "provider"
              : top === "me" || (top === "apply" && segments.length > 1)
                ? "applicant"
                : "visitor";
  return { url: url === "/" ? "" : url, who };
});

// A raw key looks like "namespace.key" with one of the catalogue's namespaces; a placeholder like {name}.
const RAW_KEY = new RegExp(`\\b(?:${Object.keys(en).join("|")})\\.[A-Za-z_][A-Za-z0-9_]*`);
const PLACEHOLDER = /\{\s*[A-Za-z_][A-Za-z0-9_]*\s*(?:,[^}]*)?\}/;

/** Everything a person or a screen reader gets from the page: text, labels, options, titles. */
async function shownText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const out = [document.title, document.body.innerText];
    for (const el of Array.from(document.querySelectorAll("[aria-label],[title],[placeholder],[alt]")))
      for (const a of ["aria-label", "title", "placeholder", "alt"]) out.push(el.getAttribute(a) ?? "");
    for (const el of Array.from(document.querySelectorAll("option, svg title, svg desc"))) out.push(el.textContent ?? "");
    for (const el of Array.from(document.querySelectorAll("input[type=submit], input[type=button]")))
      out.push((el as HTMLInputElement).value);
    return out.join("\n");
  });
}

async function problemsOn(page: Page, where: string): Promise<string[]> {
  const text = await shownText(page);
  const problems: string[] = [];
  const key = RAW_KEY.exec(text);
  if (key)
    problems.push(`${where}: raw key "${key[0]}" in "${text.slice(Math.max(0, key.index - 40), key.index + 60).replace(/\s+/g, " ")}"`);
  const ph = PLACEHOLDER.exec(text);
  if (ph)
    problems.push(`${where}: placeholder "${ph[0]}" in "${text.slice(Math.max(0, ph.index - 40), ph.index + 60).replace(/\s+/g, " ")}"`);
  return problems;
}

async function open(page: Page, url: string, where: string, problems: string[]) {
  const r = await page.goto(url);
  const status = r?.status() ?? 0;
  if (status >= 400) problems.push(`${where}: HTTP ${status}`);
  problems.push(...(await problemsOn(page, where)));
}

test("the route map is covered: every page has a role that may see it", () => {
  expect(pages.length).toBeGreaterThanOrEqual(25);
  expect(pages.filter((p) => p.url.includes("["))).toEqual([]);
});

const roles = [...new Set(pages.map((p) => p.who))];
for (const who of roles) {
  for (const locale of LOCALES) {
    test(`every page ${who === "visitor" ? "a visitor" : `the ${who}`} may open reads right in ${locale}: no raw key, no placeholder, no error`, async ({
      browser,
      baseURL,
    }) => {
      test.setTimeout(120_000);
      // Server-rendered pages (client components included) as sent: quicker without running the scripts.
      const ctx = await browser.newContext({ baseURL, javaScriptEnabled: false });
      const page = await ctx.newPage();
      if (who !== "visitor") await signInAs(page, demo(who));
      const problems: string[] = [];
      for (const p of pages.filter((x) => x.who === who)) await open(page, `/${locale}${p.url}`, `${locale}${p.url} as ${who}`, problems);
      await ctx.close();
      expect(problems).toEqual([]);
    });
  }
}

/** Submits the form holding `field` with every field left empty, and reports what the page then shows. */
async function submitEmpty(page: Page, field: string, where: string, problems: string[], button = "button[type=submit]") {
  const form = page.locator("form").filter({ has: page.locator(field) });
  await form.locator(button).first().click();
  // Both paths show a field error: the browser's resolver at once, the server's after the post.
  await expect(form.locator("[id$='-error'], p.text-red-800").first()).toBeVisible();
  problems.push(...(await problemsOn(page, where)));
}

for (const js of [true, false]) {
  for (const locale of LOCALES) {
    test(`forms sent empty ${js ? "with" : "without"} JavaScript explain each field in ${locale}, never with a raw key`, async ({
      browser,
      baseURL,
    }) => {
      test.setTimeout(120_000);
      const ctx = await browser.newContext({ baseURL, javaScriptEnabled: js });
      const page = await ctx.newPage();
      const problems: string[] = [];
      await page.goto(`/${locale}/sign-in`);
      await submitEmpty(page, "#identifier", `${locale} sign-in`, problems);
      await submitEmpty(page, "#magic-email", `${locale} sign-in by link`, problems);
      for (const field of ["#p-password", "#email"]) {
        await page.goto(`/${locale}/sign-up`);
        await submitEmpty(page, field, `${locale} sign-up (${field})`, problems);
      }
      await page.goto(`/${locale}/sign-in/recover`);
      await submitEmpty(page, "#r-username", `${locale} recovery`, problems);
      await page.goto(`/${locale}/status`);
      await submitEmpty(page, "#code", `${locale} status`, problems);

      // A new applicant without email starts a draft and submits it empty.
      await page.goto(`/${locale}/sign-up`);
      await page.locator("#p-password").fill("seven quiet birch trees");
      await page.locator("#p-passwordConfirm").fill("seven quiet birch trees");
      await page
        .locator("form")
        .filter({ has: page.locator("#p-password") })
        .locator("button[type=submit]")
        .click();
      await expect(page.getByRole("main").getByRole("status").getByRole("listitem")).toHaveCount(10);
      await page.goto(`/${locale}/apply`);
      await page
        .locator("form")
        .filter({ has: page.locator("input[name=fundId][value=demo-fund-solidarity]") })
        .locator("button[type=submit]")
        .first()
        .click();
      await expect(page).toHaveURL(/\/apply\/[^/]+$/);
      for (const id of ["#a-amount", "#a-statement"]) await page.locator(id).fill("");
      await submitEmpty(page, "#a-statement", `${locale} application submitted empty`, problems, "button[value=submit]");
      problems.push(...(await problemsOn(page, `${locale} application`)));
      await ctx.close();
      expect(problems).toEqual([]);
    });
  }
}
