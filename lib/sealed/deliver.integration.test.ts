// Sealed applications: delivered by anyone, opened with the intake key, checked exactly like an online
// submission, idempotent, refused with a reason (nothing stored), followed and claimed by the claim code.
import crypto from "node:crypto";
import sharp from "sharp";
import { generateX25519Identity, identityToRecipient } from "age-encryption";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { generateClaimCode, seal, toText, type Manifest, type SealedFile } from "@/lib/sealed/format";
import { actorFor } from "@/lib/testing/actors";
import { makeFund, makeOrganisation, makeUser, platformOrganisation } from "@/lib/testing/factories";
import { mockRequestContext } from "@/lib/testing/action-harness";

mockRequestContext();
// After the request context is replaced (the status action reads the request's headers).
const { claimSealed, lookupByClaimCode } = await import("@/lib/sealed/claim");
const { deliverSealed } = await import("@/lib/sealed/deliver");
const { fundFormVersion, intakeRecipient } = await import("@/lib/sealed/intake");
/** The status form's action, as the page posts it. */
async function checkStatus(code: string) {
  const { lookupStatusAction } = await import("@/lib/applications/actions");
  const fd = new FormData();
  fd.set("code", code);
  return lookupStatusAction(null, fd);
}

let recipient: string;
let orgId: string;
let fund: Awaited<ReturnType<typeof makeFund>>;
let png: SealedFile;
let platformId: string;

beforeAll(async () => {
  recipient = (await intakeRecipient())!;
  platformId = (await platformOrganisation(db())).id;
  orgId = (await makeOrganisation(db())).id;
  fund = await makeFund(db(), orgId, { phoneRequirement: "REQUIRED" });
  png = {
    name: "order.png",
    type: "image/png",
    bytes: new Uint8Array(
      await sharp({ create: { width: 8, height: 8, channels: 3, background: "#c00" } })
        .png()
        .toBuffer(),
    ),
  };
});

const client = () => `test-client-${crypto.randomUUID()}`;
const phone = () => `+375 29 ${String(crypto.randomInt(1_000_000, 9_999_999))}`;

function manifest(over: Partial<Omit<Manifest, "files">> = {}, answers: Partial<Manifest["answers"]> = {}): Omit<Manifest, "files"> {
  return {
    v: 1,
    id: crypto.randomUUID(),
    claimCode: generateClaimCode(),
    fundId: fund.id,
    fundVersion: fundFormVersion(fund),
    locale: "be",
    sealedAt: new Date().toISOString(),
    answers: {
      category: "DISMISSED_WORKER",
      purpose: "LIVING_COSTS",
      region: "MOGILEV",
      amount: "900",
      statement: "Dismissed from the tractor plant after the strike; no income since.",
      phone: phone(),
      ...answers,
    },
    ...over,
  };
}

async function refusedWith(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e, "expected a refusal").not.toBeNull();
  return (e as { messageKey?: string }).messageKey;
}
const cases = () => db().application.count();

