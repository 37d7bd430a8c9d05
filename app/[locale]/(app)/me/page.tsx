import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { listOwnApplications } from "@/lib/applications/queries";
import { pageActor } from "@/lib/authz/page-actor";
import { Link } from "@/lib/i18n/navigation";

export default async function MePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = (await pageActor(locale, "/me"))!;
  const [t, te, format, apps] = await Promise.all([getTranslations("me"), getTranslations("enums"), getFormatter(), listOwnApplications(actor)]);
  return (
    <div className="space-y-6">
      <h1>{t("title")}</h1>
      <p>{t("lead")}</p>
      {apps.length === 0 ? (
        <p>{t("none")} <Link href="/apply">{t("applyCta")}</Link></p>
      ) : (
        <table>
          <thead><tr><th scope="col">{t("reference")}</th><th scope="col">{t("fund")}</th><th scope="col">{t("stage")}</th><th scope="col">{t("updated")}</th></tr></thead>
          <tbody>
            {apps.map((a) => (
              <tr key={a.id}>
                <td>
                  {a.status === "DRAFT" ? <Link href={`/apply/${a.id}`}>{t("continueDraft")}</Link> : <Link href={`/me/${a.id}`}>{a.referenceCode ?? t("open")}</Link>}
                </td>
                <td>{a.fund.name}</td>
                <td>{te(`ApplicationStatus.${a.status}`)}</td>
                <td>{format.dateTime(a.updatedAt, { dateStyle: "medium" })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
