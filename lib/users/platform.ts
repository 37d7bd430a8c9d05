import "server-only";
import type { Tx } from "@/lib/db/client";

import { PLATFORM_SLUG } from "@/lib/users/platform-slug";

/** The organisation that holds APPLICANT and ADMIN memberships; created on first use. */
export async function ensurePlatformOrganisation(tx: Tx): Promise<string> {
  const org = await tx.organisation.upsert({
    where: { slug: PLATFORM_SLUG },
    create: { slug: PLATFORM_SLUG, name: "Padtrymka", kind: "PLATFORM" },
    update: {},
    select: { id: true },
  });
  return org.id;
}