describe("delivering a sealed application", () => {
  it("becomes a submitted case with its files, marked as sealed, owned by a holder nobody signs in as", async () => {
    const m = manifest();
    const r = await deliverSealed(await seal(recipient, m, [png]), { kind: "public", client: client() });
    expect(r).toMatchObject({ again: false, fundName: fund.name });
    const app = await db().application.findUniqueOrThrow({
      where: { referenceCode: r.referenceCode },
      include: { evidenceFiles: true, applicant: true },
    });
    expect(app).toMatchObject({ status: "SUBMITTED", sealedId: m.id, fundId: fund.id, claimedAt: null });
    expect(app.deliveredAt).not.toBeNull();
    expect(app.applicant).toMatchObject({ sealedHolder: true, email: null, username: null, passwordHash: null });
    expect(app.evidenceFiles.map((f) => f.mimeType)).toEqual(["image/png"]);
    // Encrypted at rest like every case: the statement is not in the row.
    expect(JSON.stringify(app)).not.toContain("tractor");
    const events = await db().auditEvent.findMany({ where: { entityId: app.id }, select: { action: true } });
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(["application.sealed_delivered", "evidence.added", "application.submitted"]),
    );
  });

  it("answers a second delivery of the same file (or its text) with the same reference code, also at once", async () => {
    const sealed = await seal(recipient, manifest(), []);
    const first = await deliverSealed(sealed, { kind: "public", client: client() });
    const before = await cases();
    expect(await deliverSealed(toText(sealed), { kind: "public", client: client() })).toEqual({ ...first, again: true });
    expect(await cases()).toBe(before);
    // Five carriers deliver one new file at the same moment: one case.
    const other = await seal(recipient, manifest(), []);
    const all = await Promise.all(Array.from({ length: 5 }, () => deliverSealed(other, { kind: "public", client: client() })));
    expect(new Set(all.map((x) => x.referenceCode)).size).toBe(1);
    expect(await cases()).toBe(before + 1);
  });

  it("refuses another file that reuses a delivered application's claim code (someone who saw the code)", async () => {
    const m = manifest();
    await deliverSealed(await seal(recipient, m, []), { kind: "public", client: client() });
    const forged = manifest({ claimCode: m.claimCode });
    expect(await refusedWith(deliverSealed(await seal(recipient, forged, []), { kind: "public", client: client() }))).toBe(
      "deliver.refused.claim_code_taken",
    );
  });

  it("refuses a copy re-sealed with other answers under the same id as changed", async () => {
    const m = manifest();
    await deliverSealed(await seal(recipient, m, []), { kind: "public", client: client() });
    expect(
      await refusedWith(
        deliverSealed(await seal(recipient, { ...m, answers: { ...m.answers, amount: "2000" } }, []), { kind: "public", client: client() }),
      ),
    ).toBe("deliver.refused.changed");
  });

  it("refuses, storing nothing: another deployment's key, a corrupt file, answers the fund does not accept, a file that is not evidence", async () => {
    const before = await cases();
    const other = await identityToRecipient(await generateX25519Identity());
    expect(await refusedWith(deliverSealed(await seal(other, manifest(), []), { kind: "public", client: client() }))).toBe(
      "deliver.refused.wrong_key",
    );
    const flipped = (await seal(recipient, manifest(), [])).slice();
    flipped[flipped.length - 3]! ^= 0x40;
    expect(await refusedWith(deliverSealed(flipped, { kind: "public", client: client() }))).toBe("deliver.refused.corrupt");
    // Over the fund's cap, and without the phone this fund requires (a hand-made file: the page checks first).
    expect(
      await refusedWith(deliverSealed(await seal(recipient, manifest({}, { amount: "999999" }), []), { kind: "public", client: client() })),
    ).toBe("deliver.refused.invalid");
    expect(
      await refusedWith(deliverSealed(await seal(recipient, manifest({}, { phone: undefined }), []), { kind: "public", client: client() })),
    ).toBe("deliver.refused.invalid");
    const html = { name: "x.pdf", type: "application/pdf", bytes: new TextEncoder().encode("<html><script>alert(1)</script>") };
    expect(await refusedWith(deliverSealed(await seal(recipient, manifest(), [png, html]), { kind: "public", client: client() }))).toMatch(
      /^deliver.refused.evidence_(wrong_type|polyglot)$/,
    );
    expect(
      await refusedWith(
        deliverSealed(await seal(recipient, manifest({ fundId: "no-such-fund" }), []), { kind: "public", client: client() }),
      ),
    ).toBe("deliver.refused.unknown_fund");
    expect(await cases()).toBe(before);
  });

  it("refuses one for a fund that closed or changed its questions, and the claim code then shows why", async () => {
    const closing = await makeFund(db(), orgId);
    const m = manifest({ fundId: closing.id, fundVersion: fundFormVersion(closing) });
    const changed = manifest({ fundVersion: "an-older-version" });
    await db().fund.update({ where: { id: closing.id }, data: { status: "CLOSED" } });
    expect(await refusedWith(deliverSealed(await seal(recipient, m, []), { kind: "public", client: client() }))).toBe(
      "deliver.refused.fund_closed",
    );
    expect(await refusedWith(deliverSealed(await seal(recipient, changed, []), { kind: "public", client: client() }))).toBe(
      "deliver.refused.fund_changed",
    );
    expect(await lookupByClaimCode(m.claimCode)).toMatchObject({ kind: "refused", reason: "fund_closed" });
    expect(await lookupByClaimCode(changed.claimCode)).toMatchObject({ kind: "refused", reason: "fund_changed" });
    const shown = await checkStatus(m.claimCode.toLowerCase().replaceAll("-", " "));
    expect(shown).toMatchObject({ ok: true, data: { status: null, refused: "fund_closed" } });
  });

  it("is limited per client: a flood from one address is refused after the limit, another address still gets through", async () => {
    const flooder = client();
    for (let i = 0; i < 30; i++) await deliverSealed(new Uint8Array([1, 2, 3]), { kind: "public", client: flooder }).catch(() => null);
    expect(await refusedWith(deliverSealed(await seal(recipient, manifest(), []), { kind: "public", client: flooder }))).toBe(
      "deliver.refused.rate_limited",
    );
    expect((await deliverSealed(await seal(recipient, manifest(), []), { kind: "public", client: client() })).referenceCode).toMatch(
      /^PAD-/,
    );
  });

  it("goes through duplicate detection like an online submission", async () => {
    const shared = phone();
    await deliverSealed(await seal(recipient, manifest({}, { phone: shared }), []), { kind: "public", client: client() });
    const second = await deliverSealed(await seal(recipient, manifest({}, { phone: shared }), []), { kind: "public", client: client() });
    expect((await db().application.findUniqueOrThrow({ where: { referenceCode: second.referenceCode } })).isDuplicateFlagged).toBe(true);
  });
});

