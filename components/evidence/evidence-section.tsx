"use client";
// Evidence of one application: the list (download, remove) and an upload form. Plain forms: they work
// without JavaScript; file checks happen on the server, where the bytes are inspected.
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { ActionForm } from "@/components/form/action-form";
import { FormMessage } from "@/components/form/form-message";
import { removeEvidenceAction, uploadEvidenceAction } from "@/lib/evidence/actions";
import { MAX_FILE_BYTES } from "@/lib/evidence/rules";

export type EvidenceItem = { id: string; fileName: string; sizeBytes: number };

export function EvidenceSection({ applicationId, files, editable }: { applicationId: string; files: EvidenceItem[]; editable: boolean }) {
  const t = useTranslations("apply");
  const tv = useTranslations("validation");
  const [state, action, pending] = useActionState(uploadEvidenceAction, null);
  const [tooLarge, setTooLarge] = useState(false);
  const fileError = tooLarge ? "evidence_too_large" : state && !state.ok ? state.fieldErrors?.file?.[0] : undefined;
  return (
    <section className="space-y-3" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">{t("evidenceTitle")}</h2>
      {files.length === 0 ? (
        <p>{t("noFiles")}</p>
      ) : (
        <ul className="space-y-2">
          {files.map((f) => (
            <li key={f.id} className="flex flex-wrap items-center gap-3">
              <a href={`/api/evidence/${f.id}`} download>
                {t("download", { name: f.fileName })}
              </a>
              <span className="text-sm text-neutral-600">{Math.max(1, Math.round(f.sizeBytes / 1024))} KB</span>
              {editable && <RemoveFile fileId={f.id} name={f.fileName} />}
            </li>
          ))}
        </ul>
      )}
      {editable && files.length < 5 && (
        <form
          action={action}
          className="flex flex-col gap-3"
          onSubmit={(e) => {
            // Saves a long upload on a slow connection; the server checks again either way.
            const f = (e.currentTarget.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
            const big = !!f && f.size > MAX_FILE_BYTES;
            setTooLarge(big);
            if (big) e.preventDefault();
          }}
        >
          <p className="text-sm text-neutral-700" id="file-hint">
            {t("evidenceHint")}
          </p>
          <input type="hidden" name="applicationId" value={applicationId} />
          <label htmlFor="evidence-file" className="font-medium">
            {t("file")}
          </label>
          <input
            id="evidence-file"
            name="file"
            type="file"
            accept="application/pdf,image/jpeg,image/png"
            required
            aria-invalid={fileError ? true : undefined}
            aria-describedby={["file-hint", fileError && "file-error"].filter(Boolean).join(" ")}
          />
          {fileError && (
            <p id="file-error" className="text-sm text-red-800">
              {tv(fileError as never)}
            </p>
          )}
          {state && !fileError && <FormMessage state={state} success={t("uploaded")} />}
          <button
            type="submit"
            disabled={pending}
            className="self-start rounded border border-brand-700 px-4 py-2 font-semibold text-brand-700"
          >
            {t("upload")}
          </button>
        </form>
      )}
    </section>
  );
}

function RemoveFile({ fileId, name }: { fileId: string; name: string }) {
  const t = useTranslations("apply");
  return <ActionForm action={removeEvidenceAction} hidden={{ fileId }} submitLabel={t("removeFile", { name })} tone="dangerLink" inline />;
}
