import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { getOwnCase } from "@/lib/applications/queries";
import { isWithdrawable } from "@/lib/applications/rules";
import { pageActor } from "@/lib/authz/page-actor";
import { Link } from "@/lib/i18n/navigation";
import { MessageList } from "@/components/cases/message-list";
import { EvidenceSection } from "@/components/evidence/evidence-section";
import { AnswerForm, DeleteDataForm, WithdrawForm } from "./case-forms";

type Props = { params: Promise<{ locale: string; applicationId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CasePage({ params, searchParams }: Props) {
  const { locale, applicationId } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const actor = (await pageActor(locale, `/me/${applicationId}`))!;
  const c = await getOwnCase(actor, applicationId);
  if (!c) notFound();
  if (c.status === "DRAFT" && !c.dataDeletedAt) redirect(`/${locale}/apply/${applicationId}`);
  const [t, te, format] = await Promise.all([getTranslations("me"), getTranslations("enums"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <article className="max-w-2xl space-y-6">
      <p><Link href="/me">{t("back")}</Link></p>
      <h1>{t("caseTitle", { reference: c.referenceCode ?? "—" })}</h1>
      {sp.submitted === "1" && c.referenceCode && <p role="status" className="rounded border border-green-700 bg-green-50 p-3">{t("receipt", { reference: c.referenceCode })}</p>}
      {sp.deleted === "1" && <p role="status" className="rounded border border-green-700 bg-green-50 p-3">{t("deleted")}</p>}
      <p>{t("fund")}: {c.fund.name}</p>
      <p>{t("stage")}: <strong>{te(`ApplicationStatus.${c.status}`)}</strong></p>

      <section className="space-y-2">
        <h2>{t("timeline")}</h2>
        <ol className="space-y-1">
          {c.statusChanges.map((s) => <li key={s.id}>{when(s.createdAt)} — {te(`ApplicationStatus.${s.toStatus}`)}</li>)}
        </ol>
      </section>

      <MessageList messages={c.messages} viewer="applicant" />

      {!c.dataDeletedAt && <EvidenceSection applicationId={c.id} files={c.evidenceFiles} editable={c.status === "NEEDS_INFO"} />}

      {c.status === "NEEDS_INFO" && (
        <section className="space-y-2">
          <h2>{t("answerTitle")}</h2>
          <AnswerForm applicationId={c.id} />
        </section>
      )}

      {isWithdrawable(c.status) && (
        <section className="space-y-2">
          <h2>{t("withdrawTitle")}</h2>
          <p>{t("withdrawHint")}</p>
          <WithdrawForm applicationId={c.id} />
        </section>
      )}

      {!c.dataDeletedAt && (
        <section className="space-y-2">
          <h2>{t("deleteTitle")}</h2>
          <p>{t("deleteHint")}</p>
          {sp["confirm-delete"] === "1" ? <DeleteDataForm applicationId={c.id} /> : <p><Link href={`/me/${c.id}?confirm-delete=1`}>{t("deleteStart")}</Link></p>}
        </section>
      )}
    </article>
  );
}
