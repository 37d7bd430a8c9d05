import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/layout/language-switcher";
import { QuickExit } from "@/components/layout/quick-exit";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { rolesOf } from "@/lib/authz/actor";
import { currentActor } from "@/lib/authz/current-actor";
import { Link } from "@/lib/i18n/navigation";

export async function SiteHeader() {
  const t = await getTranslations("nav");
  const actor = await currentActor().catch(() => null);
  const roles = actor ? rolesOf(actor) : new Set();
  const staffLinks = [
    roles.has("REVIEWER") && { href: "/review", label: t("review") },
    roles.has("FUND_MANAGER") && { href: "/funds", label: t("funds") },
    roles.has("FUND_MANAGER") && { href: "/payouts", label: t("payouts") },
    roles.has("DONOR") && { href: "/pledges", label: t("pledges") },
    roles.has("COURSE_PROVIDER") && { href: "/provider", label: t("provider") },
    roles.has("ADMIN") && { href: "/admin", label: t("admin") },
  ].filter((l): l is { href: string; label: string } => Boolean(l));
  return (
    <header className="border-b border-neutral-200 bg-neutral-50">
      <div className="mx-auto flex max-w-4xl flex-col gap-3 px-4 py-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <Link href="/" className="text-lg font-bold no-underline">
            {t("home")}
          </Link>
          <div className="flex flex-wrap items-center gap-4">
            <LanguageSwitcher />
            <QuickExit label={t("quickExit")} hint={t("quickExitHint")} />
          </div>
        </div>
        <nav aria-label={t("main")}>
          <ul className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
            <li>
              <Link href="/apply">{t("apply")}</Link>
            </li>
            <li>
              <Link href="/courses">{t("courses")}</Link>
            </li>
            <li>
              <Link href="/status">{t("status")}</Link>
            </li>
            <li>
              <Link href="/transparency">{t("transparency")}</Link>
            </li>
            {actor && (
              <li>
                <Link href="/me">{t("me")}</Link>
              </li>
            )}
            {staffLinks.map((l) => (
              <li key={l.href}>
                <Link href={l.href}>{l.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          {actor ? (
            <>
              <span>{t("signedInAs", { label: actor.label })}</span>
              <SignOutButton label={t("signOut")} />
            </>
          ) : (
            <>
              <Link href="/sign-in">{t("signIn")}</Link>
              <Link href="/sign-up">{t("signUp")}</Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
