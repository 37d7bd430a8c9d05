// `npm run mirrors:verify -- FILE [--key KEY]`: checks a copy of a deployment's signed mirror list offline
// (docs/decisions/0047-mirrors.md). FILE is the saved /mirrors.txt or a pasted channel post ("-": standard
// input). KEY is the deployment's public key or its fingerprint, as published on its /{locale}/mirrors page
// and in its README; without --key, the fingerprint written in this clone's README.md
// ("Mirror list key fingerprint: `…`") is used. The key inside the list proves nothing on its own: anyone
// can sign a list with a key of their own.
// Exit code: 0 genuine, 1 refused (changed, another key, not a whole list), 2 nothing to check against.
import fs from "node:fs";
import path from "node:path";
import { normaliseKey, verifyMirrorList } from "../lib/mirrors/signed-list";

const ROOT = path.resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
let file: string | undefined;
let key: string | undefined;
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === "--key") key = args[++i];
  else if (a.startsWith("--key=")) key = a.slice("--key=".length);
  else file ??= a;
}
const usage = "usage: npm run mirrors:verify -- FILE [--key PUBLIC_KEY_OR_FINGERPRINT]";
if (!file) {
  console.error(usage);
  process.exit(2);
}

let text: string;
try {
  text = fs.readFileSync(file === "-" ? 0 : file, "utf8");
} catch {
  console.error(`cannot read ${file}`);
  process.exit(2);
}

let anchor = key;
let from = "--key";
if (anchor === undefined) {
  const readme = fs.existsSync(path.join(ROOT, "README.md")) ? fs.readFileSync(path.join(ROOT, "README.md"), "utf8") : "";
  const m = /^Mirror list key fingerprint: `([0-9A-F]{4}(?: [0-9A-F]{4}){9})`/m.exec(readme);
  anchor = m?.[1];
  from = "README.md";
}
if (anchor !== undefined && !normaliseKey(anchor)) {
  console.error(`--key must be a public key (43 characters of base64url) or a fingerprint (40 hex digits), got "${anchor}"`);
  process.exit(2);
}

// Without anything to compare with, say what the list claims and stop: "validly signed" is not "ours".
const r = verifyMirrorList(text, anchor ?? "");
if (r.ok) {
  console.log(`GENUINE: signed on ${r.date} by the key with fingerprint ${r.fingerprint} (from ${from}).`);
  for (const u of r.urls) console.log(u);
  process.exit(0);
}
if (r.reason === "malformed") {
  console.error("REFUSED: this is not a whole signed mirror list (copy everything from the BEGIN line to the END line).");
  process.exit(1);
}
if (anchor === undefined) {
  console.error(
    `NO KEY TO CHECK AGAINST: the list says it is signed by the key with fingerprint ${r.fingerprint}, which anyone could have made.`,
  );
  console.error("Pass the deployment's public key or fingerprint (its /{locale}/mirrors page, its README): " + usage);
  process.exit(2);
}
if (r.reason === "other_key") {
  console.error(
    `REFUSED: signed by another key (fingerprint ${r.fingerprint}), not by the expected one (from ${from}). Do not use these addresses.`,
  );
  process.exit(1);
}
console.error("REFUSED: the list was changed after it was signed. Do not use these addresses.");
process.exit(1);
