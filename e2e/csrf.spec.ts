// CSRF suite, generated from the route map: every page (server actions are POSTs to pages), the same paths
// with a dot, other paths the proxy's page matcher skips, and every route handler that accepts POST refuse a
// foreign, a `null` (without the browser's same-origin mark) and a missing Origin with 403, whoever is signed
// in, also with a forged mark of the app server; the same request from our own origin is served.
import fs from "node:fs";
import path from "node:path";
import { demo, expect, signInAs, test } from "./fixtures";
import { loopback, ORIGIN, postForm } from "./raw-http";

const APP = path.join(import.meta.dirname, "..", "app");
const SAMPLE: Record<string, string> = {
  "[locale]": "en",
  "[applicationId]": "demo-application-1",
  "[fundId]": "demo-fund-rehab",
  "[...nextauth]": "callback/credentials",
};
const sampleId = (segments: string[]) => (segments.includes("courses") ? "demo-course-frontend" : "demo-fund-rehab");

function walk(dir: string, file: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name), file) : e.name === file ? [path.join(dir, e.name)] : []));
}
function urlOf(file: string): string {
  const segments = path
    .relative(APP, path.dirname(file))
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s));
  return "/" + segments.map((s) => SAMPLE[s] ?? (s === "[id]" ? sampleId(segments) : s)).join("/");
}

const pages = walk(APP, "page.tsx").map(urlOf);
// proxy.ts's page matcher skips paths with a dot, API routes and Next internals; the rule must not.
const elsewhere = [
  ...pages.map((p) => `${p}.x`),
  "/en/apply/demo-application-1.json",
  "/favicon.ico",
  "/_next/static/x.js",
  "/_next/image",
  "/api/no-such-route",
];
const postHandlers = walk(path.join(APP, "api"), "route.ts")
  .filter((f) => /export (async function\s+|const \{[^}]*)POST\b/.test(fs.readFileSync(f, "utf8")))
  .map(urlOf);
const ORIGINS: [string, Record<string, string>][] = [
  ["a foreign Origin", { origin: "https://evil.example" }],
  ["a null Origin", { origin: "null" }],
  ["a null Origin marked cross-site", { origin: "null", "sec-fetch-site": "cross-site" }],
  ["no Origin", {}],
  // The app server removes this mark from every request (ADR 0022): a client cannot use it to skip the check.
  ["a foreign Origin with a forged prepared mark", { origin: "https://evil.example", "x-padtrymka-prepared": "1" }],
  ["no Origin with a forged prepared mark", { "x-padtrymka-prepared": "1" }],
  ["no Origin with a forged checked mark", { "x-padtrymka-checked": "1" }],
  // X-Forwarded-Host counts only from a declared proxy (TRUSTED_PROXIES, ADR 0030): a client cannot make a
  // foreign Origin look like ours with it.
  ["a foreign Origin with a forwarded host to match it", { origin: "https://evil.example", "x-forwarded-host": "evil.example" }],
];

test("the route map is covered: every page and every POST route handler", () => {
  expect(pages.length).toBeGreaterThanOrEqual(25);
  expect(postHandlers).toEqual(expect.arrayContaining(["/api/auth/callback/credentials", "/api/funds/demo-fund-rehab/export"]));
});

for (const who of [null, "fund", "reviewer"] as const) {
  test(`every mutating endpoint refuses forged origins (${who ?? "signed out"})`, async ({ page }) => {
    if (who) await signInAs(page, demo(who));
    const failures: string[] = [];
    for (const url of [...pages, ...postHandlers, ...elsewhere]) {
      for (const [label, headers] of ORIGINS) {
        // A server action post looks like this (the action id does not matter: the request must not get that far).
        const r = await page.request.post(url, {
          headers: { ...headers, "next-action": "0000000000000000000000000000000000000000", "content-type": "text/plain;charset=UTF-8" },
          data: "[]",
          maxRedirects: 0,
        });
        if (r.status() !== 403) failures.push(`${url} with ${label}: ${r.status()}`);
      }
    }
    expect(failures).toEqual([]);
  });
}

test("a real server action posted to a path with a dot, without our Origin, is refused before it runs", async () => {
  const from = loopback();
  // `origin` undefined: as a browser without JavaScript posts the form (Origin: null, Sec-Fetch-Site: same-origin).
  const post = (to: string, origin?: string | false) =>
    postForm("/en/status", 'name="code"', { code: "PAD-2222-3333" }, { from, to, origin });
  // Next.js runs a page's server action for these paths (a dot in the locale or in the last segment), which
  // proxy.ts's page matcher skips.
  for (const to of ["/en.x/status", "/en/status.x"]) {
    for (const origin of [false, "null", "https://evil.example"] as const)
      expect((await post(to, origin)).status, `${to} with ${origin || "no"} Origin`).toBe(403);
  }
  // Ten more without an Origin: had they run, they would have used up this client's ten status lookups.
  for (let i = 0; i < 10; i++) expect((await post("/en.x/status", false)).status).toBe(403);
  // The form itself, from our page with JavaScript off and with it on, still works.
  for (const origin of [undefined, ORIGIN]) {
    const r = await post("/en/status", origin);
    expect(r.body.includes("No application has this code."), `the lookup with Origin ${origin}`).toBe(true);
    expect(r.body.includes("Too many attempts"), `the lookup with Origin ${origin}`).toBe(false);
  }
});

test("the same post from our own origin is served", async ({ page, baseURL }) => {
  await signInAs(page, demo("fund"));
  const r = await page.request.post("/api/funds/demo-fund-rehab/export", {
    headers: { origin: new URL(baseURL!).origin },
    form: { stage: "", locale: "en" },
    maxRedirects: 0,
  });
  expect(r.status()).toBe(200);
  expect(r.headers()["content-type"]).toContain("text/csv");
});
