// A hostile applicant's PDF: one per kind of active content (script, launch, links, page and annotation
// actions, names trees, attachments, external streams), most of them inside compressed object streams,
// one handcrafted. Each is uploaded; what is stored is decrypted, parsed again and walked object by object
// (streams decoded): none of it may be left, and the pages must be.
import zlib from "node:zlib";
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  PDFString,
  type PDFContext,
  type PDFPage,
} from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { startApplication } from "@/lib/applications/start-application";
import { db } from "@/lib/db/client";
import { addEvidence, readEvidence } from "@/lib/evidence/evidence";
import { actorFor } from "@/lib/testing/actors";
import { makeFund, makeOrganisation, makeUser, platformOrganisation } from "@/lib/testing/factories";

let fundId: string;
let platformId: string;

beforeAll(async () => {
  platformId = (await platformOrganisation(db())).id;
  fundId = (await makeFund(db(), (await makeOrganisation(db())).id)).id;
});

/** Everything a reader could act on, as text: every object of the document, every stream decoded. */
async function decompressed(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const parts: string[] = [];
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) {
    parts.push(`${ref.toString()} ${obj instanceof PDFRawStream ? obj.dict.toString() : obj.toString()}`);
    if (obj instanceof PDFRawStream) parts.push(Buffer.from(decodePDFRawStream(obj).decode()).toString("latin1"));
  }
  return parts.join("\n");
}

// Names as a reader decodes them (`#xx` escapes in either case).
const readerNames = (text: string) => text.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
const ACTIVE =
  /\/(OpenAction|JavaScript|JS|Launch|URI|AA|EmbeddedFiles?|EF|Filespec|FileAttachment|SubmitForm|GoToR|Names|AcroForm|XFA|RichMedia)(?![A-Za-z0-9])/;
const ACTION = /\/(A|PA)\s*(<<|\d+ \d+ R)/;
const EXTERNAL = /\/FS\s*\/URL/;
const PAYLOAD = /BEACON|EMBEDDED-PAYLOAD/;
/** How pdf-lib's drawText writes a line with a standard font: a hex string shown with Tj. */
const drawn = (line: string) => `<${Buffer.from(line, "latin1").toString("hex").toUpperCase()}> Tj`;

async function upload(bytes: Uint8Array) {
  const a = await actorFor((await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: platformId }] })).id);
  const { applicationId } = await startApplication(a, { fundId });
  const { fileId } = await addEvidence(a, applicationId, new File([new Uint8Array(bytes)], "order.pdf"));
  return (await readEvidence(a, fileId))!.bytes;
}

// ─── Fixtures built with pdf-lib (saved with object streams, so every dictionary is compressed) ─────

type Build = (doc: PDFDocument, page: PDFPage, ctx: PDFContext) => void | Promise<void>;
const js = (ctx: PDFContext, code: string) => ctx.obj({ Type: "Action", S: "JavaScript", JS: PDFString.of(code) });
const annots = (page: PDFPage, ctx: PDFContext, ...dicts: PDFDict[]) =>
  page.node.set(PDFName.of("Annots"), ctx.obj(dicts.map((d) => ctx.register(d))));

async function built(build: Build, pages = 1): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([200, 200]).drawText(`Resignation order, page ${i + 1}`, { x: 10, y: 100, size: 10 });
  await build(doc, doc.getPage(0), doc.context);
  return doc.save({ useObjectStreams: true });
}

