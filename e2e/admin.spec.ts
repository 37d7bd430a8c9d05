import { demo, DEMO_PASSWORD, expect, linkIn, signInAs, signUpWithEmail, test, uniqueEmail, waitForMail } from "./fixtures";

test("an admin grants a reviewer role and the new reviewer sees the review queue", async ({ page, browser, baseURL }) => {
  // A new person signs up and confirms their email.
  const email = uniqueEmail("volunteer");
  const volunteer = await browser.newContext({ baseURL });
  const vp = await volunteer.newPage();
  const since = new Date();
  await signUpWithEmail(vp, email, "volunteer passphrase");
  await vp.goto(linkIn(await waitForMail(email, since)));
  await vp.goto("/en/review");
  await expect(vp.getByRole("heading", { level: 1 })).toHaveText("No access");

  // The admin grants them the reviewer role in Brightline.
  await signInAs(page, demo("admin"));
  await page.goto("/en/admin");
  await page.getByLabel("User", { exact: true }).selectOption({ label: email });
  await page.getByLabel("Organisation").selectOption({ label: "Brightline Software (demo)" });
  await page.getByLabel("Role").selectOption({ label: "Reviewer" });
  await page.getByRole("button", { name: "Grant role" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Role granted.");
  await expect(page.getByRole("cell", { name: /membership\.granted/ }).first()).toBeVisible();

  // The role takes effect on the volunteer's next request, without signing in again.
  await vp.goto("/en/review");
  await expect(vp.getByRole("heading", { level: 1 })).toHaveText("Review queue");
  await expect(vp.getByRole("link", { name: "PAD-DEMO-0002" })).toBeVisible();
  await volunteer.close();
});

test("an admin cannot give a course provider's organisation a reviewer, and is told why", async ({ page }) => {
  await signInAs(page, demo("admin"));
  await page.goto("/en/admin");
  await page.getByLabel("User", { exact: true }).selectOption({ label: demo("donor") });
  await page.getByLabel("Organisation").selectOption({ label: "Krok IT Academy (demo)" });
  await page.getByLabel("Role").selectOption({ label: "Reviewer" });
  await page.getByRole("button", { name: "Grant role" }).click();
  await expect(page.getByText("This role cannot be held in that organisation.")).toBeVisible();
});

test("an applicant gets no admin page and no role form", async ({ page }) => {
  await signInAs(page, demo("applicant"), DEMO_PASSWORD);
  await page.goto("/en/admin");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("No access");
  await expect(page.getByRole("button", { name: "Grant role" })).toHaveCount(0);
});
