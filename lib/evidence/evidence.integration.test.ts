// The upload corpus: each bad file with its expected outcome; good files come out without metadata.
import crypto from "node:crypto";
import { PDFDocument } from "pdf-lib";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { saveApplication } from "@/lib/applications/save-application";
import { startApplication } from "@/lib/applications/start-application";
import { db } from "@/lib/db/client";
import { addEvidence, readEvidence, removeEvidence } from "@/lib/evidence/evidence";
import { reviewCase } from "@/lib/reviews/review-case";
import { ReviewActionSchema } from "@/lib/reviews/schemas";
import { actorFor } from "@/lib/testing/actors";
import { makeFund, makeOrganisation, makeUser, platformOrganisation } from "@/lib/testing/factories";

let fundId: string;
let fundOrgId: string;
let platformId: string;
const corpus: Record<string, Buffer> = {};

beforeAll(async () => {
  platformId = (await platformOrganisation(db())).id;
  fundOrgId = (await makeOrganisation(db())).id;
  fundId = (await makeFund(db(), fundOrgId)).id;
  const base = sharp({ create: { width: 32, height: 24, channels: 3, background: { r: 200, g: 30, b: 30 } } });
  corpus.png = await base.clone().png().toBuffer();
  corpus.jpegWithGps = await base
    .clone()
    .jpeg()
    .withExif({
      IFD0: { Artist: "Ivan Secret", Copyright: "Ivan Secret" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "53/1 54/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "27/1 33/1 0/1" },
    })
    .toBuffer();
  const pdf = await PDFDocument.create();
  pdf.addPage([200, 200]).drawText("Resignation order");
  pdf.setAuthor("Ivan Secret");
  pdf.setCreator("Secret Office Suite");
  pdf.setCreationDate(new Date("2020-08-10T10:00:00Z"));
  corpus.pdfWithMetadata = Buffer.from(await pdf.save());
  corpus.textNamedPdf = Buffer.from("This is not a PDF at all, just text.\n");
  corpus.truncatedJpeg = (await base.clone().jpeg({ quality: 95 }).toBuffer()).subarray(0, 200);
  corpus.polyglotPdf = Buffer.concat([corpus.pdfWithMetadata, Buffer.from("\n<html><script>alert(document.cookie)</script></html>\n")]);
  corpus.svgAsPng = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  corpus.oversized = Buffer.concat([corpus.png, Buffer.alloc(10 * 1024 * 1024)]);
});

async function draftOf() {
  const a = await actorFor((await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: platformId }] })).id);
  const { applicationId } = await startApplication(a, { fundId });
  return { a, applicationId };
}
const file = (name: keyof typeof corpus, fileName: string) => new File([new Uint8Array(corpus[name]!)], fileName);

