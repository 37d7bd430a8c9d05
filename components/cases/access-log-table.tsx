import { getFormatter, getTranslations } from "next-intl/server";
import { auditActionKey } from "@/lib/audit/actions";
import type { AccessLogRow } from "@/lib/reviews/access-log";

export type { AccessLogRow };

/** Names an audit or access action in the reader's language; an unknown code gets a generic name, never the code. */
export async function auditActionNamer(): Promise<(code: string) => string> {
  const t = await getTranslations("auditActions");
  return (code) => {
    const key = auditActionKey(code, (k) => t.has(k as never));
    return key ? t(key as never) : t("other");
  };
}

/** Who opened which case, revealed which identity or downloaded which file (admin and fund pages). */
export async function AccessLogTable({ rows, caption }: { rows: AccessLogRow[]; caption?: string }) {
  const [t, format, name] = await Promise.all([getTranslations("admin"), getFormatter(), auditActionNamer()]);
  return (
    <div className="overflow-x-auto">
      <table>
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead>
          <tr>
            <th scope="col">{t("auditWhen")}</th>
            <th scope="col">{t("accessWho")}</th>
            <th scope="col">{t("auditAction")}</th>
            <th scope="col">{t("accessCase")}</th>
            <th scope="col">{t("accessReason")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.seq}>
              <td>{format.dateTime(e.when, { dateStyle: "short", timeStyle: "medium" })}</td>
              <td>{e.who}</td>
              <td>{name(e.action)}</td>
              <td>{e.reference}</td>
              <td>{e.reason ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
