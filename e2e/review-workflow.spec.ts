// The review workflow beyond four eyes: rubric scores and the score sort, bulk screening with undo,
// reveals confirmed by a second reviewer, a fund manager's ruling on a rejection, template messages read
// in the applicant's language, and exports with personal details only with a reason.
import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { type Page } from "@playwright/test";
import { demo, expect, signInAs, test } from "./fixtures";

// The tests that change cases work on cases of their own (e2e/support/factories.ts); the exports and the
// accessibility scans read the demo data.
const status = (page: Page) => page.getByRole("main").getByRole("status");
const rubric = [
  { label: "Urgency of need", weight: 3 },
  { label: "Strength of evidence", weight: 2 },
  { label: "Fit with the fund's purpose", weight: 1 },
];

test("a reviewer scores a case with the fund's rubric and the queue sorts the best first", async ({ page, make }) => {
  const { fund, reviewers } = await make.funder({ reviewers: 1, fund: { perApplicantCapMinor: 2_000_000, settings: { rubric } } });
  const c = await make.case(fund, {
    status: "SHORTLISTED",
    category: "RESIGNING_OFFICER",
    purpose: "ACADEMY_DEBT",
    region: "VITEBSK",
    amountMinor: 1_600_000,
    ageDays: 4,
    statement: "Left the service after the election; the academy wants the full cost of training back.",
  });
  await make.case(fund, { status: "SUBMITTED", ageDays: 2 }); // the next open case of the fund
  await signInAs(page, reviewers[0]!.login, reviewers[0]!.password);
  await page.goto(`/en/review/${c.id}`);
  await expect(page.getByText("Not scored yet")).toBeVisible();
  await page.getByLabel("Urgency of need (weight 3), 0–5").selectOption("5");
  await page.getByLabel("Strength of evidence (weight 2), 0–5").selectOption("4");
  // One criterion left blank: refused, and the other two keep their values.
  await page.getByRole("button", { name: "Save my score" }).click();
  await expect(page.getByText("Give every criterion a whole number from 0 to 5.")).toBeVisible();
  await expect(page.getByLabel("Urgency of need (weight 3), 0–5")).toHaveValue("5");
  await page.getByLabel("Fit with the fund's purpose (weight 1), 0–5").selectOption("5");
  await page.getByRole("button", { name: "Save my score" }).click();
  await expect(status(page)).toHaveText("Saved. Your score: 93 of 100; the case's score: 93 of 100.");
  // One click to the next open case of the same fund.
  await page.getByRole("link", { name: "Next case in this fund →" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/review/(?!${c.id}$)[\\w-]+$`));
  await expect(page.getByText(fund.name)).toBeVisible();

  await page.goto(`/en/review?fund=${fund.id}&sort=score`);
  const firstRow = page.getByRole("table").last().getByRole("row").nth(1);
  await expect(firstRow).toContainText(c.referenceCode);
  await expect(firstRow).toContainText("93");
});

test("a reviewer shortlists two submitted cases at once, sees the progress and result, and undoes it", async ({ page, make }) => {
  const { fund, reviewers } = await make.funder({ reviewers: 1 });
  const first = await make.case(fund, {
    status: "SUBMITTED",
    category: "DISMISSED_WORKER",
    purpose: "LIVING_COSTS",
    region: "GRODNO",
    amountMinor: 90_000,
    ageDays: 2,
  });
  const second = await make.case(fund, {
    status: "SUBMITTED",
    category: "PUBLIC_SECTOR_LEAVER",
    purpose: "RELOCATION",
    region: "BREST",
    amountMinor: 120_000,
    ageDays: 2,
  });
  await signInAs(page, reviewers[0]!.login, reviewers[0]!.password);
  await page.goto(`/en/review?fund=${fund.id}&stage=SUBMITTED`);
  await page.getByLabel("Reason for all selected cases").fill("Eligible, dismissal order attached");
  await page.getByRole("button", { name: "Shortlist selected" }).click();
  await expect(page.getByText("Tick at least one case in the table first.")).toBeVisible();
  await expect(page.getByLabel("Reason for all selected cases")).toHaveValue("Eligible, dismissal order attached");
  await page.getByLabel(`Select ${first.referenceCode}`).check();
  await page.getByLabel(`Select ${second.referenceCode}`).check();
  await page.getByRole("button", { name: "Shortlist selected" }).click();
  await expect(page.getByText("2 cases moved.")).toBeVisible();
  await expect(page.getByRole("link", { name: first.referenceCode })).toHaveCount(0); // no longer submitted
  await expect(page.getByText(/You can undo for \d+ more seconds\./)).toBeVisible();
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(page.getByText("Undone: 2 back to submitted; 0 left where a colleague moved them.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("link", { name: first.referenceCode })).toBeVisible();
  await expect(page.getByRole("link", { name: second.referenceCode })).toBeVisible();
});

test("on a fund that requires it, an identity is revealed only after a second reviewer confirms", async ({
  page,
  browser,
  baseURL,
  make,
}) => {
  const { fund, reviewers } = await make.funder({ reviewers: 2, fund: { settings: { revealNeedsSecondReviewer: true } } });
  const [reviewer, colleague] = [reviewers[0]!, reviewers[1]!];
  const c = await make.case(fund, {
    status: "SUBMITTED",
    category: "REPRESSION_VICTIM",
    purpose: "FINES_LEGAL",
    region: "VITEBSK",
    amountMinor: 60_000,
    legalName: "Alesia E2E-Kavalenka",
    phone: "+375 29 000-00-14",
  });
  await signInAs(page, reviewer.login, reviewer.password);
  await page.goto(`/en/review/${c.id}`);
  await expect(page.getByText("This fund requires a second reviewer to confirm")).toBeVisible();
  await expect(page.getByRole("button", { name: "Reveal identity" })).toHaveCount(0);
  await page.getByLabel("Why do you need the identity?").fill("To check the name on the court's fine notice.");
  await page.getByRole("button", { name: "Ask a second reviewer to confirm" }).click();
  await expect(status(page)).toHaveText("Request recorded. Another reviewer of this fund must confirm it.");
  await expect(page.getByText("Your request is waiting for a second reviewer.")).toBeVisible();

  const second = await browser.newContext({ baseURL });
  const p2 = await second.newPage();
  await signInAs(p2, colleague.login, colleague.password);
  await p2.goto(`/en/review/${c.id}`);
  await expect(p2.getByText(`${reviewer.email} asked to see the identity`)).toBeVisible();
  await expect(p2.getByText("To check the name on the court's fine notice.")).toBeVisible();
  await p2.getByRole("button", { name: "Confirm the reveal" }).click();
  await expect(status(p2)).toHaveText("Confirmed and recorded. The requester can reveal the identity for 24 hours.");
  await expect(p2.getByText("Alesia E2E-Kavalenka")).toHaveCount(0); // confirming is not seeing
  await second.close();

  await page.reload();
  await page.getByLabel("Why do you need the identity?").fill("To check the name on the court's fine notice.");
  await page.getByRole("button", { name: "Reveal identity" }).click();
  await expect(page.getByText("Alesia E2E-Kavalenka")).toBeVisible();
});

test("a fund manager overrules a rejection with a reason, and the case leaves the held list", async ({ page, make }) => {
  const { fund, reviewers, managers } = await make.funder({ reviewers: 2, managers: 1 });
  const ballots = [
    { reviewer: reviewers[0]!, vote: "APPROVE" as const },
    { reviewer: reviewers[1]!, vote: "REJECT" as const, reason: "The medical report is not dated." },
  ];
  const c = await make.case(fund, {
    status: "VERIFIED",
    category: "REPRESSION_VICTIM",
    purpose: "MEDICAL_REHABILITATION",
    region: "MOGILEV",
    amountMinor: 140_000,
    ageDays: 8,
    ballots,
  });
  await signInAs(page, managers[0]!.login, managers[0]!.password);
  await page.goto(`/en/funds/${fund.id}`);
  const held = page.locator("#blocked li").filter({ hasText: c.referenceCode }).first();
  await expect(held).toContainText("Rejected: The medical report is not dated.");
  await held.getByRole("button", { name: `Rule on ${c.referenceCode}` }).click();
  await expect(held.getByText("Choose at least one.")).toBeVisible();
  await held.getByLabel("Overrule the rejection").check();
  await held.getByLabel("Reason for your ruling").fill("The clinic confirmed the date by phone.");
  await held.getByRole("button", { name: `Rule on ${c.referenceCode}` }).click();
  await expect(page.getByText("Recorded. The case is now “Verified”.")).toBeVisible();
  await page.reload();
  await expect(page.locator("#blocked").getByText(c.referenceCode)).toHaveCount(0);
});

test("a reviewer writes with a template and the applicant reads it in their own language", async ({ page, browser, baseURL, make }) => {
  const { fund, reviewers } = await make.funder({ reviewers: 2 });
  const applicant = await make.applicant();
  const c = await make.case(fund, {
    applicant,
    status: "APPROVED",
    category: "REPRESSION_VICTIM",
    purpose: "MEDICAL_REHABILITATION",
    region: "VITEBSK",
    amountMinor: 150_000,
    ageDays: 12,
    approvedBy: reviewers,
  });
  await signInAs(page, reviewers[0]!.login, reviewers[0]!.password);
  await page.goto(`/en/review/${c.id}`);
  await page.getByText("Write to the applicant").click();
  await page
    .getByLabel("Template (shown in the applicant's language)")
    .selectOption({ label: "Please confirm how you would like to receive the money." });
  await page.getByLabel("Your words (optional with a template)").fill("Card or bank transfer both work.");
  await page.getByRole("button", { name: "Send to the applicant" }).click();
  await expect(status(page)).toHaveText("Message sent. The applicant gets a neutral notice.");

  const applicantContext = await browser.newContext({ baseURL });
  const ap = await applicantContext.newPage();
  await signInAs(ap, applicant.login, applicant.password);
  await ap.goto(`/be/me/${c.id}`);
  await expect(ap.getByText("Калі ласка, пацвердзіце, як вы хочаце атрымаць грошы.")).toBeVisible();
  await expect(ap.getByText("Card or bank transfer both work.")).toBeVisible();
  await applicantContext.close();
});

test("a fund manager exports cases with personal details only with a reason, and each case lands in the access log", async ({ page }) => {
  await signInAs(page, demo("fund"));
  await page.goto("/en/funds/demo-fund-rehab");
  await page.getByLabel("Include personal details (name, phone, city, birth date, contact)").check();
  await page.getByRole("button", { name: "Download CSV" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "needs a reason of at least 10 characters" })).toBeVisible();
  await page.getByLabel("Include personal details (name, phone, city, birth date, contact)").check();
  await page.getByLabel("Reason (required for personal details)").fill("Paying this week's approved cases by bank transfer.");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download CSV" }).click()]);
  const csv = fs.readFileSync((await download.path())!, "utf8");
  expect(csv).toContain("legal_name");
  expect(csv).toContain("Alesia Demo-Kavalenka");
  expect(download.suggestedFilename()).toMatch(/^padtrymka-cases-\d{4}-\d{2}-\d{2}-EX-[0-9A-F]{8}\.csv$/);
  await page.goto("/en/funds/demo-fund-rehab/access-log?case=PAD-DEMO-0013");
  await expect(page.getByRole("row", { name: /Personal details exported.*PAD-DEMO-0013/ }).first()).toBeVisible();
});

for (const path of ["/en/review?fund=demo-fund-academy&sort=score", "/en/review/demo-application-9", "/en/review/demo-application-13"]) {
  test(`${path} has no accessibility violations`, async ({ page }) => {
    await signInAs(page, demo("reviewer2"));
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}

test("a tampered case export is refused with a translated message, never a server error", async ({ page, baseURL }) => {
  await signInAs(page, demo("fund"));
  const r = await page.request.post("/api/funds/demo-fund-rehab/export", {
    headers: { origin: new URL(baseURL!).origin },
    form: { stage: "NOT_A_STAGE", locale: "en" },
    maxRedirects: 0,
  });
  expect(r.status()).toBe(303);
  await page.goto(r.headers()["location"]!);
  await expect(page.getByRole("alert").filter({ hasText: "This form arrived incomplete or altered." })).toBeVisible();
});