const CONSTRUCTS: Record<string, Build> = {
  "/OpenAction with /JavaScript": (doc, _p, ctx) =>
    doc.catalog.set(PDFName.of("OpenAction"), ctx.register(js(ctx, "app.alert('BEACON-open')"))),
  "/OpenAction with /Launch": (doc, _p, ctx) =>
    doc.catalog.set(
      PDFName.of("OpenAction"),
      ctx.obj({
        Type: "Action",
        S: "Launch",
        F: ctx.obj({ Type: "Filespec", F: PDFString.of("BEACON.exe") }),
        Win: ctx.obj({ F: PDFString.of("cmd.exe"), P: PDFString.of("/c BEACON") }),
      }),
    ),
  "document-level /AA": (doc, _p, ctx) => doc.catalog.set(PDFName.of("AA"), ctx.obj({ WC: js(ctx, "BEACON-willclose") })),
  "Names tree /JavaScript": (doc) => doc.addJavaScript("main", "app.launchURL('http://beacon.invalid/BEACON-names')"),
  "Names tree /EmbeddedFiles (attachment)": async (doc) =>
    doc.attach(Buffer.from("EMBEDDED-PAYLOAD: MZ..."), "invoice.exe", { mimeType: "application/octet-stream" }),
  "page /AA": (_d, page, ctx) =>
    page.node.set(PDFName.of("AA"), ctx.obj({ O: js(ctx, "BEACON-page-open"), C: js(ctx, "BEACON-page-close") })),
  "link annotation with /URI": (_d, page, ctx) =>
    annots(
      page,
      ctx,
      ctx.obj({
        Type: "Annot",
        Subtype: "Link",
        Rect: [0, 0, 100, 100],
        A: ctx.obj({ S: "URI", URI: PDFString.of("http://beacon.invalid/BEACON-uri") }),
      }),
    ),
  "link annotation with a chained /Next /JavaScript and /GoToR": (_d, page, ctx) =>
    annots(
      page,
      ctx,
      ctx.obj({
        Type: "Annot",
        Subtype: "Link",
        Rect: [0, 0, 100, 100],
        A: ctx.obj({ S: "GoTo", D: [page.ref, "Fit"], Next: js(ctx, "BEACON-next") }),
        PA: ctx.obj({ S: "GoToR", F: PDFString.of("\\\\beacon.invalid\\BEACON"), D: [0, "Fit"] }),
      }),
    ),
  "widget annotation /AA and a /SubmitForm action, with an /AcroForm": (doc, page, ctx) => {
    const widget = ctx.register(
      ctx.obj({
        Type: "Annot",
        Subtype: "Widget",
        FT: "Btn",
        T: PDFString.of("send"),
        Rect: [0, 0, 50, 20],
        AA: ctx.obj({ E: js(ctx, "BEACON-enter") }),
        A: ctx.obj({ S: "SubmitForm", F: ctx.obj({ FS: "URL", F: PDFString.of("http://beacon.invalid/BEACON-submit") }) }),
      }),
    );
    page.node.set(PDFName.of("Annots"), ctx.obj([widget]));
    doc.catalog.set(PDFName.of("AcroForm"), ctx.obj({ Fields: [widget], XFA: PDFString.of("<xdp>BEACON-xfa</xdp>") }));
  },
  "file attachment annotation": (_d, page, ctx) => {
    const file = ctx.register(ctx.flateStream("EMBEDDED-PAYLOAD: a second document", { Type: "EmbeddedFile" }));
    annots(
      page,
      ctx,
      ctx.obj({
        Type: "Annot",
        Subtype: "FileAttachment",
        Rect: [0, 0, 20, 20],
        FS: ctx.obj({ Type: "Filespec", F: PDFString.of("notes.pdf"), EF: ctx.obj({ F: file }) }),
      }),
    );
  },
  "a stream whose data is an external URL (/F)": (_d, page, ctx) => {
    const xobject = ctx.register(
      ctx.stream("", {
        Type: "XObject",
        Subtype: "Form",
        BBox: [0, 0, 10, 10],
        F: ctx.obj({ FS: "URL", F: PDFString.of("http://beacon.invalid/BEACON-stream") }),
      }),
    );
    const resources = page.node.Resources()!;
    resources.set(PDFName.of("XObject"), ctx.obj({ X1: xobject }));
  },
  "an embedded file referenced from the page's resources": (_d, page, ctx) => {
    const file = ctx.register(
      ctx.flateStream("EMBEDDED-PAYLOAD: hidden in resources", { Type: "EmbeddedFile", Subtype: "application#2Foctet-stream" }),
    );
    page.node.Resources()!.set(PDFName.of("Hidden"), ctx.obj({ Type: "Filespec", F: PDFString.of("x.bin"), EF: ctx.obj({ F: file }) }));
  },
};

