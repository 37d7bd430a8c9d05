"use client";
import { useTranslations } from "next-intl";
import { ActionForm, Field } from "@/components/form/action-form";
import { Link } from "@/lib/i18n/navigation";
import { deliverSealedAction } from "@/lib/sealed/actions";

export function DeliverForm() {
  const t = useTranslations("deliver");
  return (
    <ActionForm
      action={deliverSealedAction}
      hidden={{}}
      encType="multipart/form-data"
      submitLabel={t("submit")}
      className="flex flex-col gap-4"
      result={(d) => (
        <div role="status" className="rounded border border-green-700 bg-green-50 p-4">
          <p>{d.again ? t("deliveredAgain", { fund: d.fundName }) : t("delivered", { fund: d.fundName })}</p>
          <p className="text-2xl font-semibold tracking-wide">{d.referenceCode}</p>
          <p>
            {t("next")} <Link href="/status">{t("statusLink")}</Link>
          </p>
        </div>
      )}
    >
      {(v) => (
        <>
          <Field
            id="sealed-file"
            name="file"
            type="file"
            accept=".age,.txt,application/octet-stream,text/plain"
            label={t("file")}
            hint={t("fileHint")}
          />
          <Field id="sealed-text" name="text" multiline rows={8} label={t("text")} hint={t("textHint")} defaultValue={v.text} />
        </>
      )}
    </ActionForm>
  );
}
