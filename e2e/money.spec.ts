// The money side end to end: a pledge is received, two approved cases are paid by two fund managers
// (each approving the other's request), one through the bank reconciliation import, the applicant
// confirms receipt, the fund publishes with no delay, and the transparency page shows the same figures
// as the fund's own page and verifies the applicant's receipt token.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { demo, escapeRegExp, expect, signInAs, test } from "./fixtures";
import type { Make } from "./support/factories";

test.describe.configure({ mode: "serial" });

// The journey's own fund, fund managers, approved cases and applicant (e2e/support/factories.ts): the demo
// funds keep their figures and settings, and the demo cases stay awaiting payout. The accessibility scans
// read the demo data.
async function makeScene(make: Make) {
  const { fund, reviewers, managers } = await make.funder({ reviewers: 2, managers: 2, fund: { perApplicantCapMinor: 300_000 } });
  // Five people paid before (and the $500 received for them): the public page shows figures of 5 or more.
  await make.paidHistory(fund, { count: 5, amountMinor: 10_000, reviewers, managers: [managers[0]!, managers[1]!] });
  const applicant = await make.applicant();
  const clinic = await make.case(fund, {
    applicant,
    status: "APPROVED",
    category: "REPRESSION_VICTIM",
    purpose: "MEDICAL_REHABILITATION",
    region: "VITEBSK",
    amountMinor: 150_000,
    ageDays: 12,
    approvedBy: reviewers,
  });
  const lawyer = await make.case(fund, {
    status: "APPROVED",
    category: "REPRESSION_VICTIM",
    purpose: "FINES_LEGAL",
    region: "GOMEL",
    amountMinor: 80_000,
    ageDays: 11,
    approvedBy: reviewers,
  });
  return { fund, fundManager: managers[0]!, fundManager2: managers[1]!, applicant, clinic, lawyer };
}
let scene: Awaited<ReturnType<typeof makeScene>>;
test.beforeAll(async ({ make }) => {
  scene = await makeScene(make);
});

const status = (page: Page) => page.getByRole("main").getByRole("status");
const alert = (page: Page) => page.getByRole("main").getByRole("alert");

async function requestPayout(page: Page, caseCode: string, amount: string, method: string, details: string) {
  await page.goto(`/en/funds/${scene.fund.id}`);
  const item = page.getByRole("listitem").filter({ hasText: caseCode });
  await item.getByLabel("Payout amount (USD)").fill(amount);
  await item.getByLabel("Method").selectOption({ label: method });
  await item.getByLabel("Where the money goes").fill(details);
  await item.getByRole("button", { name: `Request payout for ${caseCode}` }).click();
  await expect(status(page)).toContainText(/Payout PO-[A-Z0-9]{4}-[A-Z0-9]{4} was requested/);
  return (await status(page).textContent())!.match(/PO-[A-Z0-9]{4}-[A-Z0-9]{4}/)![0];
}

let token = "";

test("a fund manager records a pledge and the money received, which a second fund manager confirms, with a clear refusal above what is outstanding", async ({
  page,
  browser,
}) => {
  await signInAs(page, scene.fundManager.login, scene.fundManager.password);
  await page.goto(`/en/funds/${scene.fund.id}`);
  await page.getByText("Record a new pledge").click();
  await page.getByLabel("Donor").fill("E2E Foundation");
  await page.getByLabel("Pledged amount (USD)").fill("5000");
  await page.getByRole("button", { name: "Record the pledge" }).click();
  await expect(status(page)).toContainText("The pledge was recorded.");
  const pledge = page.getByRole("listitem", { name: "Pledge by E2E Foundation" });
  await pledge.getByLabel("Amount received (USD)").fill("2000");
  await pledge.getByRole("button", { name: "Record money received" }).click();
  // Above the fund's threshold ($1,000): nobody puts "received" money on the public page alone.
  await expect(status(page)).toContainText("It counts as received only once another fund manager confirms it");
  await expect(pledge).toContainText("Pledged");
  await expect(page.getByRole("button", { name: "Confirm: Receipt of $2,000 from E2E Foundation" })).toHaveCount(0);
  // What waits counts against the pledge.
  await pledge.getByLabel("Amount received (USD)").fill("3500");
  await pledge.getByRole("button", { name: "Record money received" }).click();
  await expect(pledge.getByRole("alert")).toContainText("Only $3,000 of this pledge is still outstanding.");
  await expect(pledge.getByLabel("Amount received (USD)")).toHaveValue("3500");

  const second = await (await browser.newContext()).newPage();
  await signInAs(second, scene.fundManager2.login, scene.fundManager2.password);
  await second.goto(`/en/funds/${scene.fund.id}`);
  await second.getByRole("button", { name: "Confirm: Receipt of $2,000 from E2E Foundation" }).click();
  await expect(status(second)).toContainText("Confirmed: it takes effect now.");
  await expect(second.getByRole("listitem", { name: "Pledge by E2E Foundation" })).toContainText("Partly received");

  await page.reload();
  await pledge.getByLabel("Amount received (USD)").fill("1000");
  await pledge.getByRole("button", { name: "Record money received" }).click();
  await expect(status(page)).toContainText("recorded in the ledger"); // at the threshold: one manager is enough
  await expect(pledge).toContainText(/received \$3,000/i);
});

