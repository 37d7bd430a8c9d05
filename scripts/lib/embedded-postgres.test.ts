// Running as root, the embedded database trusts nothing another local user may have planted under a shared
// directory first (issue 22): a symbolic link, a directory writable by others or owned by someone else, a
// copy of the binaries that is not the package's, a link inside the data directory when ownership changes.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
// @ts-expect-error -- plain ESM helper without type declarations
import { chownTree, treeDigest, trustedCopy, untrustedBecause } from "./embedded-postgres.mjs";

const isRoot = process.getuid?.() === 0;
let base: string;
let source: string;

beforeEach(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), "padtrymka-ep-test-"));
  source = path.join(base, "package-native");
  fs.mkdirSync(path.join(source, "bin"), { recursive: true });
  fs.writeFileSync(path.join(source, "bin", "postgres"), "#!/bin/sh\necho the real one\n", { mode: 0o755 });
  fs.writeFileSync(path.join(source, "lib.so.1.2"), "library");
  fs.symlinkSync("lib.so.1.2", path.join(source, "lib.so.1"));
});
afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

/** What an attacker leaves at the shared path: their own "postgres". */
function plantedBinaries(dir: string) {
  fs.mkdirSync(path.join(dir, "bin"), { recursive: true });
  fs.writeFileSync(path.join(dir, "bin", "postgres"), "#!/bin/sh\necho owned\n", { mode: 0o755 });
  fs.writeFileSync(path.join(dir, ".complete"), "");
}

describe("directories the embedded database trusts", () => {
  it("trusts only a real directory of this user's, writable by nobody else", () => {
    const ours = path.join(base, "ours");
    fs.mkdirSync(ours, { mode: 0o755 });
    expect(untrustedBecause(ours)).toBeNull();
    expect(untrustedBecause(path.join(base, "nothing"))).toBe("missing");

    const elsewhere = path.join(base, "attacker");
    plantedBinaries(elsewhere);
    fs.symlinkSync(elsewhere, path.join(base, "link"));
    expect(untrustedBecause(path.join(base, "link"))).toMatch(/symbolic link/);

    const open = path.join(base, "open");
    fs.mkdirSync(open);
    fs.chmodSync(open, 0o777);
    expect(untrustedBecause(open)).toMatch(/writable by other users/);

    const shared = path.join(base, "shared");
    fs.mkdirSync(shared);
    fs.chmodSync(shared, 0o777); // not sticky: anyone may rename what is inside
    fs.mkdirSync(path.join(shared, "inside"), { mode: 0o755 });
    expect(untrustedBecause(path.join(shared, "inside"))).toMatch(/rename/);
  });

  it.runIf(isRoot)("refuses a directory another user owns", () => {
    const theirs = path.join(base, "theirs");
    fs.mkdirSync(theirs, { mode: 0o755 });
    fs.chownSync(theirs, 65534, 65534);
    expect(untrustedBecause(theirs)).toMatch(/owned by uid 65534/);
  });
});

describe("the copy of the binaries PostgreSQL's user runs", () => {
  it("is made privately, matches the package file for file, and is reused only while it still does", () => {
    const dest = path.join(base, "native-copy");
    expect(trustedCopy(source, dest)).toBe(dest);
    expect(treeDigest(dest)).toBe(treeDigest(source));
    expect(fs.lstatSync(dest).mode & 0o777).toBe(0o755);
    expect(fs.readlinkSync(path.join(dest, "lib.so.1"))).toBe("lib.so.1.2");
    expect(fs.readdirSync(base).filter((n) => n.startsWith(".padtrymka-copy-"))).toEqual([]); // no private leftovers

    fs.writeFileSync(path.join(dest, "bin", "postgres"), "#!/bin/sh\necho changed\n");
    trustedCopy(source, dest); // ours but changed: made again
    expect(fs.readFileSync(path.join(dest, "bin", "postgres"), "utf8")).toContain("the real one");
  });

  it("refuses a planted symbolic link, and neither follows nor removes it", () => {
    const attacker = path.join(base, "attacker");
    plantedBinaries(attacker);
    const dest = path.join(base, "native-copy");
    fs.symlinkSync(attacker, dest);
    expect(() => trustedCopy(source, dest)).toThrow(/symbolic link.*remove it/);
    expect(fs.readFileSync(path.join(attacker, "bin", "postgres"), "utf8")).toContain("owned");
    expect(fs.lstatSync(dest).isSymbolicLink()).toBe(true);
  });

  it("refuses a planted directory others can write to, even with a completion marker", () => {
    const dest = path.join(base, "native-copy");
    plantedBinaries(dest);
    fs.chmodSync(dest, 0o777);
    expect(() => trustedCopy(source, dest)).toThrow(/writable by other users/);
    expect(fs.readFileSync(path.join(dest, "bin", "postgres"), "utf8")).toContain("owned");
  });
});

describe.runIf(isRoot)("changing the data directory's owner", () => {
  it("never follows a symbolic link planted inside it", () => {
    const data = path.join(base, "data");
    fs.mkdirSync(path.join(data, "base"), { recursive: true });
    const outside = path.join(base, "precious");
    fs.writeFileSync(outside, "root's file");
    fs.symlinkSync(outside, path.join(data, "base", "link"));
    fs.mkdirSync(path.join(base, "elsewhere"));
    fs.symlinkSync(path.join(base, "elsewhere"), path.join(data, "dirlink"));
    fs.writeFileSync(path.join(base, "elsewhere", "x"), "");

    chownTree(data, 65534, 65534);
    expect(fs.lstatSync(path.join(data, "base")).uid).toBe(65534);
    expect(fs.lstatSync(path.join(data, "base", "link")).uid).toBe(65534); // the link itself
    expect(fs.statSync(outside).uid).toBe(0);
    expect(fs.statSync(path.join(base, "elsewhere")).uid).toBe(0);
    expect(fs.statSync(path.join(base, "elsewhere", "x")).uid).toBe(0);
  });
});
