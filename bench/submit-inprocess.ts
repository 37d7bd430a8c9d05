// Diagnostic for bench:submit-load: the submission use case alone (no HTTP, no Next, no session),
// sequential, on the dev database given in DATABASE_URL. Prints p50/p95 of saveApplication.
import crypto from "node:crypto";
import { saveApplication } from "@/lib/applications/save-application";
import { startApplication } from "@/lib/applications/start-application";
import { db } from "@/lib/db/client";
import { actorFor } from "@/lib/testing/actors";
import { makeFund, makeOrganisation, makeUser, platformOrganisation } from "@/lib/testing/factories";
import { percentile } from "./lib/app";

async function main() {
  const platform = await platformOrganisation(db());
  const fund = await makeFund(db(), (await makeOrganisation(db())).id, { phoneRequirement: "REQUIRED" });
  const a = await actorFor((await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: platform.id }] })).id);
  const times: number[] = [];
  for (let i = 0; i < 120; i++) {
    const { applicationId } = await startApplication(a, { fundId: fund.id });
    const t = performance.now();
    await saveApplication(a, applicationId, {
      intent: "submit",
      submissionKey: crypto.randomUUID(),
      category: "DISMISSED_WORKER",
      purpose: "LIVING_COSTS",
      region: "GOMEL",
      amount: "950",
      statement: "Dismissed after the strike at the plant; no income.",
      phone: "+375291234567",
    });
    if (i >= 20) times.push(performance.now() - t);
  }
  times.sort((x, y) => x - y);
  console.log(`use_case_only_p50 ${percentile(times, 50).toFixed(1)} ms p95 ${percentile(times, 95).toFixed(1)} ms`);
  await db().$disconnect();
}
void main();