describe("following and claiming it", () => {
  it("shows the stage by claim code, and attaches the case to one account, once", async () => {
    const m = manifest();
    const { referenceCode } = await deliverSealed(await seal(recipient, m, []), { kind: "public", client: client() });
    expect(await checkStatus(m.claimCode)).toMatchObject({ ok: true, data: { status: "SUBMITTED", refused: null } });
    const owner = await actorFor((await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: platformId }] })).id);
    const thief = await actorFor((await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: platformId }] })).id);
    const claimed = await claimSealed(owner, m.claimCode);
    expect(claimed.referenceCode).toBe(referenceCode);
    expect(await db().application.findUniqueOrThrow({ where: { referenceCode } })).toMatchObject({ applicantId: owner.userId });
    // Claiming twice is harmless for the owner; anyone else is refused.
    expect((await claimSealed(owner, m.claimCode)).referenceCode).toBe(referenceCode);
    await expect(claimSealed(thief, m.claimCode)).rejects.toMatchObject({ messageKey: "claim.alreadyClaimed" });
    await expect(claimSealed(thief, generateClaimCode())).rejects.toMatchObject({ messageKey: "claim.notFound" });
    // The reference code never claims.
    await expect(claimSealed(thief, referenceCode)).rejects.toMatchObject({ messageKey: "claim.notFound" });
  });

  it("is claimed once even when two accounts try at the same moment", async () => {
    const m = manifest();
    await deliverSealed(await seal(recipient, m, []), { kind: "public", client: client() });
    const a = await Promise.all(
      [0, 1].map(async () =>
        claimSealed(
          await actorFor((await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: platformId }] })).id),
          m.claimCode,
        ).then(
          () => "ok",
          (e) => e.messageKey,
        ),
      ),
    );
    expect(a.sort()).toEqual(["claim.alreadyClaimed", "ok"]);
  });
});

describe("bulk import by a fund manager", () => {
  it("takes only sealed applications for that fund of their own organisation; a reviewer cannot import", async () => {
    const manager = await actorFor((await makeUser(db(), { roles: [{ role: "FUND_MANAGER", organisationId: orgId }] })).id);
    const stranger = await actorFor(
      (await makeUser(db(), { roles: [{ role: "FUND_MANAGER", organisationId: (await makeOrganisation(db())).id }] })).id,
    );
    const reviewer = await actorFor((await makeUser(db(), { roles: [{ role: "REVIEWER", organisationId: orgId }] })).id);
    const sibling = await makeFund(db(), orgId);
    const sealed = await seal(recipient, manifest(), []);
    expect(await refusedWith(deliverSealed(sealed, { kind: "import", actor: stranger, fundId: fund.id }))).toBe(
      "deliver.refused.unknown_fund",
    );
    expect(await refusedWith(deliverSealed(sealed, { kind: "import", actor: manager, fundId: sibling.id }))).toBe(
      "deliver.refused.other_fund",
    );
    await expect(deliverSealed(sealed, { kind: "import", actor: reviewer, fundId: fund.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const r = await deliverSealed(sealed, { kind: "import", actor: manager, fundId: fund.id });
    const app = await db().application.findUniqueOrThrow({ where: { referenceCode: r.referenceCode } });
    const event = await db().auditEvent.findFirstOrThrow({ where: { entityId: app.id, action: "application.sealed_delivered" } });
    expect(event).toMatchObject({ actorId: manager.userId, data: expect.objectContaining({ via: "import" }) });
  });
});
