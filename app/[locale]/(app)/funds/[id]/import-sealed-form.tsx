"use client";
// Bulk import of sealed applications by a fund manager (a trusted intermediary brought them on a USB stick
// or collected them from a channel). Without JavaScript: one post with every file, the list at the end.
// With JavaScript: one file per request, so the list fills in as it goes and progress is announced.
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { FormMessage } from "@/components/form/form-message";
import { importSealedAction, type ImportRow } from "@/lib/sealed/actions";

export function ImportSealedForm({ fundId }: { fundId: string }) {
  const t = useTranslations("importSealed");
  const [state, formAction, pending] = useActionState(importSealedAction, null);
  const [rows, setRows] = useState<ImportRow[] | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const shown = rows ?? (state?.ok ? state.data.rows : null);
  const onSubmit = async (e: React.FormEvent<HTMLFormElement>) => {
    const input = e.currentTarget.elements.namedItem("files") as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    if (files.length === 0) return; // the server explains
    e.preventDefault();
    const out: ImportRow[] = [];
    setRows(out);
    setProgress({ done: 0, total: files.length });
    for (const [i, file] of files.entries()) {
      const fd = new FormData();
      fd.set("fundId", fundId);
      fd.set("files", file);
      const r = await importSealedAction(null, fd).catch(() => null);
      out.push(
        r?.ok
          ? r.data.rows[0]!
          : { name: file.name, referenceCode: null, again: false, message: r && !r.ok ? (r.message ?? t("failed")) : t("failed") },
      );
      setRows([...out]);
      setProgress({ done: i + 1, total: files.length });
    }
    input.value = "";
  };
  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      encType="multipart/form-data"
      className="flex flex-col gap-2 rounded border border-neutral-200 p-3"
    >
      <input type="hidden" name="fundId" value={fundId} />
      <label htmlFor="import-files" className="font-medium">
        {t("files")}
      </label>
      <p id="import-files-hint" className="text-sm text-neutral-700">
        {t("filesHint")}
      </p>
      <input
        id="import-files"
        name="files"
        type="file"
        multiple
        accept=".age,.txt,application/octet-stream,text/plain"
        aria-describedby="import-files-hint"
      />
      <FormMessage state={state} />
      {/* Only while there is something to say: the fund page's own notices are its one status otherwise. */}
      {progress && (
        <p role="status" aria-live="polite">
          {progress.done < progress.total ? t("progress", progress) : t("finished", progress)}
        </p>
      )}
      {shown && shown.length > 0 && (
        <table className="text-sm">
          <caption className="sr-only">{t("resultsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("file")}</th>
              <th scope="col">{t("result")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r, i) => (
              <tr key={`${i}-${r.name}`}>
                <td>{r.name}</td>
                <td>
                  {r.referenceCode
                    ? r.again
                      ? t("again", { code: r.referenceCode })
                      : t("accepted", { code: r.referenceCode })
                    : r.message}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button
        type="submit"
        disabled={pending || (progress !== null && progress.done < progress.total)}
        className="self-start rounded bg-brand-700 px-4 py-2 font-semibold text-white"
      >
        {t("submit")}
      </button>
    </form>
  );
}
