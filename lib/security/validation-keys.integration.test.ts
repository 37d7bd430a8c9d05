// No form can show zod's own English or a made-up key under a field: every server action, posted empty,
// with every field blank, or with a file where text belongs, answers field errors that are keys of the
// "validation" catalogue in all three languages (zod's "Invalid input: expected string, received
// undefined" reached the screen as "validation.Invalid input: …" before lib/actions/validation-key.ts).
import { beforeAll, describe, expect, it } from "vitest";
import be from "@/messages/be.json";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";
import type { Actor } from "@/lib/authz/actor";
import { DEPLOYMENT_WIDE, harness, loadActions, mockRequestContext, navigationDigest, type Action } from "@/lib/testing/action-harness";

mockRequestContext();

const { db } = await import("@/lib/db/client");
const { actorFor } = await import("@/lib/testing/actors");
const { makeUser, platformOrganisation } = await import("@/lib/testing/factories");

const FIELDS = [
  "applicationId",
  "fundId",
  "courseId",
  "payoutId",
  "userId",
  "amount",
  "reason",
  "message",
  "statement",
  "email",
  "password",
  "passwordConfirm",
  "identifier",
  "username",
  "code",
  "otp",
  "confirmed",
  "intent",
  "submissionKey",
  "idempotencyKey",
  "action",
  "name",
  "currency",
  "seats",
  "title",
  "answer",
  "note",
  "role",
  "organisationId",
  "membershipId",
  "suspend",
  "sessionId",
  "contactChannel",
];
const keysOf = (m: { validation: Record<string, string> }) => new Set(Object.keys(m.validation));
const catalogues = { en: keysOf(en), be: keysOf(be), ru: keysOf(ru) };

describe("validation messages of every server action", () => {
  let actions: [string, Action][] = [];
  let applicant: Actor;

  beforeAll(async () => {
    const platformId = (await platformOrganisation(db())).id;
    applicant = await actorFor((await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: platformId }] })).id);
    actions = [...(await loadActions())].filter(([n]) => !DEPLOYMENT_WIDE.includes(n)).sort(([a], [b]) => a.localeCompare(b));
  }, 120_000);

  const posts: [string, () => FormData][] = [
    ["an empty post", () => new FormData()],
    [
      "every field blank",
      () => {
        const fd = new FormData();
        for (const f of FIELDS) fd.append(f, "");
        return fd;
      },
    ],
    [
      "a file in every field",
      () => {
        const fd = new FormData();
        for (const f of FIELDS) fd.append(f, new File(["x"], "x.txt"));
        return fd;
      },
    ],
    [
      "every field repeated",
      () => {
        const fd = new FormData();
        for (const f of FIELDS) {
          fd.append(f, "a");
          fd.append(f, "b");
        }
        return fd;
      },
    ],
  ];

  it("answers only keys of the validation catalogue, in every language", async () => {
    const unknown: string[] = [];
    let withFieldErrors = 0;
    for (const [name, action] of actions) {
      for (const [what, post] of posts) {
        for (const who of [null, applicant]) {
          harness.actor = who;
          let r: { ok: boolean; fieldErrors?: Record<string, string[]> } | undefined;
          try {
            r = (await action(null, post())) as typeof r;
          } catch (e) {
            if (navigationDigest(e)) continue;
            throw e;
          }
          if (!r || r.ok || !r.fieldErrors) continue;
          withFieldErrors++;
          for (const [field, keys] of Object.entries(r.fieldErrors)) {
            for (const k of keys)
              for (const [locale, known] of Object.entries(catalogues))
                if (!known.has(k)) unknown.push(`${name} (${what}): ${field} -> "${k}" not in ${locale}`);
          }
        }
      }
    }
    expect(withFieldErrors).toBeGreaterThan(40);
    expect([...new Set(unknown)].slice(0, 20)).toEqual([]);
  }, 300_000);
});