test("two fund managers each approve the other's payout; one is sent by hand, one through the bank's CSV", async ({ browser }) => {
  test.setTimeout(90_000); // two managers, two payouts, a download and an upload: ~60 s on a loaded 2-core machine
  const fund = await (await browser.newContext()).newPage();
  const fund2 = await (await browser.newContext()).newPage();
  await signInAs(fund, scene.fundManager.login, scene.fundManager.password);
  await signInAs(fund2, scene.fundManager2.login, scene.fundManager2.password);

  const first = await requestPayout(
    fund,
    scene.clinic.referenceCode,
    "1500",
    "Paid directly to a third party",
    "Vitebsk rehabilitation clinic, invoice 2026-114",
  );
  // The requester cannot approve their own request.
  const own = fund.getByRole("listitem").filter({ hasText: first });
  await expect(own).toContainText("Waiting for another fund manager to approve.");
  await expect(own.getByRole("button", { name: `Approve payout ${first}` })).toHaveCount(0);
  const second = await requestPayout(fund2, scene.lawyer.referenceCode, "800", "Bank transfer", "BY20 OLMP 3135 0000 0010 0000 0933");

  await fund2.goto("/en/payouts");
  await fund2.getByRole("button", { name: `Approve payout ${first}` }).click();
  await expect(status(fund2)).toContainText("Done: the payout is now “Approved”.");
  await fund2.getByRole("button", { name: `Mark ${first} as sent` }).click();
  await expect(status(fund2)).toContainText("Done: the payout is now “Sent”.");

  await fund.goto("/en/payouts");
  await fund.getByRole("button", { name: `Approve payout ${second}` }).click();
  await expect(status(fund)).toContainText("Done: the payout is now “Approved”.");
  // The bank batch carries the approved transfer; the bank's list of sent transfers marks it sent.
  const download = fund.waitForEvent("download");
  await fund.getByRole("link", { name: "Download the CSV for the bank" }).click();
  const batch = fs.readFileSync((await (await download).path())!, "utf8");
  expect(batch).toContain(second);
  expect(batch).toContain("BY20 OLMP 3135 0000 0010 0000 0933");
  const bankFile = path.join(os.tmpdir(), `bank-${Date.now()}.csv`);
  fs.writeFileSync(bankFile, `payout_reference,amount,currency\n${second},800.00,USD\nPO-ZZZZ-ZZZZ,5,USD\n`);
  await fund.getByLabel("Bank's CSV of sent transfers").setInputFiles(bankFile);
  await fund.getByRole("button", { name: "Import the bank's list" }).click();
  const report = fund.getByRole("region", { name: "Bank transfer batch" }).getByRole("status");
  await expect(report).toContainText("1 payout was marked as sent.");
  await expect(report.getByRole("row").filter({ hasText: "PO-ZZZZ-ZZZZ" })).toContainText("No payout of your funds has this reference.");
  await expect(report.getByRole("row").filter({ hasText: "PO-ZZZZ-ZZZZ" }).getByRole("cell").first()).toHaveText("3");
  await expect(fund.getByRole("region", { name: /^Sent/ })).toContainText(second);
});

