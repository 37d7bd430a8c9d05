"use client";
import { useTranslations } from "next-intl";
import { ActionForm, Field } from "@/components/form/action-form";
import { Link } from "@/lib/i18n/navigation";
import { claimSealedAction } from "@/lib/sealed/actions";

export function ClaimForm() {
  const t = useTranslations("claim");
  return (
    <ActionForm
      action={claimSealedAction}
      hidden={{}}
      submitLabel={t("submit")}
      className="flex max-w-md flex-col gap-4"
      result={(d) => (
        <p role="status">
          {t("done", { code: d.referenceCode })} <Link href={`/me/${d.applicationId}`}>{t("open")}</Link>
        </p>
      )}
    >
      {(v) => <Field id="claim-code" name="code" label={t("code")} hint={t("codeHint")} defaultValue={v.code} />}
    </ActionForm>
  );
}
