// The transparency page on a 375 px phone: nothing wider than the screen, chart text at least 12 px tall
// as rendered, the money table readable without scrolling sideways, and the "fewer than 5" marks explained.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

test.use({ viewport: { width: 375, height: 800 } });

async function pageOverflow(page: Page) {
  return page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: document.documentElement.clientWidth }));
}

/** The smallest rendered height of chart text, in CSS pixels: font size times the SVG's scale on screen. */
async function smallestChartText(page: Page) {
  return page.evaluate(() => {
    const sizes = Array.from(document.querySelectorAll("main svg[role=img] text")).map((el) => {
      const t = el as SVGTextElement;
      return parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM()?.a ?? 0);
    });
    return { count: sizes.length, min: Math.min(...sizes) };
  });
}

for (const locale of ["en", "be", "ru"]) {
  test(`on a phone the transparency page fits the screen and its charts are readable (${locale})`, async ({ page }) => {
    await page.goto(`/${locale}/transparency`);
    const o = await pageOverflow(page);
    expect(o.scroll, "the page scrolls sideways").toBeLessThanOrEqual(o.view);
    const text = await smallestChartText(page);
    expect(text.count).toBeGreaterThan(10);
    expect(text.min).toBeGreaterThanOrEqual(12);

    // Every figure of the money table is on screen, beside its column's name.
    const cells = page.locator("#totals-h + table td");
    expect(await cells.count()).toBeGreaterThan(4);
    for (const box of await cells.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(375);
    }
  });
}

test("on a phone every chart with a 'fewer than 5' mark explains it under the chart", async ({ page }) => {
  await page.goto("/en/transparency");
  await expect(
    page.getByText("Hatched: a week with fewer than 5 applications, not shown to protect the people in it (not a zero).").first(),
  ).toBeVisible();
  // Each chart whose data has a hidden group carries the legend for it.
  const charts = await page.locator("main figure").evaluateAll((figs) =>
    figs.map((f) => ({
      hidden: (f.querySelector("svg desc")?.textContent ?? "").includes("fewer than 5"),
      legend: f.querySelector("figcaption")?.textContent ?? "",
    })),
  );
  expect(charts.filter((c) => c.hidden).length).toBeGreaterThan(0);
  expect(charts.filter((c) => c.hidden && !/fewer than 5/.test(c.legend))).toEqual([]);
});

test("on a phone one fund's full page fits the screen (wide tables scroll inside their box)", async ({ page }) => {
  await page.goto("/en/transparency/demo-fund-rehab");
  const o = await pageOverflow(page);
  expect(o.scroll).toBeLessThanOrEqual(o.view);
  expect((await smallestChartText(page)).min).toBeGreaterThanOrEqual(12);
});
