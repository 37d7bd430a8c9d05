"use client";
// The offline application (docs/decisions/0046-sealed-applications.md): the same questions as the online
// form, checked by the same schema, sealed in the browser to the deployment's intake key. Nothing
// readable is kept on the device: a draft is stored only encrypted under the applicant's PIN or
// passphrase (or not at all), and sealing or Quick exit erases it.
import { zodResolver } from "@hookform/resolvers/zod";
import { Decrypter, Encrypter, armor } from "age-encryption";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { useForm, type FieldValues, type Resolver } from "react-hook-form";
import { SelectField } from "@/components/form/select-field";
import { TextArea } from "@/components/form/text-area";
import { TextField } from "@/components/form/text-field";
import { validationKey, zodErrorMap } from "@/lib/actions/validation-key";
import { applicationFormSchema, REGIONS } from "@/lib/applications/schemas";
import { ALLOWED_TYPES, MAX_FILE_BYTES, MAX_FILES_PER_APPLICATION } from "@/lib/evidence/rules";
import { generateClaimCode, seal, SEALED_MAX_BYTES, toText, type SealedFile } from "@/lib/sealed/format";
import { OFFLINE_DRAFT_KEY } from "@/lib/sealed/offline-draft";
import type { OfflineFund } from "@/lib/sealed/offline-funds";

const FIELDS = ["category", "purpose", "region", "amount", "statement", "legalName", "phone", "city", "birthDate"] as const;
type Answers = Partial<Record<(typeof FIELDS)[number], string>>;
type Draft = { fundId: string; answers: Answers; files: { name: string; type: string; data: string }[] };
type Sealed = { claimCode: string; url: string; fileName: string; text: string | null; kib: number };

const b64 = (bytes: Uint8Array) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(""));
const unb64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

