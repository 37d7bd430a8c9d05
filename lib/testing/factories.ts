// Builders shared by prisma/seed.ts and the integration tests, so demo data and test data have the same
// shape. Each takes a Prisma client (or transaction) and creates rows with sensible defaults.
import crypto from "node:crypto";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { OrganisationKind, Role } from "@/lib/db/generated/enums";
import { hashPassword } from "@/lib/auth/password";
import { PLATFORM_SLUG } from "@/lib/users/platform-slug";

type Client = Pick<PrismaClient, "user" | "organisation" | "membership" | "fund" | "pledge" | "ledgerEntry" | "course" | "application">;

export const uniq = (prefix = "t") => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

export async function makeOrganisation(c: Client, o: { id?: string; name?: string; slug?: string; kind?: OrganisationKind } = {}) {
  const slug = o.slug ?? uniq("org");
  return c.organisation.upsert({
    where: { slug },
    create: { id: o.id, slug, name: o.name ?? slug, kind: o.kind ?? "FUNDER" },
    update: {},
  });
}

export const platformOrganisation = (c: Client) => makeOrganisation(c, { slug: PLATFORM_SLUG, name: "Padtrymka", kind: "PLATFORM" });

export async function makeUser(
  c: Client,
  // `passwordHash`: an already hashed password, for callers that make many users with one password.
  o: {
    email?: string | null;
    username?: string;
    password?: string;
    passwordHash?: string;
    roles?: { role: Role; organisationId: string }[];
    verified?: boolean;
  } = {},
) {
  const email = o.email === undefined ? `${uniq("user")}@test.padtrymka.test` : o.email;
  const existing = email
    ? await c.user.findUnique({ where: { email } })
    : o.username
      ? await c.user.findUnique({ where: { username: o.username } })
      : null;
  const user =
    existing ??
    (await c.user.create({
      data: {
        email,
        username: o.username,
        emailVerified: o.verified === false ? null : new Date(),
        passwordHash: o.passwordHash ?? (o.password ? await hashPassword(o.password) : null),
      },
    }));
  for (const r of o.roles ?? []) {
    await c.membership.upsert({
      where: { userId_organisationId_role: { userId: user.id, organisationId: r.organisationId, role: r.role } },
      create: { userId: user.id, organisationId: r.organisationId, role: r.role },
      update: {},
    });
  }
  return user;
}

export async function makeFund(
  c: Client,
  organisationId: string,
  o: Partial<{ id: string; name: string; purpose: string; currency: string; perApplicantCapMinor: number; requiredApprovals: number }> & {
    eligibleCategories?: ("RESIGNING_OFFICER" | "DISMISSED_WORKER" | "REPRESSION_VICTIM" | "PUBLIC_SECTOR_LEAVER" | "OTHER")[];
    eligiblePurposes?: ("ACADEMY_DEBT" | "MEDICAL_REHABILITATION" | "FINES_LEGAL" | "LIVING_COSTS" | "RELOCATION" | "OTHER")[];
    evidenceHint?: string;
    status?: "OPEN" | "CLOSED";
    legalNameRequirement?: "REQUIRED" | "OPTIONAL" | "HIDDEN";
    phoneRequirement?: "REQUIRED" | "OPTIONAL" | "HIDDEN";
    cityRequirement?: "REQUIRED" | "OPTIONAL" | "HIDDEN";
    birthDateRequirement?: "REQUIRED" | "OPTIONAL" | "HIDDEN";
  } = {},
) {
  const id = o.id ?? uniq("fund");
  return c.fund.upsert({
    where: { id },
    create: {
      id,
      organisationId,
      name: o.name ?? `Fund ${id}`,
      purpose: o.purpose ?? "Relief for people who lost their income.",
      currency: o.currency ?? "USD",
      perApplicantCapMinor: o.perApplicantCapMinor ?? 200_000,
      requiredApprovals: o.requiredApprovals ?? 2,
      eligibleCategories: o.eligibleCategories ?? ["DISMISSED_WORKER"],
      eligiblePurposes: o.eligiblePurposes ?? ["LIVING_COSTS"],
      evidenceHint: o.evidenceHint,
      status: o.status,
      legalNameRequirement: o.legalNameRequirement,
      phoneRequirement: o.phoneRequirement,
      cityRequirement: o.cityRequirement,
      birthDateRequirement: o.birthDateRequirement,
    },
    update: {},
  });
}
