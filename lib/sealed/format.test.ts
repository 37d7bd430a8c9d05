import { armor, Encrypter, generateX25519Identity, identityToRecipient } from "age-encryption";
import { beforeAll, describe, expect, it } from "vitest";
import {
  CLAIM_CODE,
  generateClaimCode,
  normaliseClaimCode,
  open,
  pack,
  seal,
  SEALED_MAGIC,
  SEALED_MAX_BYTES,
  SealedError,
  toText,
  type Manifest,
} from "@/lib/sealed/format";

let identity: string;
let recipient: string;
beforeAll(async () => {
  identity = await generateX25519Identity();
  recipient = await identityToRecipient(identity);
});

const manifest = (over: Partial<Manifest> = {}): Omit<Manifest, "files"> => ({
  v: 1,
  id: "8d1c1f0e-3a8f-4d8e-9d57-3f5a2b1c0d9e",
  claimCode: "CLM-ABCD-EFGH-JK1M",
  fundId: "fund-1",
  fundVersion: "v-abc",
  locale: "be",
  sealedAt: "2026-12-02T01:00:00.000Z",
  answers: {
    category: "DISMISSED_WORKER",
    purpose: "LIVING_COSTS",
    amount: "900",
    statement: "I was dismissed after the strike and have no income.",
  },
  ...over,
});
const photo = { name: "order.png", type: "image/png", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 0x0a, 4]) };

async function reasonOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof SealedError) return e.reason;
    throw e;
  }
  return "opened";
}

describe("sealed application format", () => {
  it("round-trips the answers and the files' exact bytes, as a file and as pasted text", async () => {
    const sealed = await seal(recipient, manifest(), [photo, { ...photo, name: "second.png" }]);
    const opened = await open([identity], sealed);
    expect(opened.manifest.answers.statement).toMatch(/strike/);
    expect(opened.manifest.files.map((f) => f.name)).toEqual(["order.png", "second.png"]);
    expect(Array.from(opened.files[1]!.bytes)).toEqual(Array.from(photo.bytes));
    const text = toText(sealed);
    expect(text.startsWith("-----BEGIN AGE ENCRYPTED FILE-----")).toBe(true);
    // A messenger may turn line ends into CRLF and add spaces around it.
    const fromText = await open([identity], `  \r\n${text.replace(/\n/g, "\r\n")}  `);
    expect(fromText.digest).toBe(opened.digest);
    // The armored text uploaded as a file is recognised too.
    expect((await open([identity], new TextEncoder().encode(text))).digest).toBe(opened.digest);
  });

  it("hides everything from whoever carries it: no answer or file name appears in the sealed bytes", async () => {
    const sealed = await seal(recipient, manifest(), [photo]);
    const asText = new TextDecoder("latin1").decode(sealed);
    for (const secret of ["strike", "order.png", "CLM-ABCD", "fund-1"]) expect(asText).not.toContain(secret);
  });

  it("refuses one sealed to another deployment's key as wrongly addressed", async () => {
    const other = await identityToRecipient(await generateX25519Identity());
    expect(await reasonOf(open([identity], await seal(other, manifest(), [])))).toBe("wrong_key");
  });

  it("refuses a changed, truncated, empty, oversized or foreign file as what it is", async () => {
    const sealed = await seal(recipient, manifest(), [photo]);
    const flipped = sealed.slice();
    flipped[flipped.length - 5]! ^= 1;
    expect(await reasonOf(open([identity], flipped))).toBe("corrupt");
    expect(await reasonOf(open([identity], sealed.slice(0, sealed.length - 20)))).toBe("corrupt");
    expect(await reasonOf(open([identity], new Uint8Array()))).toBe("empty");
    expect(await reasonOf(open([identity], "   "))).toBe("empty");
    expect(await reasonOf(open([identity], new Uint8Array(SEALED_MAX_BYTES + 1)))).toBe("too_large");
    expect(await reasonOf(open([identity], new TextEncoder().encode("%PDF-1.7 not an age file")))).toBe("corrupt");
    expect(await reasonOf(open([identity], "-----BEGIN AGE ENCRYPTED FILE-----\nnot base64!\n-----END AGE ENCRYPTED FILE-----"))).toBe(
      "corrupt",
    );
  });

  it("refuses a well-encrypted file whose inside is not a sealed application (anyone has the public key)", async () => {
    const enc = async (plain: Uint8Array | string) => {
      const e = new Encrypter();
      e.addRecipient(recipient);
      return e.encrypt(plain);
    };
    expect(await reasonOf(open([identity], await enc("hello")))).toBe("corrupt");
    expect(await reasonOf(open([identity], await enc(`${SEALED_MAGIC}{"v":2}\n`)))).toBe("corrupt");
    // A manifest that claims more bytes than follow, or fewer.
    const full = pack(manifest(), [photo]);
    expect(await reasonOf(open([identity], await enc(full.slice(0, full.length - 1))))).toBe("corrupt");
    const extra = new Uint8Array(full.length + 1);
    extra.set(full);
    expect(await reasonOf(open([identity], await enc(extra)))).toBe("corrupt");
    // Six files: more than an online application takes.
    expect(await reasonOf(open([identity], await enc(pack(manifest(), Array(6).fill(photo)))))).toBe("corrupt");
    // The armored form of a valid file still opens (sanity for the two above).
    expect(await reasonOf(open([identity], armor.encode(await enc(full))))).toBe("opened");
  });
});

describe("the cheap check before decryption", () => {
  it("refuses a header with more than one recipient before any key exchange (thousands would burn minutes of CPU)", async () => {
    const e = new Encrypter();
    e.addRecipient(recipient);
    for (let i = 0; i < 50; i++) e.addRecipient(await identityToRecipient(await generateX25519Identity()));
    const many = await e.encrypt(pack(manifest(), []));
    expect(await reasonOf(open([identity], many))).toBe("corrupt");
    // A single recipient of our key still opens (the check lets the page's files through).
    expect(await reasonOf(open([identity], await seal(recipient, manifest(), [])))).toBe("opened");
  });
});

describe("claim codes", () => {
  it("are 60 random bits in a form people can read aloud, and retyped sloppily they still match", () => {
    const code = generateClaimCode();
    expect(code).toMatch(CLAIM_CODE);
    expect(generateClaimCode()).not.toBe(code);
    expect(normaliseClaimCode(code.toLowerCase().replaceAll("-", " "))).toBe(code);
    expect(normaliseClaimCode("clm abcd efgh jklm".replace("l", "1"))).toBe("CLM-ABCD-EFGH-JK1M");
    expect(normaliseClaimCode("CLM-ABCD-EFGH-JKLM")).toBe("CLM-ABCD-EFGH-JK1M");
    expect(normaliseClaimCode("PAD-7KQ4-M9XD")).not.toMatch(CLAIM_CODE);
  });
});
