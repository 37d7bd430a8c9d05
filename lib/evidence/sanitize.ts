// ─── RISKY FILE: untrusted uploads ─────────────────────────────────────────────────────────────────
// The type comes from the bytes (file-type), never from the name or the browser's claim. Images are
// re-encoded (which drops EXIF, GPS and any trailing payload); PDFs are rebuilt from their pages only,
// without metadata (author, creator, producer, dates, XMP) and without actions, scripts, attachments or
// links (lib/evidence/pdf-clean.ts); one that cannot be cleaned (encrypted, or something active left) is
// refused with that reason. Anything that carries web content (HTML, script, SVG) anywhere in its bytes is
// refused as a polyglot.
import "server-only";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { cleanPdf, UncleanablePdfError } from "@/lib/evidence/pdf-clean";
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
    if (type === "application/pdf") return { ok: true, type, bytes: Buffer.from(await cleanPdf(input)) };
    const image = sharp(input, { failOn: "truncated", limitInputPixels: 50_000_000 }).rotate(); // apply, then drop, orientation
    const bytes = type === "image/png" ? await image.png().toBuffer() : await image.jpeg({ quality: 88, mozjpeg: true }).toBuffer();
    return { ok: true, type, bytes };
  } catch (e) {
    return { ok: false, reason: e instanceof UncleanablePdfError ? "uncleanable" : "corrupt" };
  }
}
