// `npm run mirrors:verify` as a person runs it offline: a genuine list, a changed one, another key's, and
// a list checked against nothing but the key it carries.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateSigningKey, signingKeyFrom, signMirrorList } from "@/lib/mirrors/signed-list";

const ROOT = path.resolve(import.meta.dirname, "..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mirrors-verify-"));
const ours = signingKeyFrom(generateSigningKey());
const write = (name: string, text: string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
};
const genuine = write(
  "genuine.txt",
  `Our new addresses:\n${signMirrorList(["https://padtrymka.example", "http://abc.onion"], "2026-05-01", ours)}`,
);
const run = (...args: string[]) => {
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), path.join(ROOT, "scripts", "mirrors-verify.ts"), ...args],
    { cwd: ROOT, encoding: "utf8" },
  );
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
};

describe("npm run mirrors:verify", () => {
  it("says GENUINE and lists the addresses for our list, checked against our public key or fingerprint", () => {
    const byKey = run(genuine, "--key", ours.publicKey);
    expect(byKey).toMatchObject({ code: 0 });
    expect(byKey.out).toContain("GENUINE: signed on 2026-05-01");
    expect(byKey.out).toContain("http://abc.onion");
    expect(run(genuine, `--key=${ours.fingerprint}`).code).toBe(0);
  }, 30_000);

  it("refuses a changed list and one signed by another key, with exit code 1", () => {
    const changed = run(
      write("changed.txt", fs.readFileSync(genuine, "utf8").replace("abc.onion", "evil.onion")),
      "--key",
      ours.fingerprint,
    );
    expect(changed).toMatchObject({ code: 1 });
    expect(changed.out).toContain("REFUSED: the list was changed after it was signed");
    const theirs = signingKeyFrom(generateSigningKey());
    const forged = run(write("forged.txt", signMirrorList(["https://evil.example"], "2026-05-02", theirs)), "--key", ours.fingerprint);
    expect(forged).toMatchObject({ code: 1 });
    expect(forged.out).toContain(`REFUSED: signed by another key (fingerprint ${theirs.fingerprint})`);
  }, 30_000);

  it("does not call a list genuine for carrying a key that signs it: without --key or a fingerprint in the README it stops", () => {
    const r = run(genuine);
    expect(r.code).toBe(2);
    expect(r.out).toContain("NO KEY TO CHECK AGAINST");
    expect(r.out).not.toContain("GENUINE");
  }, 30_000);
});
