import { getFormatter, getTranslations } from "next-intl/server";
import { auditActionNamer } from "@/components/cases/access-log-table";
import type { AuditRow } from "@/lib/audit/queries";

/** The audit list: when, who, what (translated) and on what. */
export async function AuditTable({ rows }: { rows: AuditRow[] }) {
  const [t, format, name] = await Promise.all([getTranslations("admin"), getFormatter(), auditActionNamer()]);
  const typeName = (type: string) =>
    /^[A-Za-z]+$/.test(type) && t.has(`entityType.${type}` as never) ? t(`entityType.${type}` as never) : t("entityType.other");
  return (
    <div className="overflow-x-auto">
      <table>
        <thead>
          <tr>
            <th scope="col">{t("auditWhen")}</th>
            <th scope="col">{t("accessWho")}</th>
            <th scope="col">{t("auditAction")}</th>
            <th scope="col">{t("auditEntity")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.seq}>
              <td>{format.dateTime(e.when, { dateStyle: "short", timeStyle: "medium" })}</td>
              <td>{e.who ?? t("bySystem")}</td>
              <td>{name(e.action)}</td>
              <td>
                <span className="text-neutral-700">{typeName(e.entityType)}</span>{" "}
                <span className="break-all font-mono text-xs">{e.entity}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
