// CSRF suite, generated from the route map: every page (server actions are POSTs to pages) and every route
// handler that accepts POST refuses a foreign, a `null` (without the browser's same-origin mark) and a
// missing Origin with 403, whoever is signed in, also with a forged mark of the app server; the same request
// from our own origin is served.
import fs from "node:fs";
import path from "node:path";
import { demo, expect, signInAs, test } from "./fixtures";

const APP = path.join(import.meta.dirname, "..", "app");
const SAMPLE: Record<string, string> = { "[locale]": "en", "[applicationId]": "demo-application-1", "[fundId]": "demo-fund-rehab", "[...nextauth]": "callback/credentials" };
const sampleId = (segments: string[]) => (segments.includes("courses") ? "demo-course-frontend" : "demo-fund-rehab");

function walk(dir: string, file: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name), file) : e.name === file ? [path.join(dir, e.name)] : []));
}
function urlOf(file: string): string {
  const segments = path.relative(APP, path.dirname(file)).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
  return "/" + segments.map((s) => SAMPLE[s] ?? (s === "[id]" ? sampleId(segments) : s)).join("/");
}

const pages = walk(APP, "page.tsx").map(urlOf);
const postHandlers = walk(path.join(APP, "api"), "route.ts").filter((f) => /export (async function\s+|const \{[^}]*)POST\b/.test(fs.readFileSync(f, "utf8"))).map(urlOf);
const ORIGINS: [string, Record<string, string>][] = [
  ["a foreign Origin", { origin: "https://evil.example" }],
  ["a null Origin", { origin: "null" }],
  ["a null Origin marked cross-site", { origin: "null", "sec-fetch-site": "cross-site" }],
  ["no Origin", {}],
  // The app server removes this mark from every request (ADR 0022): a client cannot use it to skip the check.
  ["a foreign Origin with a forged prepared mark", { origin: "https://evil.example", "x-padtrymka-prepared": "1" }],
  ["no Origin with a forged prepared mark", { "x-padtrymka-prepared": "1" }],
];

test("the route map is covered: every page and every POST route handler", () => {
  expect(pages.length).toBeGreaterThanOrEqual(25);
  expect(postHandlers).toEqual(expect.arrayContaining(["/api/auth/callback/credentials", "/api/funds/demo-fund-rehab/export"]));
});

for (const who of [null, "fund", "reviewer"] as const) {
  test(`every mutating endpoint refuses forged origins (${who ?? "signed out"})`, async ({ page }) => {
    if (who) await signInAs(page, demo(who));
    const failures: string[] = [];
    for (const url of [...pages, ...postHandlers]) {
      for (const [label, headers] of ORIGINS) {
        // A server action post looks like this (the action id does not matter: the request must not get that far).
        const r = await page.request.post(url, { headers: { ...headers, "next-action": "0000000000000000000000000000000000000000", "content-type": "text/plain;charset=UTF-8" }, data: "[]", maxRedirects: 0 });
        if (r.status() !== 403) failures.push(`${url} with ${label}: ${r.status()}`);
      }
    }
    expect(failures).toEqual([]);
  });
}

test("the same post from our own origin is served", async ({ page, baseURL }) => {
  await signInAs(page, demo("fund"));
  const r = await page.request.post("/api/funds/demo-fund-rehab/export", { headers: { origin: new URL(baseURL!).origin }, form: { stage: "", locale: "en" }, maxRedirects: 0 });
  expect(r.status()).toBe(200);
  expect(r.headers()["content-type"]).toContain("text/csv");
});
