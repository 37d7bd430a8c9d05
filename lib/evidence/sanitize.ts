// ─── RISKY FILE: untrusted uploads ─────────────────────────────────────────────────────────────────
// The type comes from the bytes (file-type), never from the name or the browser's claim. Images are
// re-encoded (which drops EXIF, GPS and any trailing payload); PDFs are parsed and rewritten with their
// metadata (author, creator, producer, dates, XMP) removed. Anything that carries active content
// (HTML, script, SVG) anywhere in its bytes is refused as a polyglot.
import "server-only";
import { fileTypeFromBuffer } from "file-type";
import { PDFDocument, PDFName } from "pdf-lib";
import sharp from "sharp";
import { ALLOWED_TYPES, containsActiveContent, MAX_FILE_BYTES, type AllowedType, type EvidenceRefusal } from "@/lib/evidence/rules";

export type Sanitised = { ok: true; type: AllowedType; bytes: Buffer } | { ok: false; reason: EvidenceRefusal };

export async function sanitiseEvidence(input: Buffer): Promise<Sanitised> {
  if (input.length === 0) return { ok: false, reason: "empty" };
  if (input.length > MAX_FILE_BYTES) return { ok: false, reason: "too_large" };
  const detected = await fileTypeFromBuffer(input);
  const type = detected?.mime as AllowedType | undefined;
  if (!type || !ALLOWED_TYPES.includes(type)) return { ok: false, reason: "wrong_type" };
  if (containsActiveContent(input)) return { ok: false, reason: "polyglot" };
  try {
    if (type === "application/pdf") return { ok: true, type, bytes: await rewritePdf(input) };
    const image = sharp(input, { failOn: "truncated", limitInputPixels: 50_000_000 }).rotate(); // apply, then drop, orientation
    const bytes = type === "image/png" ? await image.png().toBuffer() : await image.jpeg({ quality: 88, mozjpeg: true }).toBuffer();
    return { ok: true, type, bytes };
  } catch {
    return { ok: false, reason: "corrupt" };
  }
}

async function rewritePdf(input: Buffer): Promise<Buffer> {
  const doc = await PDFDocument.load(input, { updateMetadata: false, throwOnInvalidObject: true });
  if (doc.getPageCount() === 0) throw new Error("no pages");
  doc.setTitle("");
  doc.setAuthor("");
  doc.setSubject("");
  doc.setKeywords([]);
  doc.setCreator("");
  doc.setProducer("");
  const info = doc.context.lookup(doc.context.trailerInfo.Info);
  if (info && "delete" in info) {
    for (const key of ["Title", "Author", "Subject", "Keywords", "Creator", "Producer", "CreationDate", "ModDate"]) (info as { delete(k: PDFName): void }).delete(PDFName.of(key));
  }
  doc.catalog.delete(PDFName.of("Metadata")); // XMP packet
  return Buffer.from(await doc.save({ useObjectStreams: true, updateFieldAppearances: false }));
}
