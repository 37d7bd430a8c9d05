// ─── RISKY FILE: untrusted PDFs ────────────────────────────────────────────────────────────────────
// A hostile applicant's PDF can run script in a reviewer's reader (/OpenAction, /JavaScript, /JS, /AA),
// start programs (/Launch), call home with the reviewer's IP address (/URI, /SubmitForm, /GoToR, external
// streams) or carry other files (/EmbeddedFiles, /FileAttachment annotations, /EF), also inside compressed
// object streams. The document is rebuilt, not patched (ADR 0036):
//   1. every object pdf-lib parsed (object streams are unpacked on load) is scrubbed in place: action
//      keys, actions, file specifications, embedded files and media annotations are removed wherever
//      they are referenced from;
//   2. only the pages are copied into a new, empty document (with what they reference): the catalog
//      (open action, names tree, outlines, forms and XFA, document metadata) is left behind;
//   3. the new document is walked once more, and if anything active is still there the file is refused.
import "server-only";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFStream, type PDFContext, type PDFObject } from "pdf-lib";

/**
 * Keys whose value is active content or leads to it, wherever they appear; and XMP packets and private
 * application data (`Metadata`, `PieceInfo`), which pages and images carry too (author, camera, place).
 */
const ACTIVE_KEYS = new Set([
  "OpenAction",
  "AA",
  "JS",
  "JavaScript",
  "EmbeddedFiles",
  "EmbeddedFile",
  "EF",
  "RF",
  "URI",
  "Launch",
  "XFA",
  "RichMediaContent",
  "RichMediaSettings",
  "3DD",
  "AcroForm",
  "Names",
  "Metadata",
  "PieceInfo",
]);
/** Keys that hold an action dictionary (annotations, outline items, form fields). */
const ACTION_KEYS = new Set(["A", "PA", "Next"]);
/** Keys of a stream dictionary that move its data to an external file or URL. */
const EXTERNAL_STREAM_KEYS = ["F", "FFilter", "FDecodeParms"];
/** Object types that are active wherever they are referenced from. */
const ACTIVE_TYPES = new Set(["Action", "Filespec", "EmbeddedFile", "F", "RichMediaContent", "3D"]);
/** Action types (`/S`) that reach outside the document or run something. */
const ACTIVE_ACTIONS = new Set([
  "JavaScript",
  "Launch",
  "URI",
  "SubmitForm",
  "ImportData",
  "GoToR",
  "GoToE",
  "Rendition",
  "Sound",
  "Movie",
  "RichMediaExecute",
  "ResetForm",
  "Hide",
  "Named",
  "SetOCGState",
  "GoTo3DView",
  "Thread",
]);
/** Annotation subtypes that carry files, media or script. */
const ACTIVE_ANNOTATIONS = new Set(["FileAttachment", "Sound", "Movie", "Screen", "RichMedia", "3D"]);

export class UncleanablePdfError extends Error {}

/**
 * A name as a reader would see it. pdf-lib decodes `#xx` escapes with upper-case hex digits only; a
 * reader also accepts lower-case ones (`/#4a#53` is /JS), so those are decoded here too.
 */
const nameOf = (n: PDFName) => n.decodeText().replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

const dictOf = (o: PDFObject | undefined): PDFDict | undefined => (o instanceof PDFStream ? o.dict : o instanceof PDFDict ? o : undefined);

function nameValue(d: PDFDict, key: string): string | undefined {
  const v = d.get(PDFName.of(key));
  return v instanceof PDFName ? nameOf(v) : undefined;
}

/** An object that must not be referenced from anywhere: an action, a file, an embedded file, a media annotation. */
function isActive(ctx: PDFContext, value: PDFObject | undefined): boolean {
  const d = dictOf(value instanceof PDFRef ? ctx.lookup(value) : value);
  if (!d) return false;
  const type = nameValue(d, "Type");
  const s = nameValue(d, "S");
  const subtype = nameValue(d, "Subtype");
  if (type && ACTIVE_TYPES.has(type)) return true;
  if (s && ACTIVE_ACTIONS.has(s) && (type === undefined || type === "Action")) return true;
  if (subtype && ACTIVE_ANNOTATIONS.has(subtype) && (type === undefined || type === "Annot")) return true;
  return d.keys().some((k) => ["JS", "EF", "RichMediaContent", "3DD"].includes(nameOf(k)));
}

