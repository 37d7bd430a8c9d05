import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { AccessLogTable } from "@/components/cases/access-log-table";
import { AuditTable } from "@/components/cases/audit-table";
import { AccessDenied } from "@/components/layout/access-denied";
import { pageActor } from "@/lib/authz/page-actor";
import { STAFF_ROLES } from "@/lib/authz/permissions";
import { auditEventsPage, lastChainCheck } from "@/lib/audit/queries";
import { latestAuditAnchors } from "@/lib/audit/publish-anchor";
import { accessLog } from "@/lib/reviews/access-log";
import { getUserForAdmin, listOrganisations, listUsersPage } from "@/lib/users/queries";
import { lockState } from "@/lib/crypto/emergency-lock";
import { hasTwoFactor } from "@/lib/auth/two-factor";
import { Link } from "@/lib/i18n/navigation";
import { LockForm, UnlockForm } from "./emergency-lock";
import { LOCK_PHRASES } from "@/lib/crypto/lock-schemas";
import { ActivityAlerts } from "@/components/cases/activity-alerts";
import { publishAuditAnchorAction, verifyAuditChainAction } from "@/lib/audit/chain-actions";
import { AuditChainButton } from "./chain-check";
import { GrantRoleForm, ReactivateButton, ResetTwoFactorButton, RevokeRoleButton, SuspendConfirmForm } from "./role-forms";

