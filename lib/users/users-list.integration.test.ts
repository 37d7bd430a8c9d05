// The admin's users list: found by part of an email or username (accounts without email by their
// generated username), paged by cursor through everyone, newest first (issue 16, item 20).
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { actorFor } from "@/lib/testing/actors";
import { makeUser, platformOrganisation } from "@/lib/testing/factories";
import { getUserForAdmin, listUsersPage } from "@/lib/users/queries";

const tag = crypto.randomBytes(4).toString("hex");
let admin: Actor;

beforeAll(async () => {
  const platform = await platformOrganisation(db());
  admin = await actorFor((await makeUser(db(), { roles: [{ role: "ADMIN", organisationId: platform.id }] })).id);
  for (let i = 0; i < 5; i++)
    await makeUser(db(), { email: null, username: `quiet-${tag}-${i}`, roles: [{ role: "APPLICANT", organisationId: platform.id }] });
  await makeUser(db(), { email: `volunteer-${tag}@test.padtrymka.test` });
});

describe("the admin's users list", () => {
  it("finds accounts without email by their username and others by their email, case-insensitively", async () => {
    const byName = await listUsersPage(admin, { q: `QUIET-${tag}` });
    expect(byName.users.map((u) => u.username)).toEqual([4, 3, 2, 1, 0].map((i) => `quiet-${tag}-${i}`));
    expect(byName.users.every((u) => u.email === null && u.memberships[0]?.role === "APPLICANT")).toBe(true);
    expect((await listUsersPage(admin, { q: `VOLUNTEER-${tag}` })).users.map((u) => u.email)).toEqual([
      `volunteer-${tag}@test.padtrymka.test`,
    ]);
    expect((await listUsersPage(admin, { q: `nobody-${tag}` })).users).toEqual([]);
  });

  it("pages through every match by cursor", async () => {
    const names: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 5; i++) {
      const page = await listUsersPage(admin, { q: `quiet-${tag}`, take: 2, after });
      names.push(...page.users.map((u) => u.username!));
      after = page.next ?? undefined;
      if (!after) break;
    }
    expect(names).toEqual([4, 3, 2, 1, 0].map((i) => `quiet-${tag}-${i}`));
  });

  it("is for admins only", async () => {
    const applicant = await actorFor(
      (await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: (await platformOrganisation(db())).id }] })).id,
    );
    await expect(listUsersPage(applicant, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getUserForAdmin(applicant, admin.userId)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
