// Headers of every page type, generated from the route map, for a signed-in staff member and a visitor:
// a nonce CSP without inline scripts, no framing, no sniffing, no referrer, and never cached; session
// cookies HttpOnly and SameSite=Lax.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { demo, expect, signInAs, test } from "./fixtures";
import { send } from "./raw-http";

const APP = path.join(import.meta.dirname, "..", "app");
function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name === "page.tsx" ? [path.join(dir, e.name)] : []));
}
const pages = walk(APP).map((f) => {
  const segments = path
    .relative(APP, path.dirname(f))
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s));
  const id = segments.includes("courses") ? "demo-course-frontend" : "demo-fund-rehab";
  return (
    "/" +
    segments
      .map((s) => ({ "[locale]": "en", "[applicationId]": "demo-application-1", "[fundId]": "demo-fund-rehab", "[id]": id })[s] ?? s)
      .join("/")
  );
});

for (const who of [null, "admin"] as const) {
  test(`every page type sends the security headers (${who ?? "visitor"})`, async ({ page }) => {
    if (who) await signInAs(page, demo(who));
    const problems: string[] = [];
    for (const url of pages) {
      const r = await page.request.get(url, { maxRedirects: 0 });
      const h = r.headers();
      const csp = h["content-security-policy"] ?? "";
      const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
      const check = (ok: boolean, what: string) => ok || problems.push(`${url}: ${what}`);
      // A redirect (a visitor sent to sign-in) has no document to protect; every page served has the policy.
      check(
        r.status() >= 300 && r.status() < 400
          ? true
          : /'nonce-[A-Za-z0-9+/=]+'/.test(scriptSrc) && !scriptSrc.includes("unsafe-inline") && !scriptSrc.includes("unsafe-eval"),
        `script-src ${scriptSrc}`,
      );
      check(/frame-ancestors 'none'/.test(csp) || h["x-frame-options"] === "DENY", "framing allowed");
      check(h["x-content-type-options"] === "nosniff", "no nosniff");
      check(h["referrer-policy"] === "no-referrer", `referrer-policy ${h["referrer-policy"]}`);
      check(/no-store/.test(h["cache-control"] ?? ""), `cache-control ${h["cache-control"]}`);
    }
    expect(problems).toEqual([]);
    expect(pages.length).toBeGreaterThanOrEqual(25);
  });
}

test("the session cookie is HttpOnly and SameSite=Lax", async ({ page }) => {
  await signInAs(page, demo("reviewer"));
  const session = (await page.context().cookies()).find((c) => c.name.includes("authjs.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
});

test("every page and route answers a method it does not serve (TRACE, PUT, OPTIONS, WebDAV…) with 405 and Allow, never an error", async () => {
  const routes = [
    "/api/health",
    "/api/auth/session",
    "/api/evidence/x",
    "/api/funds/demo-fund-rehab/export",
    "/en/apply/x.x",
    "/favicon.ico",
    "/_next/static/x.js",
  ];
  // Every method Node's HTTP parser knows (CONNECT opens a tunnel instead: Node closes it).
  const methods = http.METHODS.filter((m) => !["GET", "HEAD", "POST", "CONNECT"].includes(m));
  expect(methods).toEqual(expect.arrayContaining(["TRACE", "PUT", "DELETE", "PATCH", "OPTIONS", "PROPFIND"]));
  const problems: string[] = [];
  for (const url of [...pages, ...routes]) {
    for (const method of methods) {
      const r = await send(url, { method, headers: { origin: "http://evil.example" } });
      if (r.status !== 405 || r.headers.allow !== "GET, HEAD, POST")
        problems.push(`${method} ${url}: ${r.status} allow=${r.headers.allow}`);
    }
    // A method the parser does not know never reaches the app: Node answers 400 itself.
    expect((await send(url, { method: "BREW" })).status).toBe(400);
  }
  expect(problems).toEqual([]);
});

test("the evidence route keeps its own policy on every answer: nothing runs or loads, nothing is stored", async () => {
  // A file itself is checked in e2e/apply.spec.ts; here the answers without one (signed out, unknown id).
  for (const url of ["/api/evidence/x", "/api/evidence/demo-file"]) {
    const r = await send(url);
    expect(r.status).toBe(404);
    expect(r.headers["content-security-policy"]).toBe("default-src 'none'; sandbox");
    expect(r.headers["cache-control"]).toBe("private, no-store");
  }
});