const LATEST = 10;
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const param = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function AdminPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  const sp = await searchParams;
  setRequestLocale(locale);
  const actor = await pageActor(locale, "/admin", "user:read:any");
  if (!actor) return <AccessDenied />;
  // Users: search (email or username), pages by cursor, and a confirmation step before a suspension —
  // all plain links and GET forms, so they work without JavaScript.
  const q = (param(sp.q) ?? "").trim().slice(0, 254);
  const after = ID.test(param(sp.after) ?? "") ? param(sp.after) : undefined;
  const confirmId = ID.test(param(sp.confirm) ?? "") ? param(sp.confirm) : undefined;
  const [t, te, format, page, confirming, orgs, audit, access, chain, ts, lock, needsCode, anchors] = await Promise.all([
    getTranslations("admin"),
    getTranslations("enums"),
    getFormatter(),
    listUsersPage(actor, { q, after }),
    confirmId && confirmId !== actor.userId ? getUserForAdmin(actor, confirmId) : null,
    listOrganisations(actor),
    auditEventsPage(actor, { take: LATEST }),
    accessLog(actor, { take: LATEST }),
    lastChainCheck(actor),
    getTranslations("security"),
    lockState(),
    hasTwoFactor(actor.userId),
    latestAuditAnchors(1),
  ]);
  // Accounts without email show their generated username; one with neither (made by a script) its id.
  const label = (u: { id: string; email: string | null; username: string | null }) => u.email ?? u.username ?? t("accountId", { id: u.id });
  const query = (over: Record<string, string | undefined>) => {
    const s = new URLSearchParams(
      Object.entries({ q: q || undefined, after, ...over }).filter(([, v]) => v) as [string, string][],
    ).toString();
    return s ? `/admin?${s}` : "/admin";
  };
  return (
    <div className="space-y-8">
      <h1>{t("title")}</h1>
      {(sp.suspended || sp.reactivated) && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3">
          {sp.suspended ? t("suspendedNotice") : t("reactivatedNotice")}
        </p>
      )}
      <ActivityAlerts actor={actor} />
      <section id="lock" aria-labelledby="lock-h" className="space-y-3 rounded border border-red-800 p-3">
        <h2 id="lock-h">{ts("lockTitle")}</h2>
        {typeof sp.unlocked === "string" && /^\d+$/.test(sp.unlocked) && (
          <p role="status" className="rounded border border-green-700 bg-green-50 p-3">
            {ts("unlocked", { keys: Number(sp.unlocked) })}
          </p>
        )}
        {!lock.lockedAt && <p>{ts("lockLead")}</p>}
        {/* Always in this place, also when locked: it shows the unlock code of a post without JavaScript. */}
        <LockForm
          needsCode={needsCode}
          locked={!!lock.lockedAt}
          phrase={LOCK_PHRASES[locale as keyof typeof LOCK_PHRASES] ?? LOCK_PHRASES.en}
        />
        {lock.lockedAt && (
          <>
            <p role="alert" className="rounded border border-red-700 bg-red-50 p-3">
              {ts("lockedSince", { when: format.dateTime(lock.lockedAt, { dateStyle: "medium", timeStyle: "short" }) })}
            </p>
            <UnlockForm needsCode={needsCode} />
          </>
        )}
      </section>

      <section id="users" aria-labelledby="users-h" className="space-y-3">
        <h2 id="users-h">{t("users")}</h2>
        <form method="get" action={`/${locale}/admin#users`} role="search" className="flex flex-wrap items-end gap-2">
          <div className="flex flex-col gap-1">
            <label htmlFor="user-q" className="font-medium">
              {t("searchLabel")}
            </label>
            <input
              id="user-q"
              name="q"
              type="search"
              defaultValue={q}
              maxLength={254}
              className="rounded border border-neutral-400 px-3 py-2"
            />
          </div>
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {t("searchButton")}
          </button>
          {q && <Link href="/admin#users">{t("searchClear")}</Link>}
        </form>
        {q && <p>{t("searchShown", { q, count: page.users.length, more: page.next ? "yes" : "no" })}</p>}

        {confirming && !confirming.suspendedAt && (
          <section id="confirm" aria-labelledby="confirm-h" className="space-y-3 rounded border border-red-800 bg-red-50 p-3">
            <h3 id="confirm-h" className="font-semibold">
              {t("suspendConfirmTitle", { user: label(confirming) })}
            </h3>
            <p>{t("suspendConfirmBody")}</p>
            <SuspendConfirmForm userId={confirming.id} label={label(confirming)} />
            <p>
              <Link href={`${query({ confirm: undefined })}#users`}>{t("cancel")}</Link>
            </p>
          </section>
        )}

        {page.users.length === 0 ? (
          <p>{t("noUsers")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("user")}</th>
                  <th scope="col">{t("roles")}</th>
                  <th scope="col">{t("userActions")}</th>
                </tr>
              </thead>
              <tbody>
                {page.users.map((u) => (
                  <tr key={u.id}>
                    <th scope="row" className="font-normal">
                      <span className="break-all">{label(u)}</span>
                      {u.suspendedAt ? ` (${t("suspended")})` : ""}
                      <br />
                      <span className="text-sm text-neutral-700">
                        {u.email ? t("withEmail") : t("withoutEmail")} ·{" "}
                        {t("since", { date: format.dateTime(u.createdAt, { dateStyle: "medium" }) })}
                      </span>
                    </th>
                    <td>
                      {u.memberships.length === 0 ? (
                        t("noRoles")
                      ) : (
                        <ul>
                          {u.memberships.map((m) => {
                            const role = te(`Role.${m.role}`);
                            return (
                              <li key={m.id}>
                                {role} · {m.organisation.name}
                                {m.role !== "APPLICANT" && (
                                  <RevokeRoleButton
                                    membershipId={m.id}
                                    label={`${t("revokeButton", { role, organisation: m.organisation.name })} — ${label(u)}`}
                                  />
                                )}
                              </li>
                            );
                          })}
                        </ul>
                      )}
                    </td>
                    <td>
                      {u.id !== actor.userId &&
                        (u.suspendedAt ? (
                          <ReactivateButton userId={u.id} label={label(u)} />
                        ) : (
                          <Link href={`${query({ confirm: u.id })}#confirm`} className="text-sm text-red-800">
                            {t("suspendStep", { user: label(u) })}
                          </Link>
                        ))}
                      {u.id !== actor.userId && u.totpEnabledAt && <ResetTwoFactorButton userId={u.id} label={label(u)} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {(page.next || after) && (
          <nav aria-label={t("usersPages")} className="flex flex-wrap gap-4">
            {after && <Link href={`${query({ after: undefined })}#users`}>{t("firstUsers")}</Link>}
            {page.next && <Link href={`${query({ after: page.next })}#users`}>{t("nextUsers")}</Link>}
          </nav>
        )}
      </section>

      <section className="space-y-3">
        <h2 id="grant-heading">{t("grantTitle")}</h2>
        <p className="text-sm text-neutral-700">{t("grantUserHint")}</p>
        <GrantRoleForm
          users={page.users.map((u) => ({ value: u.id, label: label(u) }))}
          organisations={orgs.map((o) => ({ value: o.id, label: o.name }))}
          roles={STAFF_ROLES.map((r) => ({ value: r, label: te(`Role.${r}`) }))}
        />
      </section>

      <section aria-labelledby="access-h" className="space-y-3">
        <h2 id="access-h">{t("accessLog")}</h2>
        <p className="text-sm text-neutral-700">
          {t("latestEntries", { count: LATEST })} <Link href="/admin/access-log">{t("seeAllAccess")}</Link>
        </p>
        {access.length === 0 ? <p>{t("noEntries")}</p> : <AccessLogTable rows={access} />}
      </section>

      <section id="audit" aria-labelledby="audit-h" className="space-y-3">
        <h2 id="audit-h">{t("audit")}</h2>
        {/* The check recomputes the whole log, so it runs when asked; the last result is shown with its time. */}
        {!chain ? (
          <p>{t("chainNever")}</p>
        ) : chain.report.ok ? (
          <p role={sp.chain ? "status" : undefined} className="rounded border border-green-700 bg-green-50 p-3">
            {t("chainChecked", { when: format.dateTime(chain.at, { dateStyle: "medium", timeStyle: "short" }) })}{" "}
            {t("chainOk", { links: chain.report.links })} <span className="break-all font-mono text-xs">{chain.report.head}</span>
          </p>
        ) : (
          <p role="alert" className="rounded border border-red-700 bg-red-50 p-3">
            {t("chainChecked", { when: format.dateTime(chain.at, { dateStyle: "medium", timeStyle: "short" }) })}{" "}
            {t("chainBroken", {
              reason: chain.report.reason,
              stripe: chain.report.stripe ?? "—",
              link: chain.report.brokenAt ?? "—",
              event: chain.report.eventId ?? "—",
              links: chain.report.links,
            })}
          </p>
        )}
        <AuditChainButton action={verifyAuditChainAction} label={t("chainVerifyButton")} />
        {/* The anchor (one hash over every chain head) goes to the transparency page daily, or now. */}
        {anchors[0] ? (
          <p role={sp.anchor ? "status" : undefined}>
            {t("anchorLast", { when: format.dateTime(anchors[0].publishedAt, { dateStyle: "medium", timeStyle: "short" }) })}{" "}
            <span className="break-all font-mono text-xs">{anchors[0].reference}</span>
          </p>
        ) : (
          <p>{t("anchorNever")}</p>
        )}
        <AuditChainButton action={publishAuditAnchorAction} label={t("anchorPublishButton")} />
        <p className="text-sm text-neutral-700">
          {t("latestEntries", { count: LATEST })} <Link href="/admin/audit">{t("seeAllAudit")}</Link>
        </p>
        <AuditTable rows={audit.rows} />
      </section>
    </div>
  );
}
