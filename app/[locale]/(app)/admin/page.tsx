import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { AccessLogTable } from "@/components/cases/access-log-table";
import { AccessDenied } from "@/components/layout/access-denied";
import { pageActor } from "@/lib/authz/page-actor";
import { STAFF_ROLES } from "@/lib/authz/permissions";
import { accessLog } from "@/lib/reviews/access";
import { auditChainStatus, listOrganisations, listUsersWithRoles, recentAuditEvents } from "@/lib/users/queries";
import { lockState } from "@/lib/crypto/emergency-lock";
import { hasTwoFactor } from "@/lib/auth/two-factor";
import { LockForm, UnlockForm } from "./emergency-lock";
import { LOCK_PHRASES } from "@/lib/crypto/lock-schemas";
import { ActivityAlerts } from "@/components/cases/activity-alerts";
import { GrantRoleForm, ResetTwoFactorButton, RevokeRoleButton, SuspendButton } from "./role-forms";

export default async function AdminPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { locale } = await params;
  const sp = await searchParams;
  setRequestLocale(locale);
  const actor = await pageActor(locale, "/admin", "user:read:any");
  if (!actor) return <AccessDenied />;
  const [t, te, format, users, orgs, events, access, chain, ts, lock, needsCode] = await Promise.all([
    getTranslations("admin"),
    getTranslations("enums"),
    getFormatter(),
    listUsersWithRoles(actor),
    listOrganisations(actor),
    recentAuditEvents(actor),
    accessLog(actor),
    auditChainStatus(actor),
    getTranslations("security"),
    lockState(),
    hasTwoFactor(actor.userId),
  ]);
  const label = (u: { email: string | null; username: string | null }) => u.email ?? u.username ?? "—";
  return (
    <div className="space-y-8">
      <h1>{t("title")}</h1>
      {(sp.suspended || sp.reactivated) && <p role="status" className="rounded border border-green-700 bg-green-50 p-3">{sp.suspended ? t("suspendedNotice") : t("reactivatedNotice")}</p>}
      <ActivityAlerts actor={actor} />
      <section id="lock" aria-labelledby="lock-h" className="space-y-3 rounded border border-red-800 p-3">
        <h2 id="lock-h">{ts("lockTitle")}</h2>
        {sp.unlocked && /^\d+$/.test(sp.unlocked) && <p role="status" className="rounded border border-green-700 bg-green-50 p-3">{ts("unlocked", { keys: Number(sp.unlocked) })}</p>}
        {!lock.lockedAt && <p>{ts("lockLead")}</p>}
        {/* Always in this place, also when locked: it shows the unlock code of a post without JavaScript. */}
        <LockForm needsCode={needsCode} locked={!!lock.lockedAt} phrase={LOCK_PHRASES[locale as keyof typeof LOCK_PHRASES] ?? LOCK_PHRASES.en} />
        {lock.lockedAt && (
          <>
            <p role="alert" className="rounded border border-red-700 bg-red-50 p-3">{ts("lockedSince", { when: format.dateTime(lock.lockedAt, { dateStyle: "medium", timeStyle: "short" }) })}</p>
            <UnlockForm needsCode={needsCode} />
          </>
        )}
      </section>
      <section className="space-y-3">
        <h2>{t("users")}</h2>
        <div className="overflow-x-auto">
          <table>
            <thead><tr><th scope="col">{t("user")}</th><th scope="col">{t("roles")}</th></tr></thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <td>{label(u)}{u.suspendedAt ? ` (${t("suspended")})` : ""}{u.id !== actor.userId && <SuspendButton userId={u.id} suspended={!!u.suspendedAt} label={label(u)} />}{u.id !== actor.userId && u.totpEnabledAt && <ResetTwoFactorButton userId={u.id} label={label(u)} />}</td>
                  <td>
                    {u.memberships.length === 0 ? t("noRoles") : (
                      <ul>
                        {u.memberships.map((m) => {
                          const role = te(`Role.${m.role}`);
                          return (
                            <li key={m.id}>
                              {role} · {m.organisation.name}
                              {m.role !== "APPLICANT" && <RevokeRoleButton membershipId={m.id} label={`${t("revokeButton", { role, organisation: m.organisation.name })} — ${label(u)}`} />}
                            </li>
                          );
                        })}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="space-y-3">
        <h2 id="grant-heading">{t("grantTitle")}</h2>
        <GrantRoleForm
          users={users.map((u) => ({ value: u.id, label: label(u) }))}
          organisations={orgs.map((o) => ({ value: o.id, label: o.name }))}
          roles={STAFF_ROLES.map((r) => ({ value: r, label: te(`Role.${r}`) }))}
        />
      </section>
      <section className="space-y-3 overflow-x-auto">
        <h2>{t("accessLog")}</h2>
        <AccessLogTable rows={access} />
      </section>
      <section className="space-y-3">
        <h2>{t("audit")}</h2>
        {chain.ok ? (
          <p className="rounded border border-green-700 bg-green-50 p-3">{t("chainOk", { links: chain.links })} <span className="break-all font-mono text-xs">{chain.head}</span></p>
        ) : (
          <p role="alert" className="rounded border border-red-700 bg-red-50 p-3">{t("chainBroken", { reason: chain.reason, stripe: chain.stripe ?? "—", link: chain.brokenAt ?? "—", event: chain.eventId ?? "—", links: chain.links })}</p>
        )}
        <table>
          <thead><tr><th scope="col">{t("auditWhen")}</th><th scope="col">{t("auditAction")}</th><th scope="col">{t("auditEntity")}</th></tr></thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.seq}><td>{format.dateTime(e.createdAt, { dateStyle: "short", timeStyle: "medium" })}</td><td>{e.action}</td><td>{e.entityType} {e.entityId}</td></tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