describe("evidence uploads", () => {
  it.each([
    ["textNamedPdf", "order.pdf", "evidence_wrong_type"],
    ["svgAsPng", "photo.png", "evidence_wrong_type"],
    ["truncatedJpeg", "photo.jpg", "evidence_corrupt"],
    ["polyglotPdf", "order.pdf", "evidence_polyglot"],
    ["oversized", "big.png", "evidence_too_large"],
  ] as const)("refuses %s with %s and stores nothing", async (name, fileName, reason) => {
    const { a, applicationId } = await draftOf();
    const err = await addEvidence(a, applicationId, file(name, fileName)).catch((e) => e);
    expect(err).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { file: [reason] } });
    expect(await db().evidenceFile.count({ where: { applicationId } })).toBe(0);
  });

  it("strips EXIF and GPS from a photo by re-encoding it, and stores it encrypted", async () => {
    expect((await sharp(corpus.jpegWithGps!).metadata()).exif).toBeDefined();
    const { a, applicationId } = await draftOf();
    const { fileId } = await addEvidence(a, applicationId, file("jpegWithGps", "IMG_0001.JPG"));
    const row = await db().evidenceFile.findUniqueOrThrow({ where: { id: fileId } });
    expect(row.mimeType).toBe("image/jpeg");
    expect(Buffer.from(row.contentEnc).includes(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false); // not a plain JPEG at rest
    const out = await readEvidence(a, fileId);
    expect(out!.fileName).toBe("IMG_0001.jpg");
    const meta = await sharp(out!.bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(out!.bytes.includes(Buffer.from("Ivan Secret"))).toBe(false);
    expect(meta.width).toBe(32);
  });

  it("clears a PDF's author, creator and dates", async () => {
    expect((await PDFDocument.load(corpus.pdfWithMetadata!, { updateMetadata: false })).getAuthor()).toBe("Ivan Secret");
    const { a, applicationId } = await draftOf();
    const { fileId } = await addEvidence(a, applicationId, file("pdfWithMetadata", "../../etc/order<script>.pdf"));
    const out = (await readEvidence(a, fileId))!;
    expect(out.mimeType).toBe("application/pdf");
    expect(out.fileName).toBe("orderscript.pdf");
    const doc = await PDFDocument.load(out.bytes, { updateMetadata: false });
    expect(doc.getAuthor() ?? "").toBe("");
    expect(doc.getCreator() ?? "").toBe("");
    expect(doc.getCreationDate()).toBeUndefined();
    const hex = Buffer.from("Ivan Secret", "utf16le").swap16().toString("hex").toUpperCase();
    expect(out.bytes.includes(Buffer.from("Ivan Secret")) || out.bytes.toString("latin1").toUpperCase().includes(hex)).toBe(false);
    expect(doc.getPageCount()).toBe(1);
  });

  it("accepts at most five files per application", async () => {
    const { a, applicationId } = await draftOf();
    for (let i = 0; i < 5; i++) await addEvidence(a, applicationId, file("png", `p${i}.png`));
    await expect(addEvidence(a, applicationId, file("png", "p6.png"))).rejects.toMatchObject({
      fieldErrors: { file: ["evidence_too_many"] },
    });
    expect(await db().auditEvent.count({ where: { entityId: applicationId, action: "evidence.added" } })).toBe(5);
  });

  it("lets only the owner remove a file, while the case is editable", async () => {
    const { a, applicationId } = await draftOf();
    const { fileId } = await addEvidence(a, applicationId, file("png", "x.png"));
    const other = await actorFor((await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: platformId }] })).id);
    await expect(removeEvidence(other, fileId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await removeEvidence(a, fileId);
    expect(await db().evidenceFile.count({ where: { id: fileId } })).toBe(0);
    await expect(removeEvidence(a, crypto.randomUUID())).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

// Downloads follow exactly the scope of the reviewer's case page (lib/reviews/scope.ts): never a draft,
// never a case the reviewer declared a conflict on, never another organisation's case.
describe("who may download a file", () => {
  const staff = async (role: "REVIEWER" | "FUND_MANAGER", organisationId = fundOrgId) =>
    actorFor((await makeUser(db(), { roles: [{ role, organisationId }] })).id);
  const downloads = (actorId: string, applicationId: string) =>
    db().auditEvent.count({ where: { entityId: applicationId, action: "evidence.downloaded", actorId } });
  async function submittedWithFile() {
    const { a, applicationId } = await draftOf();
    const { fileId } = await addEvidence(a, applicationId, file("png", "order.png"));
    await saveApplication(a, applicationId, {
      intent: "submit",
      submissionKey: crypto.randomUUID(),
      category: "DISMISSED_WORKER",
      purpose: "LIVING_COSTS",
      region: "MINSK",
      amount: "100",
      statement: "Dismissed after the strike; need rent money.",
    });
    return { a, applicationId, fileId };
  }

  it("refuses the files of an unsubmitted draft to the fund's reviewers and managers, and gives them to the applicant", async () => {
    const { a, applicationId } = await draftOf();
    const { fileId } = await addEvidence(a, applicationId, file("png", "x.png"));
    const reviewer = await staff("REVIEWER");
    const manager = await staff("FUND_MANAGER");
    expect(await readEvidence(reviewer, fileId)).toBeNull();
    expect(await readEvidence(manager, fileId)).toBeNull();
    expect(await downloads(reviewer.userId, applicationId)).toBe(0);
    expect((await readEvidence(a, fileId))?.mimeType).toBe("image/png");
  });

  it("gives a submitted case's file to a reviewer who may open the case, and records the download", async () => {
    const { applicationId, fileId } = await submittedWithFile();
    const reviewer = await staff("REVIEWER");
    expect((await readEvidence(reviewer, fileId))?.mimeType).toBe("image/png");
    expect(await downloads(reviewer.userId, applicationId)).toBe(1);
  });

  it("refuses a reviewer who declared a conflict on the case", async () => {
    const { applicationId, fileId } = await submittedWithFile();
    const conflicted = await staff("REVIEWER");
    await reviewCase(conflicted, ReviewActionSchema.parse({ applicationId, action: "declare_conflict", reason: "I know this person" }));
    expect(await readEvidence(conflicted, fileId)).toBeNull();
    expect(await downloads(conflicted.userId, applicationId)).toBe(0);
  });

  it("refuses other organisations' staff, other applicants and staff who have no case page for it", async () => {
    const { a, applicationId, fileId } = await submittedWithFile();
    const other = await makeOrganisation(db());
    const stranger = await actorFor((await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: platformId }] })).id);
    for (const actor of [await staff("REVIEWER", other.id), await staff("FUND_MANAGER", other.id), stranger, await staff("FUND_MANAGER")]) {
      expect(await readEvidence(actor, fileId)).toBeNull();
      expect(await downloads(actor.userId, applicationId)).toBe(0);
    }
    expect((await readEvidence(a, fileId))?.mimeType).toBe("image/png"); // the applicant, after submitting too
    expect(await downloads(a.userId, applicationId)).toBe(0); // the applicant's own downloads are not staff access
  });
});
