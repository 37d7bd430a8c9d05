// From a lost job to a seat: a provider publishes a course, an applicant finds it through the catalogue
// filters and the recommendations, requests a seat, gets an offer and accepts; only then does the
// provider see their contact, and marks attendance, completion and hiring.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { demo, escapeRegExp, expect, signInAs, test } from "./fixtures";
import type { Account } from "./support/factories";

test.describe.configure({ mode: "serial" });

// The journey's own provider, course and applicant (e2e/support/factories.ts): the demo applicant's profile
// and the demo catalogue stay as seeded. The accessibility scans read the demo accounts' pages.
let provider: Account;
let applicant: Account;
let TITLE: string;
test.beforeAll(async ({ make }) => {
  [provider, applicant] = await Promise.all([make.provider(), make.applicant()]);
  TITLE = `Data analysis with SQL (e2e ${Date.now().toString(36)})`;
});
const status = (page: Page) => page.getByRole("main").getByRole("status");
const iso = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test("a provider creates a course (refused with the reason when the deadline is after the start) and publishes it", async ({ page }) => {
  await signInAs(page, provider.login, provider.password);
  await page.goto("/en/provider/courses/new");
  await page.getByLabel("Course title").fill(TITLE);
  await page.getByLabel("Track").selectOption({ label: "Data" });
  await page.getByLabel("Description").fill("Twelve evenings of SQL and spreadsheets for people with no IT experience.");
  await page.getByLabel("Format").selectOption({ label: "Online" });
  await page.getByLabel("Teaching language").selectOption({ label: "English" });
  await page.getByLabel("Start date").fill(iso(20));
  await page.getByLabel("Application deadline").fill(iso(25));
  await page.getByLabel("Seats", { exact: true }).fill("3");
  await page.getByLabel("We interview the best graduates").check();
  await page.getByRole("button", { name: "Create the course (as a draft)" }).click();
  await expect(page.getByText("The application deadline must be on or before the start date.")).toBeVisible();
  await page.getByLabel("Application deadline").fill(iso(14));
  await page.getByRole("button", { name: "Create the course (as a draft)" }).click();
  await expect(status(page)).toContainText("The course was saved.");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(status(page)).toContainText("The course is published in the catalogue.");
});

test("an applicant finds it through the filters and the recommendations, and requests a seat", async ({ page }) => {
  await signInAs(page, applicant.login, applicant.password);
  await page.goto("/en/courses");
  await page.getByLabel("Track").selectOption({ label: "Data" });
  await page.getByLabel("Teaching language").selectOption({ label: "English" });
  await page.getByLabel("Seats left").check();
  await page.getByRole("button", { name: "Show courses" }).click();
  await expect(page).toHaveURL(/track=DATA/);
  await expect(page.getByRole("link", { name: TITLE })).toBeVisible();
  await expect(page.getByRole("link", { name: "Python for beginners" })).toHaveCount(0);

  await page.goto("/en/me/profile");
  await page.getByRole("checkbox", { name: "Data", exact: true }).check();
  await page.getByRole("checkbox", { name: "English", exact: true }).check();
  await page.getByLabel("Previous occupation").fill("Crane operator");
  await page.getByLabel("Providers may suggest me").check();
  await page.getByRole("button", { name: "Save my profile" }).click();
  await expect(status(page)).toContainText("Your profile was saved");
  const rec = page.getByRole("region", { name: "Courses" }).getByRole("listitem").filter({ hasText: TITLE });
  await expect(rec).toContainText("you chose Data");
  await expect(rec).toContainText("the provider interviews the best graduates");

  await rec.getByRole("link", { name: TITLE }).click();
  await page.getByLabel("Why this course?").fill("I drove a crane for 12 years and want to work with data instead.");
  await page.getByRole("button", { name: "Request a seat" }).click();
  await expect(status(page)).toContainText("Your request was sent.");
  await expect(page.getByRole("region", { name: "Courses" })).toContainText("Requested");
});

test("the provider offers a seat without seeing who it is; after acceptance they see the contact and record the outcome", async ({
  browser,
}) => {
  const pp = await (await browser.newContext()).newPage();
  const ap = await (await browser.newContext()).newPage();
  await signInAs(pp, provider.login, provider.password);
  await signInAs(ap, applicant.login, applicant.password);
  await pp.goto("/en/provider");
  await pp.getByRole("link", { name: TITLE }).click();
  const request = pp.getByRole("listitem", { name: "Applicant #1" });
  await expect(request).toContainText("I drove a crane for 12 years");
  await expect(pp.getByText(applicant.email!)).toHaveCount(0);
  await request.getByRole("button", { name: "Offer a seat to #1" }).click();
  await expect(status(pp)).toContainText("Seat offered");
  await expect(pp.getByText(applicant.email!)).toHaveCount(0);

  await ap.goto("/en/me");
  await ap.getByRole("button", { name: `Accept the seat in ${TITLE}` }).click();
  await expect(status(ap)).toContainText("You accepted the seat.");

  await pp.reload();
  await expect(pp.getByRole("listitem", { name: "Applicant #1" })).toContainText(`Email ${applicant.email}`);
  for (const [button, shown] of [
    ["Mark #1 as attending", "Attending"],
    ["Mark #1 as completed", "Completed"],
    ["Mark #1 as hired", "Hired"],
  ] as const) {
    await pp.getByRole("button", { name: button }).click();
    await expect(status(pp)).toContainText(shown);
  }
  await pp.goto("/en/provider");
  await expect(pp.getByRole("row", { name: new RegExp(escapeRegExp(TITLE)) })).toContainText("1 / 3");
});

for (const [who, path] of [
  [null, "/en/courses"],
  ["provider", "/en/provider"],
  ["provider", "/en/provider/courses/new"],
  ["applicant", "/en/me/profile"],
  ["applicant", "/en/me"],
] as const) {
  test(`${path} has no accessibility violations`, async ({ page }) => {
    if (who) await signInAs(page, demo(who));
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}
