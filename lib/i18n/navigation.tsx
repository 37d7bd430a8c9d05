// The one way to link between pages (ESLint forbids next/link elsewhere). Links never prefetch: an
// applicant on a throttled link through a proxy pays for every background request with their bandwidth,
// and /en/courses alone used to fetch 16 pages nobody had asked for (docs/decisions/0047-mirrors.md).
import type { ComponentProps } from "react";
import { createNavigation } from "next-intl/navigation";
import { routing } from "@/lib/i18n/routing";

const navigation = createNavigation(routing);

export const { redirect, usePathname, useRouter, getPathname } = navigation;

type LinkProps = Omit<ComponentProps<typeof navigation.Link>, "prefetch">;

/** next-intl's locale-aware Link, without prefetching (neither in view nor on hover). */
export function Link(props: LinkProps) {
  const IntlLink = navigation.Link;
  return <IntlLink {...props} prefetch={false} />;
}