// ─── A handcrafted PDF: everything in one compressed object stream, names escaped in lower-case hex ──

function handcrafted(): Buffer {
  const inObjStm: [number, string][] = [
    [
      1,
      "<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R /Names << /JavaScript << /Names [(a) 6 0 R] >> /EmbeddedFiles << /Names [(run.exe) 8 0 R] >> >> >>",
    ],
    [2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"],
    [
      3,
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /Font << /F1 10 0 R >> >> /Contents 4 0 R /#41#41 << /O << /S /#4a#61vaScript /#4a#53 (BEACON-escaped) >> >> /Annots [7 0 R] >>",
    ],
    [5, "<< /Type /Action /S /Launch /F (BEACON.exe) >>"],
    [6, "<< /S /JavaScript /JS (BEACON-objstm-js) >>"],
    [7, "<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] /A << /S /URI /URI (http://beacon.invalid/BEACON-objstm-uri) >> >>"],
    [8, "<< /Type /Filespec /F (run.exe) /EF << /F 9 0 R >> >>"],
    [10, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"],
  ];
  const parts: Buffer[] = [Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  const offsets = new Map<number, number>();
  const length = () => parts.reduce((n, p) => n + p.length, 0);
  const direct = (num: number, dict: string, data: Buffer) => {
    offsets.set(num, length());
    parts.push(
      Buffer.from(`${num} 0 obj\n${dict.replace("LEN", String(data.length))}\nstream\n`, "latin1"),
      data,
      Buffer.from("\nendstream\nendobj\n", "latin1"),
    );
  };
  const content = Buffer.from("BT /F1 12 Tf 20 100 Td (Resignation order) Tj ET");
  direct(4, "<< /Length LEN >>", content);
  direct(9, "<< /Type /EmbeddedFile /Filter /FlateDecode /Length LEN >>", zlib.deflateSync(Buffer.from("EMBEDDED-PAYLOAD: MZ run me")));
  let body = "";
  const header: string[] = [];
  for (const [num, text] of inObjStm) {
    header.push(`${num} ${body.length}`);
    body += `${text}\n`;
  }
  const head = `${header.join(" ")}\n`;
  direct(
    11,
    `<< /Type /ObjStm /N ${inObjStm.length} /First ${head.length} /Filter /FlateDecode /Length LEN >>`,
    zlib.deflateSync(Buffer.from(head + body, "latin1")),
  );
  // The cross-reference stream: type 1 (offset) for direct objects, type 2 (object stream, index) for the rest.
  const size = 13;
  const rows = Buffer.alloc(size * 7);
  offsets.set(12, length());
  for (let n = 0; n < size; n++) {
    const at = inObjStm.findIndex(([num]) => num === n);
    const row = n * 7;
    if (at >= 0) {
      rows[row] = 2;
      rows.writeUInt32BE(11, row + 1);
      rows.writeUInt16BE(at, row + 5);
    } else if (offsets.has(n)) {
      rows[row] = 1;
      rows.writeUInt32BE(offsets.get(n)!, row + 1);
    }
  }
  direct(12, `<< /Type /XRef /Size ${size} /W [1 4 2] /Root 1 0 R /Length LEN >>`, rows);
  parts.push(Buffer.from(`startxref\n${offsets.get(12)}\n%%EOF\n`, "latin1"));
  return Buffer.concat(parts);
}

describe("active content in uploaded PDFs", () => {
  it.each(Object.keys(CONSTRUCTS))("removes %s and keeps the page", async (name) => {
    const input = await built(CONSTRUCTS[name]!);
    const before = readerNames(await decompressed(input));
    expect(ACTIVE.test(before) || EXTERNAL.test(before)).toBe(true); // the fixture really has it
    const stored = await upload(input);
    const text = readerNames(await decompressed(stored));
    expect(text).not.toMatch(ACTIVE);
    expect(text).not.toMatch(ACTION);
    expect(text).not.toMatch(EXTERNAL);
    expect(text).not.toMatch(PAYLOAD);
    expect(Buffer.from(stored).toString("latin1")).not.toMatch(PAYLOAD);
    const doc = await PDFDocument.load(stored);
    expect(doc.getPageCount()).toBe(1);
    expect(text).toContain(drawn("Resignation order, page 1")); // the page's content stream survives
  });

  it("removes what a handcrafted PDF hides in a compressed object stream, lower-case escaped names included", async () => {
    const input = handcrafted();
    expect(input.toString("latin1")).not.toMatch(/JavaScript|OpenAction|EmbeddedFiles|BEACON/); // nothing visible uncompressed
    const before = readerNames(await decompressed(input));
    for (const marker of ["/OpenAction", "/JavaScript", "/JS", "/Launch", "/URI", "/AA", "/EmbeddedFiles", "/EF", "EMBEDDED-PAYLOAD"])
      expect(before).toContain(marker);
    const stored = await upload(input);
    const text = readerNames(await decompressed(stored));
    expect(text).not.toMatch(ACTIVE);
    expect(text).not.toMatch(ACTION);
    expect(text).not.toMatch(PAYLOAD);
    const doc = await PDFDocument.load(stored);
    expect(doc.getPageCount()).toBe(1);
    expect(text).toContain("(Resignation order) Tj");
  });

  it("keeps every page of a clean PDF, its size and its text", async () => {
    const input = await built(() => undefined, 3);
    const stored = await upload(input);
    const doc = await PDFDocument.load(stored);
    expect(doc.getPageCount()).toBe(3);
    expect(doc.getPages().map((p) => p.getSize())).toEqual([
      { width: 200, height: 200 },
      { width: 200, height: 200 },
      { width: 200, height: 200 },
    ]);
    const text = await decompressed(stored);
    for (const n of [1, 2, 3]) expect(text).toContain(drawn(`Resignation order, page ${n}`));
    expect(doc.getPage(0).node.lookup(PDFName.of("Resources"), PDFDict).lookup(PDFName.of("Font"), PDFDict).keys().length).toBeGreaterThan(
      0,
    );
    expect(doc.catalog.lookup(PDFName.of("Pages"), PDFDict).lookup(PDFName.of("Kids"), PDFArray).size()).toBe(3);
  });

  it("drops XMP packets and private application data attached to a page", async () => {
    const input = await built((_d, page, ctx) => {
      page.node.set(
        PDFName.of("Metadata"),
        ctx.register(ctx.stream("<x:xmpmeta><dc:creator>Ivan Secret</dc:creator></x:xmpmeta>", { Type: "Metadata", Subtype: "XML" })),
      );
      page.node.set(PDFName.of("PieceInfo"), ctx.obj({ Office: ctx.obj({ Private: PDFString.of("Ivan Secret's laptop") }) }));
    });
    expect(await decompressed(input)).toContain("Ivan Secret");
    const text = await decompressed(await upload(input));
    expect(text).not.toContain("Ivan Secret");
    expect(text).not.toMatch(/\/(Metadata|PieceInfo)\b/);
  });

  it("refuses an encrypted PDF with a reason instead of storing what it cannot inspect", async () => {
    const doc = await PDFDocument.create();
    doc.addPage([200, 200]);
    doc.context.trailerInfo.Encrypt = doc.context.obj({
      Filter: "Standard",
      V: 1,
      R: 2,
      O: PDFString.of("x".repeat(32)),
      U: PDFString.of("y".repeat(32)),
      P: -4,
    });
    const bytes = await doc.save({ useObjectStreams: false });
    const a = await actorFor((await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: platformId }] })).id);
    const { applicationId } = await startApplication(a, { fundId });
    await expect(addEvidence(a, applicationId, new File([new Uint8Array(bytes)], "locked.pdf"))).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { file: ["evidence_uncleanable"] },
    });
    expect(await db().evidenceFile.count({ where: { applicationId } })).toBe(0);
  });
});
