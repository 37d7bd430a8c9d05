"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { FormMessage } from "@/components/form/form-message";
import { SelectField } from "@/components/form/select-field";
import { TextArea } from "@/components/form/text-area";
import { TextField } from "@/components/form/text-field";
import { useActionForm } from "@/components/form/use-action-form";
import { saveApplicationAction } from "@/lib/applications/actions";
import { applicationFormSchema, REGIONS, type FundFormParams } from "@/lib/applications/schemas";
import { MAX_FILE_BYTES, MAX_FILES_PER_APPLICATION } from "@/lib/evidence/rules";

export type DraftFile = { id: string; fileName: string; sizeBytes: number };

type Props = {
  applicationId: string;
  submissionKey: string;
  params: FundFormParams;
  capLabel: string;
  values: Record<string, string>;
  files: DraftFile[];
};

export function ApplicationForm({ applicationId, submissionKey, params, capLabel, values, files }: Props) {
  const t = useTranslations("apply");
  const te = useTranslations("enums");
  const tv = useTranslations("validation");
  // As the user types: the draft rules (format, limits). On submit the server adds "everything required".
  const f = useActionForm(applicationFormSchema(params, "draft"), saveApplicationAction, { ...values, applicationId, submissionKey });
  const v = { ...values, ...(f.state?.values ?? {}) };
  const label = (key: "legalName" | "phone" | "city" | "birthDate") =>
    params[key] === "OPTIONAL" ? t("optional", { label: t(key) }) : t(key);
  const show = (key: "legalName" | "phone" | "city" | "birthDate") => params[key] !== "HIDDEN";
  const fileInput = useRef<HTMLInputElement>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const evidence = f.state?.ok ? f.state.data.evidence : undefined;
  // A file that was added is not offered again: the input is emptied after every successful post.
  useEffect(() => {
    if (f.state?.ok && fileInput.current) fileInput.current.value = "";
  }, [f.state]);
  const fileError = tooLarge ? "evidence_too_large" : f.errorKey("file");
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    // Saves a long upload on a slow connection; the server checks again either way.
    const big = (fileInput.current?.files?.[0]?.size ?? 0) > MAX_FILE_BYTES;
    setTooLarge(big);
    if (big) return e.preventDefault();
    f.onSubmit(e);
  };
  return (
    <form action={f.formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <FormMessage
        state={f.state}
        success={evidence === "added" ? t("uploadedAndSaved") : evidence === "removed" ? t("removedAndSaved") : t("saved")}
      />
      <input type="hidden" {...f.form.register("applicationId")} value={applicationId} />
      <input type="hidden" {...f.form.register("submissionKey")} value={submissionKey} />
      <SelectField
        id="a-category"
        label={t("category")}
        placeholder={t("choose")}
        options={params.categories.map((c) => ({ value: c, label: te(`SituationCategory.${c}`) }))}
        defaultValue={v.category}
        errorKey={f.errorKey("category")}
        registration={f.form.register("category")}
        optional
      />
      <SelectField
        id="a-purpose"
        label={t("purpose")}
        placeholder={t("choose")}
        options={params.purposes.map((p) => ({ value: p, label: te(`AidPurpose.${p}`) }))}
        defaultValue={v.purpose}
        errorKey={f.errorKey("purpose")}
        registration={f.form.register("purpose")}
        optional
      />
      <SelectField
        id="a-region"
        label={t("regionOfResidence")}
        placeholder={t("choose")}
        options={REGIONS.map((r) => ({ value: r, label: te(`Region.${r}`) }))}
        defaultValue={v.region}
        errorKey={f.errorKey("region")}
        registration={f.form.register("region")}
        optional
      />
      <TextField
        id="a-amount"
        label={t("amount", { currency: params.currency, cap: capLabel })}
        inputMode="decimal"
        autoComplete="off"
        defaultValue={v.amount}
        errorKey={f.errorKey("amount")}
        registration={f.form.register("amount")}
      />
      <TextArea
        id="a-statement"
        label={t("statement")}
        hint={t("statementHint")}
        defaultValue={v.statement}
        errorKey={f.errorKey("statement")}
        registration={f.form.register("statement")}
      />
      {(["legalName", "phone", "city", "birthDate"] as const).some(show) && (
        <fieldset className="flex flex-col gap-4 rounded border border-neutral-200 p-4">
          <legend className="px-1 font-semibold">{t("personalTitle")}</legend>
          <p className="text-sm text-neutral-700">{t("personalHint")}</p>
          {show("legalName") && (
            <TextField
              id="a-legalName"
              label={label("legalName")}
              autoComplete="off"
              defaultValue={v.legalName}
              errorKey={f.errorKey("legalName")}
              registration={f.form.register("legalName")}
            />
          )}
          {show("phone") && (
            <TextField
              id="a-phone"
              type="tel"
              label={label("phone")}
              autoComplete="off"
              defaultValue={v.phone}
              errorKey={f.errorKey("phone")}
              registration={f.form.register("phone")}
            />
          )}
          {show("city") && (
            <TextField
              id="a-city"
              label={label("city")}
              autoComplete="off"
              defaultValue={v.city}
              errorKey={f.errorKey("city")}
              registration={f.form.register("city")}
            />
          )}
          {show("birthDate") && (
            <TextField
              id="a-birthDate"
              type="date"
              label={label("birthDate")}
              autoComplete="off"
              defaultValue={v.birthDate}
              errorKey={f.errorKey("birthDate")}
              registration={f.form.register("birthDate")}
            />
          )}
        </fieldset>
      )}
      {/* The files are part of this form, so adding or removing one saves what was typed (also without
          JavaScript). "Add the file" is the first button, the one Enter presses: with no file chosen it
          only saves the draft. */}
      <section className="flex flex-col gap-3" aria-labelledby="evidence-heading">
        <h2 id="evidence-heading">{t("evidenceTitle")}</h2>
        {files.length < MAX_FILES_PER_APPLICATION && (
          <>
            <p className="text-sm text-neutral-700" id="file-hint">
              {t("evidenceHint")}
            </p>
            <label htmlFor="evidence-file" className="font-medium">
              {t("file")}
            </label>
            <input
              ref={fileInput}
              id="evidence-file"
              name="file"
              type="file"
              accept="application/pdf,image/jpeg,image/png"
              aria-invalid={fileError ? true : undefined}
              aria-describedby={["file-hint", fileError && "file-error"].filter(Boolean).join(" ")}
            />
            {fileError && (
              <p id="file-error" className="text-sm text-red-800">
                {tv(fileError as never)}
              </p>
            )}
            <button
              type="submit"
              name="intent"
              value="upload"
              disabled={f.pending}
              className="self-start rounded border border-brand-700 px-4 py-2 font-semibold text-brand-700"
            >
              {t("upload")}
            </button>
          </>
        )}
        {files.length === 0 ? (
          <p>{t("noFiles")}</p>
        ) : (
          <ul className="space-y-2">
            {files.map((file) => (
              <li key={file.id} className="flex flex-wrap items-center gap-3">
                <a href={`/api/evidence/${file.id}`} download>
                  {t("download", { name: file.fileName })}
                </a>
                <span className="text-sm text-neutral-600">{Math.max(1, Math.round(file.sizeBytes / 1024))} KB</span>
                <button type="submit" name="removeFileId" value={file.id} disabled={f.pending} className="text-sm text-red-800 underline">
                  {t("removeFile", { name: file.fileName })}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="flex flex-wrap gap-3">
        <button
          type="submit"
          name="intent"
          value="save"
          disabled={f.pending}
          className="rounded border border-brand-700 px-4 py-2 font-semibold text-brand-700"
        >
          {t("saveDraft")}
        </button>
        <button
          type="submit"
          name="intent"
          value="submit"
          disabled={f.pending}
          className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
        >
          {t("submit")}
        </button>
      </div>
    </form>
  );
}
