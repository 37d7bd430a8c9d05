import { getFormatter, getTranslations } from "next-intl/server";

export type AccessLogRow = { seq: string; when: Date; who: string; action: string; reference: string; reason: string | null };

/** Who opened which case, revealed which identity or downloaded which file (admin and fund pages). */
export async function AccessLogTable({ rows }: { rows: AccessLogRow[] }) {
  const [t, format] = await Promise.all([getTranslations("admin"), getFormatter()]);
  return (
    <div className="overflow-x-auto">
      <table>
        <thead><tr><th scope="col">{t("auditWhen")}</th><th scope="col">{t("accessWho")}</th><th scope="col">{t("auditAction")}</th><th scope="col">{t("accessCase")}</th><th scope="col">{t("accessReason")}</th></tr></thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.seq}><td>{format.dateTime(e.when, { dateStyle: "short", timeStyle: "medium" })}</td><td>{e.who}</td><td>{e.action}</td><td>{e.reference}</td><td>{e.reason ?? ""}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