test("the applicant confirms receipt and keeps a receipt token", async ({ page }) => {
  await signInAs(page, scene.applicant.login, scene.applicant.password);
  await page.goto(`/en/me/${scene.clinic.id}`);
  await expect(page.getByRole("heading", { name: "Payouts" })).toBeVisible();
  await page.getByRole("button", { name: "I received the money" }).click();
  await expect(status(page)).toContainText("confirmed as received");
  await expect(page.getByRole("region", { name: "Payouts" })).toContainText("$1,500 · Confirmed");
  await expect(page.getByRole("button", { name: "I received the money" })).toHaveCount(0);
  token = await page.getByLabel("Your receipt token").inputValue();
  expect(token.length).toBeGreaterThan(40);
});

test("with no delay the transparency page shows the fund's own figures and verifies the token", async ({ page, browser }) => {
  await signInAs(page, scene.fundManager.login, scene.fundManager.password);
  await page.goto(`/en/funds/${scene.fund.id}/settings`);
  await page.getByLabel("Days before figures are public").fill("0");
  await page.getByRole("button", { name: "Save the fund" }).click();
  await expect(status(page)).toContainText("The fund was saved.");
  await expect(page.getByText("published after 0 days")).toBeVisible();
  const received = (await page.getByTestId("fund-received").textContent())!;
  const paid = (await page.getByTestId("fund-paid").textContent())!;
  expect(received).toBe("$3,500"); // the history's $500 and the first test's $2,000 + $1,000

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/en/transparency");
  const row = visitor.getByRole("row", { name: new RegExp(escapeRegExp(scene.fund.name)) });
  await expect(row).toContainText(received);
  await expect(row).toContainText(paid);
  await expect(visitor.getByText("PAD-DEMO")).toHaveCount(0);
  for (const c of [scene.clinic, scene.lawyer]) await expect(visitor.getByText(c.referenceCode)).toHaveCount(0);
  await expect(visitor.getByRole("img", { name: new RegExp(`People at each stage in ${escapeRegExp(scene.fund.name)}`) })).toBeVisible();
  await visitor.getByLabel("Receipt token").fill(token);
  await visitor.getByRole("button", { name: "Check the token" }).click();
  await expect(status(visitor)).toContainText(`Your payout is included in the published root of ${scene.fund.name}`);
  await visitor.getByLabel("Receipt token").fill("not-a-token");
  await visitor.getByRole("button", { name: "Check the token" }).click();
  await expect(alert(visitor)).toContainText("This is not a receipt token.");
});

for (const [who, path] of [
  ["fund", "/en/funds/demo-fund-rehab"],
  ["fund", "/en/payouts"],
  ["fund", "/en/funds/new"],
  ["donor", "/en/pledges"],
  ["donor", "/en/transparency/demo-fund-rehab"],
] as const) {
  test(`${path} has no accessibility violations`, async ({ page }) => {
    await signInAs(page, demo(who));
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}

test("a donor pledges to a fund and sees what the funds paid for, without anyone named", async ({ page, make }) => {
  const [donor, { fund }] = await Promise.all([make.donor(), make.funder()]);
  await signInAs(page, donor.login, donor.password);
  await page.goto("/en/pledges");
  await page.getByLabel("Fund", { exact: true }).selectOption({ label: `${fund.name} (USD)` });
  await page.getByLabel("Amount you pledge").fill("250");
  await page.getByLabel("Currency").fill("EUR");
  await page.getByRole("button", { name: "Record the pledge" }).click();
  await expect(alert(page)).toContainText("This fund takes USD only.");
  await page.getByLabel("Currency").fill("USD");
  await page.getByLabel("Anonymous to the public").check();
  await page.getByRole("button", { name: "Record the pledge" }).click();
  await expect(status(page)).toContainText("The pledge was recorded.");
  await expect(page.getByRole("row", { name: new RegExp(escapeRegExp(fund.name)) })).toContainText("$250");
  await expect(page.getByRole("heading", { name: `What ${fund.name} paid for` })).toBeVisible();
});
