"use client";
import { useTranslations } from "next-intl";
import { ActionForm, Field } from "@/components/form/action-form";
import { checkReceiptAction } from "@/lib/payouts/actions";
import type { ReceiptCheck } from "@/lib/transparency/queries";

export function ReceiptCheckForm() {
  const t = useTranslations("transparency");
  return (
    <ActionForm action={checkReceiptAction} hidden={{}} submitLabel={t("checkButton")} result={(r: ReceiptCheck) => <CheckResult r={r} />}>
      {() => <Field id="receipt-token" name="token" label={t("tokenLabel")} multiline />}
    </ActionForm>
  );
}

function CheckResult({ r }: { r: ReceiptCheck }) {
  const t = useTranslations("transparency");
  if (r.result === "invalid")
    return (
      <p role="alert" className="rounded border border-red-700 bg-red-50 p-3">
        {t("checkInvalid")}
      </p>
    );
  if (r.result === "not_found")
    return (
      <p role="alert" className="rounded border border-red-700 bg-red-50 p-3">
        {t("checkNotFound")}
      </p>
    );
  if (r.result === "not_yet_published")
    return (
      <p role="status" className="rounded border border-amber-700 bg-amber-50 p-3">
        {t("checkNotYet", { fund: r.fundName, date: r.publishedFrom })}
      </p>
    );
  return (
    <div role="status" className="space-y-2 rounded border border-green-700 bg-green-50 p-3">
      <p className="font-semibold">{t("checkIncluded", { fund: r.fundName, week: r.weekStart })}</p>
      <p>{r.final ? t("rootFinal") : t("rootProvisional")}</p>
      <dl className="space-y-1 break-all font-mono text-xs">
        <dt className="font-sans font-semibold">{t("yourLeaf")}</dt>
        <dd>{r.leaf}</dd>
        <dt className="font-sans font-semibold">{t("proof")}</dt>
        <dd>
          <ol className="list-decimal pl-5">
            {r.proof.map((p, i) => (
              <li key={i}>
                {p.side === "left" ? t("proofLeft") : t("proofRight")}: {p.hash}
              </li>
            ))}
          </ol>
        </dd>
        <dt className="font-sans font-semibold">{t("root")}</dt>
        <dd>{r.root}</dd>
      </dl>
    </div>
  );
}
