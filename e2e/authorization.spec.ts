// Cross-role matrix: which signed-in pages each demo role can open. Out-of-role pages say "No access" with
// HTTP 403, out-of-scope records "Page not found" with 404, so that monitoring and scripts see the refusal.
import { demo, expect, signInAs, test } from "./fixtures";

const PAGES = {
  "/en/review": "Review queue",
  "/en/funds": "Funds",
  "/en/payouts": "Payouts",
  "/en/funds/new": "New fund",
  "/en/pledges": "My pledges",
  "/en/provider": "My courses",
  "/en/admin": "Administration",
  "/en/admin/access-log": "Access log",
  "/en/admin/audit": "Audit log",
  "/en/funds/demo-fund-rehab/access-log": "Access log of Rehabilitation Fund",
} as const;

const ACCESS: Record<string, (keyof typeof PAGES)[]> = {
  applicant: [],
  reviewer: ["/en/review"],
  fund: ["/en/funds", "/en/payouts", "/en/funds/new", "/en/funds/demo-fund-rehab/access-log"],
  provider: ["/en/provider"],
  donor: ["/en/pledges"],
  admin: ["/en/admin", "/en/admin/access-log", "/en/admin/audit"],
};

for (const [account, allowed] of Object.entries(ACCESS)) {
  test(`the ${account} opens exactly the staff pages of their role`, async ({ page }) => {
    test.setTimeout(90_000);
    await signInAs(page, demo(account));
    let refusalSeen = false;
    for (const [path, heading] of Object.entries(PAGES)) {
      const response = await page.goto(path);
      const isAllowed = allowed.includes(path as keyof typeof PAGES);
      expect(response?.status(), `${account} at ${path}`).toBe(isAllowed ? 200 : 403);
      await expect(page.getByRole("heading", { level: 1 }), `${account} at ${path}`).toHaveText(isAllowed ? heading : "No access");
      if (!isAllowed && !refusalSeen) {
        // The refusal is a page of the site like any other: its navigation and the quick exit are there.
        refusalSeen = true;
        await expect(page.getByRole("banner").getByRole("link", { name: /^Quick exit/ })).toBeVisible();
        await expect(page.getByText(`Signed in as ${demo(account)}`)).toBeVisible();
      }
      expect(response?.headers()["cache-control"]).toContain("no-store");
    }
  });
}

test("a fund manager cannot open another organisation's fund by its id", async ({ page }) => {
  await signInAs(page, demo("fund"));
  const response = await page.goto("/en/funds/demo-fund-solidarity"); // belongs to Kvant, not Brightline
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await page.goto("/en/funds/demo-fund-academy");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Academy Debt Relief Fund");
});

test("a reviewer opens a case pseudonymously and never sees a case of another organisation", async ({ page }) => {
  await signInAs(page, demo("reviewer2")); // Brightline only
  await page.goto("/en/review");
  await expect(page.getByRole("link", { name: "PAD-DEMO-0002" })).toBeVisible();
  await expect(page.getByRole("link", { name: "PAD-DEMO-0005" })).toHaveCount(0); // Kvant's fund
  const response = await page.goto("/en/review/demo-application-5");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});

// Route handlers, for every demo role and a signed-out client: what each may download. Anything not
// allowed answers 404 (never a hint that the thing exists).
const ROUTES: Record<string, { allowed: string[]; contentType: RegExp }> = {
  "/api/review/export": { allowed: ["reviewer"], contentType: /text\/csv/ },
  "/api/payouts/batch": { allowed: ["fund"], contentType: /text\/csv/ },
};

for (const account of [null, "applicant", "reviewer", "fund", "provider", "donor", "admin"]) {
  test(`route handlers as ${account ?? "a signed-out client"}: only the allowed ones answer`, async ({ page }) => {
    if (account) await signInAs(page, demo(account));
    for (const [path, rule] of Object.entries(ROUTES)) {
      const r = await page.request.get(path, { maxRedirects: 0 });
      const allowed = account !== null && rule.allowed.includes(account);
      expect(r.status(), `${account} GET ${path}`).toBe(allowed ? 200 : 404);
      if (allowed) expect(r.headers()["content-type"]).toMatch(rule.contentType);
      expect(r.headers()["cache-control"]).toContain("no-store");
    }
  });
}