const isDictLike = (ctx: PDFContext, value: PDFObject) => !!dictOf(value instanceof PDFRef ? ctx.lookup(value) : value);

function scrubDict(ctx: PDFContext, d: PDFDict): void {
  for (const [k, v] of d.entries()) {
    const key = nameOf(k);
    if (ACTIVE_KEYS.has(key) || (ACTION_KEYS.has(key) && isDictLike(ctx, v)) || isActive(ctx, v)) d.delete(k);
    else scrubDirect(ctx, v);
  }
}

function scrubArray(ctx: PDFContext, a: PDFArray): void {
  for (let i = a.size() - 1; i >= 0; i--) {
    const v = a.get(i);
    if (isActive(ctx, v)) a.remove(i);
    else scrubDirect(ctx, v);
  }
}

/** Nested direct objects; indirect ones are scrubbed on their own (every object is visited). */
function scrubDirect(ctx: PDFContext, v: PDFObject): void {
  if (v instanceof PDFStream) {
    for (const k of EXTERNAL_STREAM_KEYS) v.dict.delete(PDFName.of(k));
    scrubDict(ctx, v.dict);
  } else if (v instanceof PDFDict) scrubDict(ctx, v);
  else if (v instanceof PDFArray) scrubArray(ctx, v);
}

/** Where active content is left in a document: the first object number found, or null when clean. */
export function findActiveContent(ctx: PDFContext): string | null {
  const seen = new Set<PDFObject>();
  const walk = (v: PDFObject, where: string): string | null => {
    if (seen.has(v)) return null;
    seen.add(v);
    if (isActive(ctx, v) && !(v instanceof PDFRef)) return where;
    const d = dictOf(v);
    if (d) {
      if (v instanceof PDFStream && EXTERNAL_STREAM_KEYS.some((k) => d.has(PDFName.of(k)))) return where;
      for (const [k, x] of d.entries()) {
        const key = nameOf(k);
        if (ACTIVE_KEYS.has(key) || (ACTION_KEYS.has(key) && isDictLike(ctx, x))) return `${where}/${key}`;
        const found = walk(x, `${where}/${key}`);
        if (found) return found;
      }
    } else if (v instanceof PDFArray) {
      for (let i = 0; i < v.size(); i++) {
        const found = walk(v.get(i), `${where}[${i}]`);
        if (found) return found;
      }
    }
    return null;
  };
  for (const [ref, obj] of ctx.enumerateIndirectObjects()) {
    const found = walk(obj, `${ref.objectNumber} ${ref.generationNumber} R`);
    if (found) return found;
  }
  return null;
}

/** The PDF rebuilt from its pages only, with no active content and no metadata. Throws if unreadable. */
export async function cleanPdf(input: Uint8Array): Promise<Uint8Array> {
  const src = await PDFDocument.load(input, { updateMetadata: false, throwOnInvalidObject: true, ignoreEncryption: true });
  // An encrypted document cannot be inspected: its strings and streams are ciphertext.
  if (src.isEncrypted) throw new UncleanablePdfError("encrypted");
  if (src.getPageCount() === 0) throw new Error("no pages"); // not a document: "corrupt"
  for (const [, obj] of src.context.enumerateIndirectObjects()) scrubDirect(src.context, obj);
  const out = await PDFDocument.create({ updateMetadata: false });
  for (const page of await out.copyPages(src, src.getPageIndices())) out.addPage(page);
  if (out.getPageCount() !== src.getPageCount()) throw new UncleanablePdfError("pages lost");
  const left = findActiveContent(out.context);
  if (left) throw new UncleanablePdfError(`active content left at ${left}`);
  return out.save({ useObjectStreams: true, updateFieldAppearances: false });
}