export function OfflineApply({ funds, recipient }: { funds: OfflineFund[]; recipient: string }) {
  const t = useTranslations("offline");
  const [fundId, setFundId] = useState("");
  const [restored, setRestored] = useState<Draft | null>(null);
  const [sealed, setSealed] = useState<Sealed | null>(null);
  const [online, setOnline] = useState(true);
  const fund = funds.find((f) => f.id === fundId);
  const locale = useLocale();

  useEffect(() => {
    // Keeps this page (and only it) for use with no connection.
    if ("serviceWorker" in navigator) navigator.serviceWorker.register("/sw.js", { scope: `/${locale}/apply/offline` }).catch(() => {});
    const update = () => setOnline(navigator.onLine);
    update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, [locale]);

  if (sealed) return <SealedResult sealed={sealed} />;
  return (
    <div className="space-y-5">
      <p role="status" aria-live="polite" className="text-sm text-neutral-700">
        {online ? t("online") : t("offlineNow")}
      </p>
      <DraftLocker
        onOpen={(d) => {
          setRestored(d);
          setFundId(d.fundId);
        }}
      />
      <div className="flex flex-col gap-1">
        <label htmlFor="o-fund" className="font-medium">
          {t("fund")}
        </label>
        <select
          id="o-fund"
          value={fundId}
          onChange={(e) => {
            setRestored(null);
            setFundId(e.target.value);
          }}
          className="rounded border border-neutral-400 px-3 py-2"
        >
          <option value="">{t("chooseFund")}</option>
          {funds.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
      </div>
      {fund && (
        <OfflineForm
          key={`${fund.id}-${restored ? "restored" : "new"}`}
          fund={fund}
          recipient={recipient}
          restored={restored?.fundId === fund.id ? restored : null}
          onSealed={setSealed}
        />
      )}
    </div>
  );
}

function OfflineForm({
  fund,
  recipient,
  restored,
  onSealed,
}: {
  fund: OfflineFund;
  recipient: string;
  restored: Draft | null;
  onSealed: (s: Sealed) => void;
}) {
  const t = useTranslations("offline");
  const ta = useTranslations("apply");
  const te = useTranslations("enums");
  const tv = useTranslations("validation");
  const locale = useLocale();
  const params = fund.params;
  const schema = useMemo(() => applicationFormSchema(params, "submit"), [params]);
  const submissionKey = useMemo(() => crypto.randomUUID(), []);
  const form = useForm<FieldValues>({
    resolver: zodResolver(schema as never, { error: zodErrorMap } as never) as unknown as Resolver<FieldValues>,
    mode: "onTouched",
    defaultValues: { intent: "submit", submissionKey, ...(restored?.answers ?? {}) },
  });
  const [files, setFiles] = useState<SealedFile[]>(() =>
    (restored?.files ?? []).map((f) => ({ name: f.name, type: f.type, bytes: unb64(f.data) })),
  );
  const [fileError, setFileError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [draftNote, setDraftNote] = useState<string | null>(null);
  const pin = useRef<HTMLInputElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const errorKey = (name: string) => {
    const e = form.formState.errors[name];
    return typeof e?.message === "string"
      ? validationKey({ code: typeof e.type === "string" ? e.type : undefined, message: e.message }, form.getValues(name))
      : undefined;
  };
  const label = (key: "legalName" | "phone" | "city" | "birthDate") =>
    params[key] === "OPTIONAL" ? ta("optional", { label: ta(key) }) : ta(key);
  const show = (key: "legalName" | "phone" | "city" | "birthDate") => params[key] !== "HIDDEN";
  const answers = (): Answers =>
    Object.fromEntries(FIELDS.map((k) => [k, String(form.getValues(k) ?? "")]).filter(([, v]) => v !== "")) as Answers;

  const addFile = async () => {
    const file = fileInput.current?.files?.[0];
    setFileError(null);
    if (!file) return;
    if (files.length >= MAX_FILES_PER_APPLICATION) return setFileError("evidence_too_many");
    if (file.size > MAX_FILE_BYTES) return setFileError("evidence_too_large");
    if (file.size === 0) return setFileError("evidence_empty");
    // The server checks the bytes; here the declared type, to say it before the long way there.
    if (!(ALLOWED_TYPES as readonly string[]).includes(file.type)) return setFileError("evidence_wrong_type");
    if (files.reduce((n, f) => n + f.bytes.length, 0) + file.size > SEALED_MAX_BYTES - 64 * 1024) return setFileError("sealed_too_large");
    setFiles([...files, { name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) }]);
    fileInput.current!.value = "";
  };

  const saveDraft = async () => {
    const secret = pin.current?.value ?? "";
    setDraftNote(null);
    if (secret.length < 6) return setDraftNote(t("pinShort"));
    setBusy(true);
    try {
      const e = new Encrypter();
      e.setPassphrase(secret);
      e.setScryptWorkFactor(16);
      const draft = (withFiles: boolean): Draft => ({
        fundId: fund.id,
        answers: answers(),
        files: withFiles ? files.map((f) => ({ name: f.name, type: f.type, data: b64(f.bytes) })) : [],
      });
      try {
        localStorage.setItem(OFFLINE_DRAFT_KEY, armor.encode(await e.encrypt(JSON.stringify(draft(true)))));
        setDraftNote(t("draftSaved"));
      } catch {
        // Too big for this browser's storage with the files: the answers alone.
        localStorage.setItem(OFFLINE_DRAFT_KEY, armor.encode(await e.encrypt(JSON.stringify(draft(false)))));
        setDraftNote(t("draftSavedWithoutFiles"));
      }
      if (pin.current) pin.current.value = "";
    } finally {
      setBusy(false);
    }
  };

  const onSeal = form.handleSubmit(async () => {
    setBusy(true);
    setProblem(null);
    try {
      const claimCode = generateClaimCode();
      const bytes = await seal(
        recipient,
        {
          v: 1,
          id: crypto.randomUUID(),
          claimCode,
          fundId: fund.id,
          fundVersion: fund.version,
          locale: locale as "be" | "ru" | "en",
          sealedAt: new Date().toISOString(),
          answers: answers(),
        },
        files,
      );
      if (bytes.length > SEALED_MAX_BYTES) {
        setProblem(tv("sealed_too_large"));
        return;
      }
      localStorage.removeItem(OFFLINE_DRAFT_KEY); // sealed: the draft is not needed, and must not stay
      onSealed({
        claimCode,
        url: URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "application/octet-stream" })),
        // A neutral name: neither the service, nor the date, nor any part of the claim code.
        fileName: `${Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) => b.toString(36).padStart(2, "0"))
          .join("")
          .slice(0, 8)}.age`,
        text: files.length === 0 ? toText(bytes) : null,
        kib: Math.max(1, Math.round(bytes.length / 1024)),
      });
    } catch {
      setProblem(t("sealFailed"));
    } finally {
      setBusy(false);
    }
  });

  return (
    <form onSubmit={onSeal} noValidate className="flex flex-col gap-5">
      <p>{fund.purpose}</p>
      <input type="hidden" {...form.register("intent")} />
      <input type="hidden" {...form.register("submissionKey")} />
      <SelectField
        id="o-category"
        label={ta("category")}
        placeholder={ta("choose")}
        options={params.categories.map((c) => ({ value: c, label: te(`SituationCategory.${c}`) }))}
        errorKey={errorKey("category")}
        registration={form.register("category")}
      />
      <SelectField
        id="o-purpose"
        label={ta("purpose")}
        placeholder={ta("choose")}
        options={params.purposes.map((p) => ({ value: p, label: te(`AidPurpose.${p}`) }))}
        errorKey={errorKey("purpose")}
        registration={form.register("purpose")}
      />
      <SelectField
        id="o-region"
        label={ta("regionOfResidence")}
        placeholder={ta("choose")}
        options={REGIONS.map((r) => ({ value: r, label: te(`Region.${r}`) }))}
        errorKey={errorKey("region")}
        registration={form.register("region")}
      />
      <TextField
        id="o-amount"
        label={ta("amount", { currency: params.currency, cap: fund.capLabel })}
        inputMode="decimal"
        autoComplete="off"
        errorKey={errorKey("amount")}
        registration={form.register("amount")}
      />
      <TextArea
        id="o-statement"
        label={ta("statement")}
        hint={ta("statementHint")}
        errorKey={errorKey("statement")}
        registration={form.register("statement")}
      />
      {(["legalName", "phone", "city", "birthDate"] as const).some(show) && (
        <fieldset className="flex flex-col gap-4 rounded border border-neutral-200 p-4">
          <legend className="px-1 font-semibold">{ta("personalTitle")}</legend>
          <p className="text-sm text-neutral-700">{ta("personalHint")}</p>
          {show("legalName") && (
            <TextField
              id="o-legalName"
              label={label("legalName")}
              autoComplete="off"
              errorKey={errorKey("legalName")}
              registration={form.register("legalName")}
            />
          )}
          {show("phone") && (
            <TextField
              id="o-phone"
              type="tel"
              label={label("phone")}
              autoComplete="off"
              errorKey={errorKey("phone")}
              registration={form.register("phone")}
            />
          )}
          {show("city") && (
            <TextField
              id="o-city"
              label={label("city")}
              autoComplete="off"
              errorKey={errorKey("city")}
              registration={form.register("city")}
            />
          )}
          {show("birthDate") && (
            <TextField
              id="o-birthDate"
              type="date"
              label={label("birthDate")}
              autoComplete="off"
              errorKey={errorKey("birthDate")}
              registration={form.register("birthDate")}
            />
          )}
        </fieldset>
      )}
      <section className="flex flex-col gap-3" aria-labelledby="o-evidence-heading">
        <h2 id="o-evidence-heading">{ta("evidenceTitle")}</h2>
        {fund.evidenceHint && <p>{fund.evidenceHint}</p>}
        <p className="text-sm text-neutral-700" id="o-file-hint">
          {t("filesHint")}
        </p>
        {files.length < MAX_FILES_PER_APPLICATION && (
          <>
            <label htmlFor="o-file" className="font-medium">
              {ta("file")}
            </label>
            <input
              ref={fileInput}
              id="o-file"
              type="file"
              accept="application/pdf,image/jpeg,image/png"
              aria-describedby={["o-file-hint", fileError && "o-file-error"].filter(Boolean).join(" ")}
              aria-invalid={fileError ? true : undefined}
            />
            {fileError && (
              <p id="o-file-error" className="text-sm text-red-800">
                {tv(fileError as never)}
              </p>
            )}
            <button
              type="button"
              onClick={addFile}
              className="self-start rounded border border-brand-700 px-4 py-2 font-semibold text-brand-700"
            >
              {ta("upload")}
            </button>
          </>
        )}
        {files.length === 0 ? (
          <p>{ta("noFiles")}</p>
        ) : (
          <ul className="space-y-2">
            {files.map((f, i) => (
              <li key={`${i}-${f.name}`} className="flex flex-wrap items-center gap-3">
                <span>{f.name}</span>
                <span className="text-sm text-neutral-600">{Math.max(1, Math.round(f.bytes.length / 1024))} KB</span>
                <button type="button" onClick={() => setFiles(files.filter((_, j) => j !== i))} className="text-sm text-red-800 underline">
                  {ta("removeFile", { name: f.name })}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <fieldset className="flex flex-col gap-2 rounded border border-neutral-200 p-4">
        <legend className="px-1 font-semibold">{t("draftTitle")}</legend>
        <p className="text-sm text-neutral-700" id="o-pin-hint">
          {t("draftHint")}
        </p>
        <label htmlFor="o-pin" className="font-medium">
          {t("pin")}
        </label>
        <input
          ref={pin}
          id="o-pin"
          type="password"
          autoComplete="off"
          aria-describedby="o-pin-hint"
          className="rounded border border-neutral-400 px-3 py-2"
        />
        <button
          type="button"
          onClick={saveDraft}
          disabled={busy}
          className="self-start rounded border border-brand-700 px-4 py-2 font-semibold text-brand-700"
        >
          {t("saveDraft")}
        </button>
        {draftNote && <p role="status">{draftNote}</p>}
      </fieldset>
      {problem && (
        <p role="alert" className="rounded border border-red-700 bg-red-50 p-3">
          {problem}
        </p>
      )}
      {Object.keys(form.formState.errors).length > 0 && (
        <p role="alert" className="rounded border border-red-700 bg-red-50 p-3">
          {t("fixErrors")}
        </p>
      )}
      <p className="text-sm text-neutral-700">{t("sealHint")}</p>
      <button
        type="submit"
        disabled={busy}
        className="self-start rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
      >
        {busy ? t("sealing") : t("seal")}
      </button>
    </form>
  );
}

const subscribeStorage = (onChange: () => void) => {
  window.addEventListener("storage", onChange);
  return () => window.removeEventListener("storage", onChange);
};

/** A draft kept on this device, encrypted under the applicant's PIN: open it, or delete it. */
function DraftLocker({ onOpen }: { onOpen: (d: Draft) => void }) {
  const t = useTranslations("offline");
  // Read from the device's storage after hydration (the server's render has no draft).
  const stored = useSyncExternalStore(
    subscribeStorage,
    () => localStorage.getItem(OFFLINE_DRAFT_KEY) !== null,
    () => false,
  );
  const [dismissed, setDismissed] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const pin = useRef<HTMLInputElement>(null);
  if (!stored || dismissed) return null;
  const setPresent = (v: boolean) => setDismissed(!v);
  const openDraft = async () => {
    setNote(null);
    try {
      const d = new Decrypter();
      d.addPassphrase(pin.current?.value ?? "");
      const draft = JSON.parse(await d.decrypt(armor.decode(localStorage.getItem(OFFLINE_DRAFT_KEY) ?? ""), "text")) as Draft;
      setPresent(false);
      onOpen(draft);
    } catch {
      setNote(t("wrongPin"));
    }
  };
  return (
    <section aria-labelledby="o-draft-h" className="flex flex-col gap-2 rounded border border-neutral-300 p-4">
      <h2 id="o-draft-h">{t("draftFound")}</h2>
      <label htmlFor="o-unlock" className="font-medium">
        {t("pin")}
      </label>
      <input ref={pin} id="o-unlock" type="password" autoComplete="off" className="rounded border border-neutral-400 px-3 py-2" />
      <div className="flex flex-wrap gap-3">
        <button type="button" onClick={openDraft} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
          {t("openDraft")}
        </button>
        <button
          type="button"
          onClick={() => {
            localStorage.removeItem(OFFLINE_DRAFT_KEY);
            setPresent(false);
          }}
          className="rounded border border-red-800 px-4 py-2 font-semibold text-red-800"
        >
          {t("deleteDraft")}
        </button>
      </div>
      {note && <p role="alert">{note}</p>}
    </section>
  );
}

function SealedResult({ sealed }: { sealed: Sealed }) {
  const t = useTranslations("offline");
  const [copied, setCopied] = useState(false);
  return (
    <section aria-labelledby="o-sealed-h" className="space-y-4 rounded border border-green-700 bg-green-50 p-4">
      <h2 id="o-sealed-h">{t("sealedTitle")}</h2>
      <p role="status">{t("sealedLead", { kib: sealed.kib })}</p>
      <p>{t("claimCodeIntro")}</p>
      <p className="text-2xl font-semibold tracking-wide" aria-label={t("claimCodeLabel")}>
        {sealed.claimCode}
      </p>
      <p>
        <a href={sealed.url} download={sealed.fileName} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white no-underline">
          {t("saveFile")}
        </a>
      </p>
      {sealed.text ? (
        <div className="flex flex-col gap-2">
          <label htmlFor="o-sealed-text" className="font-medium">
            {t("sealedText")}
          </label>
          <p id="o-sealed-text-hint" className="text-sm text-neutral-700">
            {t("sealedTextHint")}
          </p>
          <textarea
            id="o-sealed-text"
            readOnly
            rows={8}
            value={sealed.text}
            aria-describedby="o-sealed-text-hint"
            className="rounded border border-neutral-400 px-3 py-2 font-mono text-xs"
          />
          <button
            type="button"
            onClick={() =>
              navigator.clipboard?.writeText(sealed.text!).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
            className="self-start rounded border border-brand-700 px-4 py-2 font-semibold text-brand-700"
          >
            {copied ? t("copied") : t("copy")}
          </button>
        </div>
      ) : (
        <p>{t("noTextWithFiles")}</p>
      )}
      <p>{t("whatNext")}</p>
    </section>
  );
}
