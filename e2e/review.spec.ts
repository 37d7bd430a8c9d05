import { type Page } from "@playwright/test";
import { demo, escapeRegExp, expect, signInAs, test } from "./fixtures";

// The tests that change a case work on cases of their own (e2e/support/factories.ts); the ones that only
// read the queue read the demo cases.
const actionForm = (page: Page, button: string) =>
  page.locator("form").filter({ has: page.getByRole("button", { name: button, exact: true }) });

test("two reviewers verify a shortlisted case and approve it with four eyes, and the applicant's stage follows", async ({
  page,
  browser,
  baseURL,
  make,
}) => {
  test.setTimeout(60_000); // four sign-ins and a dozen pages
  const academy = {
    perApplicantCapMinor: 2_000_000,
    settings: { verificationChecklist: ["Resignation order seen", "Academy debt demand seen"] },
  };
  const { fund, reviewers, managers } = await make.funder({ reviewers: 2, managers: 1, fund: academy });
  const c = await make.case(fund, {
    status: "SHORTLISTED",
    category: "RESIGNING_OFFICER",
    purpose: "ACADEMY_DEBT",
    region: "GOMEL",
    amountMinor: 1_200_000,
    ageDays: 6,
    statement: "Resigned in August; debt demand received.",
  });
  await signInAs(page, reviewers[0]!.login, reviewers[0]!.password);
  await page.goto("/en/review");
  await page.getByRole("link", { name: c.referenceCode }).click();
  await expect(page.getByText("Identity is hidden")).toBeVisible();
  await expect(page.getByText("Resigned in August; debt demand received.")).toBeVisible();

  // Verification needs every checklist item.
  const verify = actionForm(page, "Mark as verified");
  await verify.getByLabel("Resignation order seen").check();
  await verify.getByRole("button", { name: "Mark as verified" }).click();
  await expect(verify.getByText("Tick every item of the checklist before verifying.")).toBeVisible();
  await verify.getByLabel("Academy debt demand seen").check();
  await verify.getByRole("button", { name: "Mark as verified" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Done. Stage: Verified.");
  const approve = actionForm(page, "Vote to approve");
  await approve.getByLabel(/Amount to approve/).fill("12000");
  await approve.getByRole("button", { name: "Vote to approve" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(
    "Done: your vote is recorded — approve, $12,000. Stage: Verified (1 of 2 approvals).",
  ); // one of two
  await expect(page.getByText("Approvals: 1 of 2 needed")).toBeVisible();
  await expect(page.getByRole("button", { name: "Vote to approve" })).toHaveCount(0); // one vote per reviewer

  const second = await browser.newContext({ baseURL });
  const p2 = await second.newPage();
  await signInAs(p2, reviewers[1]!.login, reviewers[1]!.password);
  await p2.goto("/en/review");
  await p2.getByRole("link", { name: c.referenceCode }).click();
  const approve2 = actionForm(p2, "Vote to approve");
  await approve2.getByLabel(/Amount to approve/).fill("11000");
  await approve2.getByRole("button", { name: "Vote to approve" }).click();
  await expect(p2.getByRole("main").getByRole("status")).toHaveText(
    "Done: your vote is recorded — approve, $11,000. Stage: Approved (2 of 2 approvals).",
  );
  await expect(p2.getByText("$11,000", { exact: true })).toBeVisible();
  await second.close();

  // The fund manager reads the case's access log and sees both reviewers' openings.
  const manager = await browser.newContext({ baseURL });
  const mp = await manager.newPage();
  await signInAs(mp, managers[0]!.login, managers[0]!.password);
  await mp.goto(`/en/funds/${fund.id}/access-log?case=${c.referenceCode}`);
  for (const who of reviewers.map((r) => r.email!)) {
    await expect(mp.getByRole("row", { name: new RegExp(`${escapeRegExp(who)}.*Case opened.*${c.referenceCode}`) }).first()).toBeVisible();
  }
  await manager.close();

  const anon = await browser.newContext({ baseURL });
  const ap = await anon.newPage();
  await ap.goto("/en/status");
  await ap.getByLabel("Reference code").fill(c.referenceCode);
  await ap.getByRole("button", { name: "Check status" }).click();
  await expect(ap.getByRole("main").getByRole("status")).toContainText("Stage: Approved");
  await anon.close();
});

test("a reviewer asks an applicant for information, the applicant answers, and the reviewer reads the answer", async ({
  page,
  browser,
  baseURL,
  make,
}) => {
  const { fund, reviewers } = await make.funder({ reviewers: 1 });
  // An applicant without email: they sign in with their username.
  const applicant = await make.applicant({ email: false });
  const c = await make.case(fund, {
    applicant,
    status: "SUBMITTED",
    category: "REPRESSION_VICTIM",
    purpose: "MEDICAL_REHABILITATION",
    region: "GRODNO",
    amountMinor: 180_000,
    statement: "Injured during detention; need physiotherapy.",
  });
  await signInAs(page, reviewers[0]!.login, reviewers[0]!.password);
  await page.goto("/en/review");
  await page.getByRole("link", { name: c.referenceCode }).click();
  const ask = actionForm(page, "Ask the applicant for information");
  await ask.getByRole("button", { name: "Ask the applicant for information" }).click();
  await expect(ask.getByText("This field is required.")).toBeVisible();
  await ask.getByLabel("Message to the applicant").fill("Please add the physiotherapist's referral.");
  await ask.getByRole("button", { name: "Ask the applicant for information" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Done. Stage: Needs information.");

  const applicantContext = await browser.newContext({ baseURL });
  const ap = await applicantContext.newPage();
  await signInAs(ap, applicant.username!, applicant.password);
  await ap.goto("/en/me");
  await ap.getByRole("link", { name: c.referenceCode }).click();
  await expect(ap.getByText("Please add the physiotherapist's referral.")).toBeVisible();
  await ap.getByLabel("Your answer").fill("Referral No. 88 from the district clinic.");
  await ap.getByRole("button", { name: "Send the answer" }).click();
  await expect(ap.getByText("Stage: Submitted")).toBeVisible();
  await applicantContext.close();

  await page.reload();
  await expect(page.getByText("Referral No. 88 from the district clinic.")).toBeVisible();
  await expect(page.getByText("From the applicant")).toBeVisible();
});

test("a reviewer who declares a conflict no longer sees the case in the queue", async ({ page, make }) => {
  const { fund, reviewers } = await make.funder({ reviewers: 1 });
  const c = await make.case(fund, {
    status: "SUBMITTED",
    category: "DISMISSED_WORKER",
    purpose: "LIVING_COSTS",
    region: "MOGILEV",
    statement: "Dismissed from the plant after the strike.",
  });
  await signInAs(page, reviewers[0]!.login, reviewers[0]!.password);
  await page.goto(`/en/review/${c.id}`);
  const conflict = actionForm(page, "Declare a conflict of interest");
  await conflict.getByLabel("Reason (seen by staff only)").fill("My former colleague.");
  await conflict.getByRole("button", { name: "Declare a conflict of interest" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(
    "Conflict of interest recorded: the case has left your queue and your vote will not count.",
  );
  await expect(page).toHaveURL(/\/en\/review\?conflict=1$/);
  await expect(page.getByRole("link", { name: c.referenceCode })).toHaveCount(0);
  await page.goto(`/en/review/${c.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});

test("a reviewer sees each fund's funnel and filters the queue to the cases that need their vote", async ({ page }) => {
  await signInAs(page, demo("reviewer"));
  await page.goto("/en/review");
  const funnelRow = page
    .getByRole("table", { name: "Cases that reached each stage, per fund" })
    .getByRole("row", { name: /Rehabilitation Fund/ });
  await expect(funnelRow).toBeVisible();
  await page.getByLabel("Needs my vote").check();
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page).toHaveURL(/needsMyVote=1/);
  await expect(page.getByRole("link", { name: "PAD-DEMO-0004" })).toBeVisible();
  await expect(page.getByRole("link", { name: "PAD-DEMO-0001" })).toHaveCount(0);
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page.getByRole("link", { name: "PAD-DEMO-0001" })).toBeVisible();
});

test("a reviewer reveals an identity only with a reason, and the admin sees it in the access log", async ({
  page,
  browser,
  baseURL,
  make,
}) => {
  const { fund, reviewers } = await make.funder({ reviewers: 1 });
  const reviewer = reviewers[0]!;
  const c = await make.case(fund, {
    status: "SUBMITTED",
    category: "RESIGNING_OFFICER",
    purpose: "ACADEMY_DEBT",
    statement: "I resigned from the service and the academy demands repayment of my training.",
  });
  await signInAs(page, reviewer.login, reviewer.password);
  await page.goto(`/en/review/${c.id}`);
  await expect(page.getByText("Identity is hidden")).toBeVisible();
  await page.getByRole("button", { name: "Reveal identity" }).click();
  await expect(page.getByText("Write the reason in a sentence (at least 10 characters).")).toBeVisible();
  await page.getByLabel("Why do you need the identity?").fill("To match the name on the academy debt demand.");
  await page.getByRole("button", { name: "Reveal identity" }).click();
  await expect(page.getByText(/^Recorded at .*: you revealed this identity\.$/)).toBeVisible();

  const adminCtx = await browser.newContext({ baseURL });
  const ap = await adminCtx.newPage();
  await signInAs(ap, demo("admin"));
  await ap.goto(`/en/admin/access-log?who=${encodeURIComponent(reviewer.email!)}&case=${c.referenceCode}`);
  const row = ap.getByRole("row", { name: new RegExp(`Identity revealed.*${c.referenceCode}`) }).first();
  await expect(row).toContainText(reviewer.email!);
  await expect(row).toContainText("To match the name on the academy debt demand.");
  await expect(ap.getByRole("row", { name: new RegExp(`Case opened.*${c.referenceCode}`) }).first()).toBeVisible();
  await adminCtx.close();
});

test("a reviewer downloads the filtered queue as CSV, with no personal data", async ({ page }) => {
  await signInAs(page, demo("reviewer2"));
  await page.goto("/en/review?fund=demo-fund-rehab");
  const link = page.getByRole("link", { name: /Download the filtered queue as CSV/ });
  const r = await page.request.get((await link.getAttribute("href"))!);
  expect(r.status()).toBe(200);
  expect(r.headers()["content-disposition"]).toMatch(/^attachment; filename="padtrymka-queue-/);
  const csv = await r.text();
  expect(csv).toContain("PAD-DEMO-0004");
  expect(csv).not.toContain("PAD-DEMO-0001"); // another fund: filtered out
  expect(csv).not.toMatch(/Fined after a peaceful rally/); // statements never leave in exports
});

test("reviewers leave each other a note that the applicant never sees", async ({ page, browser, baseURL, make }) => {
  const { fund, reviewers } = await make.funder({ reviewers: 1 });
  const applicant = await make.applicant();
  const c = await make.case(fund, {
    applicant,
    status: "NEEDS_INFO",
    category: "REPRESSION_VICTIM",
    purpose: "MEDICAL_REHABILITATION",
    statement: "Physiotherapy after an injury during detention.",
  });
  await signInAs(page, reviewers[0]!.login, reviewers[0]!.password);
  await page.goto(`/en/review/${c.id}`);
  await page.getByLabel("New note").fill("Clinic name matches the referral list; fine to verify.");
  await page.getByRole("button", { name: "Add the note" }).click();
  await expect(page.locator("#notes").getByText("Clinic name matches the referral list")).toBeVisible();

  const applicantContext = await browser.newContext({ baseURL });
  const ap = await applicantContext.newPage();
  await signInAs(ap, applicant.login, applicant.password);
  await ap.goto(`/en/me/${c.id}`);
  await expect(ap.getByRole("heading", { level: 1 })).toHaveText(`Application ${c.referenceCode}`);
  await expect(ap.getByText("Clinic name matches the referral list")).toHaveCount(0);
  await applicantContext.close();
});

test("a reviewer claims a case and finds it under 'assigned to me', then hands it to a colleague", async ({ page, make }) => {
  const { fund, reviewers } = await make.funder({ reviewers: 2 });
  const [reviewer, colleague] = [reviewers[0]!, reviewers[1]!];
  const c = await make.case(fund, {
    status: "VERIFIED",
    category: "REPRESSION_VICTIM",
    purpose: "FINES_LEGAL",
    region: "BREST",
    amountMinor: 90_000,
    statement: "Fined after a peaceful rally.",
  });
  const unclaimed = await make.case(fund, { status: "SHORTLISTED" });
  await signInAs(page, reviewer.login, reviewer.password);
  await page.goto(`/en/review/${c.id}`);
  await page.getByRole("button", { name: "Claim this case" }).click();
  await expect(page.getByRole("region", { name: "Who handles this case" })).toContainText("Assigned to you.");
  await page.goto("/en/review");
  await page.getByLabel("Assigned to me").check();
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("link", { name: c.referenceCode })).toBeVisible();
  await expect(page.getByRole("link", { name: unclaimed.referenceCode })).toHaveCount(0);
  await page.goto(`/en/review/${c.id}`);
  await page.getByLabel("Assign to reviewer").selectOption({ label: colleague.email! });
  await page.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(page.getByRole("region", { name: "Who handles this case" })).toContainText(`Assigned to ${colleague.email}.`);
});

test("a reviewer's vote is cast once: an older tab cannot change it, and withdrawing it is explicit and in the history", async ({
  browser,
  baseURL,
  make,
}) => {
  const context = await browser.newContext({ baseURL });
  const older = await context.newPage();
  const newer = await context.newPage();
  const { fund, reviewers } = await make.funder({ reviewers: 1 });
  const c = await make.case(fund, {
    status: "VERIFIED",
    category: "REPRESSION_VICTIM",
    purpose: "FINES_LEGAL",
    region: "BREST",
    amountMinor: 90_000,
    statement: "Fined after a peaceful rally.",
  });
  await signInAs(older, reviewers[0]!.login, reviewers[0]!.password);
  await older.goto(`/en/review/${c.id}`); // verified, still showing the asked amount ($900)
  await newer.goto(`/en/review/${c.id}`);
  const vote = actionForm(newer, "Vote to approve");
  await vote.getByLabel(/Amount to approve/).fill("200");
  await vote.getByRole("button", { name: "Vote to approve" }).click();
  await expect(newer.getByRole("main").getByRole("status").first()).toContainText("your vote is recorded — approve, $200.");

  // The older tab still offers the vote with $900: pressing it changes nothing and says why.
  await actionForm(older, "Vote to approve").getByRole("button", { name: "Vote to approve" }).click();
  await expect(older.getByText("You already voted: approve, $200. To change it, withdraw your vote first.")).toBeVisible();
  await older.reload();
  await expect(older.getByText("Your vote: approve, $200.")).toBeVisible();

  // Withdrawing is its own, explicit step, recorded in the history; then the vote buttons are back.
  await older.getByRole("button", { name: "Withdraw my vote" }).click();
  await expect(older.getByRole("main").getByRole("status").first()).toHaveText(
    "Your vote is withdrawn. Stage: Verified. You can vote again.",
  );
  await expect(older.getByRole("listitem").filter({ hasText: "You voted to approve $200" })).toBeVisible();
  await expect(older.getByRole("listitem").filter({ hasText: "You withdrew a vote (approve)" })).toBeVisible();
  await expect(older.getByRole("button", { name: "Vote to approve" })).toBeVisible();
  await context.close();
});

test("with JavaScript off, a stale tab's stage action is refused with the stage the case is at now", async ({ browser, baseURL, make }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const older = await context.newPage();
  const newer = await context.newPage();
  const { fund, reviewers } = await make.funder({ reviewers: 1 });
  const c = await make.case(fund, { status: "SUBMITTED" });
  await signInAs(older, reviewers[0]!.login, reviewers[0]!.password);
  await older.goto(`/en/review/${c.id}`); // submitted
  await expect(older.getByRole("heading", { level: 1 })).toHaveText(`Case ${c.referenceCode}`);
  await newer.goto(`/en/review/${c.id}`);
  await actionForm(newer, "Shortlist").getByRole("button", { name: "Shortlist" }).click();
  await expect(newer.getByText("Done. Stage: Shortlisted.")).toBeVisible();
  await actionForm(older, "Shortlist").getByRole("button", { name: "Shortlist" }).click();
  await expect(older.getByText(/This case changed meanwhile: its stage is now “Shortlisted”/)).toBeVisible();
  await context.close();
});
