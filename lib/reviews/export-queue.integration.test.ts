import crypto from "node:crypto";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { saveApplication } from "@/lib/applications/save-application";
import { startApplication } from "@/lib/applications/start-application";
import { db } from "@/lib/db/client";
import { exportQueue } from "@/lib/reviews/export-queue";
import { QueueFilterSchema } from "@/lib/reviews/queue";
import { actorFor } from "@/lib/testing/actors";
import { makeFund, makeOrganisation, makeUser, platformOrganisation } from "@/lib/testing/factories";

describe("queue export", () => {
  it("exports the filtered queue without personal data, neutralises formulas and records the export", async () => {
    const platform = await platformOrganisation(db());
    const org = await makeOrganisation(db());
    const fund = await makeFund(db(), org.id, {
      name: '=HYPERLINK("http://evil.example","click")',
      legalNameRequirement: "REQUIRED",
      phoneRequirement: "REQUIRED",
    });
    const a = await actorFor((await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: platform.id }] })).id);
    const { applicationId } = await startApplication(a, { fundId: fund.id });
    await saveApplication(a, applicationId, {
      intent: "submit",
      submissionKey: crypto.randomUUID(),
      category: "DISMISSED_WORKER",
      purpose: "LIVING_COSTS",
      region: "GOMEL",
      amount: "1234.5",
      statement: "Secret statement about the strike.",
      legalName: "Mikalai Hiddenovich",
      phone: "+375297770000",
    });
    const reviewer = await actorFor((await makeUser(db(), { roles: [{ role: "REVIEWER", organisationId: org.id }] })).id);

    const { csv, rows } = await exportQueue(reviewer, QueueFilterSchema.parse({ fund: fund.id }));
    expect(rows).toBe(1);
    const [header, row] = parse(csv) as string[][];
    expect(header).toContain("reference");
    expect(row![1]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(row![6]).toBe("1234.50");
    for (const secret of ["Hiddenovich", "375297770000", "Secret statement"]) expect(csv).not.toContain(secret);

    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "queue.exported", actorId: reviewer.userId } });
    expect(event.data).toMatchObject({ fund: fund.id, rows: 1 });
    // The watermark: every row carries the export's code, and the audit log says who exported it.
    expect(row!.at(-1)).toMatch(/^EX-[0-9A-F]{8}$/);
    expect((event.data as { exportCode: string }).exportCode).toBe(row!.at(-1));

    const outsider = await actorFor(
      (await makeUser(db(), { roles: [{ role: "REVIEWER", organisationId: (await makeOrganisation(db())).id }] })).id,
    );
    expect((await exportQueue(outsider, QueueFilterSchema.parse({ fund: fund.id }))).rows).toBe(0);
    await expect(exportQueue(a, QueueFilterSchema.parse({}))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
