// The application form with its files (one form, so that adding or removing a file never loses what was
// typed, with JavaScript off too): the draft is saved first, then the chosen file is added or the named
// file removed. A submission with a file chosen adds the file before submitting. Each step is its own
// use case, with its own transaction and audit event.
import "server-only";
import type { Actor } from "@/lib/authz/actor";
import { saveApplication, type SaveResult } from "@/lib/applications/save-application";
import { addEvidence, removeEvidence } from "@/lib/evidence/evidence";

export type SaveWithEvidenceResult = SaveResult & { evidence?: "added" | "removed" };

export async function saveWithEvidence(actor: Actor, applicationId: string, raw: Record<string, unknown>): Promise<SaveWithEvidenceResult> {
  const file = raw.file instanceof File && raw.file.size > 0 ? raw.file : null;
  const removeFileId = typeof raw.removeFileId === "string" && raw.removeFileId.length > 0 ? raw.removeFileId : null;
  if (raw.intent === "submit" && !removeFileId) {
    if (!file) return saveApplication(actor, applicationId, raw);
    await addEvidence(actor, applicationId, file);
    return { ...(await saveApplication(actor, applicationId, raw)), evidence: "added" };
  }
  // "Save draft", "Add the file" (also the form's default button: Enter in a field) and "Remove <file>".
  const saved = await saveApplication(actor, applicationId, { ...raw, intent: "save" });
  if (removeFileId) {
    await removeEvidence(actor, removeFileId, applicationId);
    return { ...saved, evidence: "removed" };
  }
  if (file) {
    await addEvidence(actor, applicationId, file);
    return { ...saved, evidence: "added" };
  }
  return saved;
}
