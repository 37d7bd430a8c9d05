// Light on a throttled link: on 400 kbps through a proxy every background request is the visitor's own
// bandwidth. No page fetches another page the visitor has not asked for — neither the links in view nor
// the one under the pointer (lib/i18n/navigation.tsx; docs/decisions/0047-mirrors.md).
import type { Request } from "@playwright/test";
import { expect, test } from "./fixtures";

/** A request for a page's RSC payload or HTML other than the one being opened. */
async function pageFetch(req: Request, opened: string): Promise<string | null> {
  const url = new URL(req.url());
  const headers = await req.allHeaders();
  const rsc =
    url.searchParams.has("_rsc") ||
    headers["rsc"] !== undefined ||
    headers["next-router-prefetch"] !== undefined ||
    headers["next-router-state-tree"] !== undefined;
  const otherDocument = req.resourceType() === "document" && url.pathname !== opened;
  return rsc || otherDocument
    ? `${req.method()} ${url.pathname}${url.search}${headers["next-router-prefetch"] ? " (prefetch)" : ""}`
    : null;
}

for (const path of ["/en/courses", "/en/transparency", "/en/apply", "/en/status"]) {
  test(`a visitor opening ${path} downloads no other page in the background`, async ({ page }) => {
    const fetched: Promise<string | null>[] = [];
    page.on("request", (req) => fetched.push(pageFetch(req, path)));
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    // Every link scrolled into view, and the pointer resting on each of the first links.
    await page.mouse.wheel(0, 20_000);
    const links = page.locator("a[href^='/']");
    const n = Math.min(await links.count(), 12);
    for (let i = 0; i < n; i++)
      await links
        .nth(i)
        .hover({ timeout: 1_000 })
        .catch(() => {});
    await page.waitForTimeout(1_000);
    await page.waitForLoadState("networkidle");
    expect(n).toBeGreaterThan(3);
    expect((await Promise.all(fetched)).filter(Boolean)).toEqual([]);
  });
}

test("following a link still opens the page (a click asks for it)", async ({ page }) => {
  await page.goto("/en/courses");
  await page.getByRole("banner").getByRole("link", { name: "Transparency" }).click();
  await expect(page).toHaveURL(/\/en\/transparency$/);
});
