// Evidence upload limits and checks that need no I/O.
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES_PER_APPLICATION = 5;
export const ALLOWED_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;
export type AllowedType = (typeof ALLOWED_TYPES)[number];

export type EvidenceRefusal = "too_large" | "empty" | "wrong_type" | "polyglot" | "corrupt" | "uncleanable" | "too_many";

// Markers of content a browser or another program would execute if the file were opened as
// something else. Legitimate PDFs and images have no reason to contain them.
const ACTIVE_MARKERS = ["<html", "<script", "<!doctype html", "<svg", "<?php", "<iframe", "javascript:"];

export function containsActiveContent(bytes: Uint8Array): boolean {
  const text = Buffer.from(bytes).toString("latin1").toLowerCase();
  return ACTIVE_MARKERS.some((m) => text.includes(m));
}

/** A file name safe to show and to put in Content-Disposition: no paths, no control characters. */
export function safeFileName(name: string, type: AllowedType): string {
  const ext = type === "application/pdf" ? ".pdf" : type === "image/png" ? ".png" : ".jpg";
  const base = (name.split(/[\\/]/).pop() ?? "")
    .replace(/\.[^.]*$/, "")
    .replace(/[\p{C}"'<>|*?:]/gu, "")
    .trim()
    .slice(0, 80);
  return `${base || "evidence"}${ext}`;
}
