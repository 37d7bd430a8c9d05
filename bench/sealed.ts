// `npm run bench:sealed` (issue 17): the figures of sealed applications, each beside its baseline, in one run.
//   1. Size of a sealed application without files and with two phone photos (about 2.5 MB JPEGs), against
//      what is inside (the plaintext) and against the same put in JSON with base64 files.
//   2. Delivery throughput at 10 concurrent carriers (the real use case on a throwaway PostgreSQL; each
//      carrier its own client address, and each re-delivers files others delivered): sealed applications
//      per second, errors, duplicate cases. Baseline: the same number of online submissions (start +
//      submit) by 10 concurrent applicants.
//   3. The offline page's first download (HTML and every asset the service worker keeps, gzipped), against
//      the online /en/apply page's (HTML + CSS + scripts), on the production build (`npm run build` first).
// Prints `metric value unit`; never fails.
import crypto from "node:crypto";
import { gzipSync } from "node:zlib";
import sharp from "sharp";
import { generateX25519Identity, identityToRecipient } from "age-encryption";
import { generateClaimCode, pack, seal, toText, type Manifest, type SealedFile } from "@/lib/sealed/format";
import { startApp } from "./lib/app";
import { withInProcessDatabase } from "./lib/in-process";

const CARRIERS = 10;
const PER_CARRIER = Number(process.env.BENCH_PER_CARRIER ?? 25);
const print = (metric: string, value: number | string, unit: string) =>
  console.log(`${metric} ${typeof value === "number" ? Math.round(value * 100) / 100 : value} ${unit}`);

async function phonePhoto(seed: number): Promise<SealedFile> {
  // Noise compresses like a detailed photo: 2400x1800 at quality 80 is about what a phone sends.
  const raw = crypto.createHash("sha512").update(String(seed)).digest();
  const pixels = Buffer.alloc(2400 * 1800 * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = raw[i % raw.length]! ^ ((i * 2654435761) >>> 24);
  const bytes = await sharp(pixels, { raw: { width: 2400, height: 1800, channels: 3 } })
    .jpeg({ quality: 80 })
    .toBuffer();
  return { name: `photo-${seed}.jpg`, type: "image/jpeg", bytes: new Uint8Array(bytes) };
}

const manifest = (fundId: string, fundVersion: string): Omit<Manifest, "files"> => ({
  v: 1,
  id: crypto.randomUUID(),
  claimCode: generateClaimCode(),
  fundId,
  fundVersion,
  locale: "be",
  sealedAt: new Date().toISOString(),
  answers: {
    category: "DISMISSED_WORKER",
    purpose: "LIVING_COSTS",
    region: "MOGILEV",
    amount: "900",
    statement: "Dismissed from the tractor plant after the strike in August; no income since, two children.",
    phone: `+375 29 ${crypto.randomInt(1_000_000, 9_999_999)}`,
  },
});

async function sizes() {
  const recipient = await identityToRecipient(await generateX25519Identity());
  const m = manifest("fund-x", "v");
  const none = await seal(recipient, m, []);
  const photos = [await phonePhoto(1), await phonePhoto(2)];
  const two = await seal(recipient, m, photos);
  const asJson = (files: SealedFile[]) =>
    JSON.stringify({ ...m, files: files.map((f) => ({ name: f.name, type: f.type, data: Buffer.from(f.bytes).toString("base64") })) })
      .length;
  print("sealed_no_files_bytes", none.length, "B");
  print("sealed_no_files_text_chars", toText(none).length, "chars");
  print("baseline_no_files_plaintext_bytes", pack(m, []).length, "B");
  print(
    "photos_total_bytes",
    photos.reduce((n, f) => n + f.bytes.length, 0),
    "B",
  );
  print("sealed_two_photos_bytes", two.length, "B");
  print("baseline_two_photos_plaintext_bytes", pack(m, photos).length, "B");
  print("baseline_two_photos_json_base64_bytes", asJson(photos), "B");
}

async function throughput() {
  await withInProcessDatabase(CARRIERS * 2, async () => {
    const identity = await generateX25519Identity();
    process.env.INTAKE_KEYS = identity;
    const recipient = await identityToRecipient(identity);
    const { db } = await import("@/lib/db/client");
    const { deliverSealed } = await import("@/lib/sealed/deliver");
    const { fundFormVersion } = await import("@/lib/sealed/intake");
    const { LIMITS } = await import("@/lib/rate-limit/rate-limit");
    const { makeFund, makeOrganisation, makeUser, platformOrganisation } = await import("@/lib/testing/factories");
    const { actorFor } = await import("@/lib/testing/actors");
    const { startApplication } = await import("@/lib/applications/start-application");
    const { saveApplication } = await import("@/lib/applications/save-application");
    const org = await makeOrganisation(db());
    const fund = await makeFund(db(), org.id, { phoneRequirement: "REQUIRED" });
    // The per-fund hourly limit would stop a long run; the figure is the path's own speed.
    (LIMITS.deliveryFund as { max: number }).max = 1_000_000;
    const total = CARRIERS * PER_CARRIER;
    const sealedFiles = await Promise.all(
      Array.from({ length: total }, () => seal(recipient, manifest(fund.id, fundFormVersion(fund)), [])),
    );
    // Warm-up (not timed): one delivery.
    await deliverSealed(await seal(recipient, manifest(fund.id, fundFormVersion(fund)), []), { kind: "public", client: "warm" });

    let errors = 0;
    let again = 0;
    const t = performance.now();
    await Promise.all(
      Array.from({ length: CARRIERS }, async (_, c) => {
        for (let i = 0; i < PER_CARRIER; i++) {
          try {
            await deliverSealed(sealedFiles[c * PER_CARRIER + i]!, { kind: "public", client: `carrier-${c}` });
          } catch {
            errors++;
          }
        }
        // Each carrier also brings two files another carrier delivered (the same file reaching us twice).
        for (const j of [((c + 1) % CARRIERS) * PER_CARRIER, ((c + 2) % CARRIERS) * PER_CARRIER + 1]) {
          const r = await deliverSealed(sealedFiles[j]!, { kind: "public", client: `carrier-${c}` }).catch(() => null);
          if (r?.again) again++;
          else errors++;
        }
      }),
    );
    const seconds = (performance.now() - t) / 1000;
    const cases = await db().application.count({ where: { fundId: fund.id, sealedId: { not: null } } });
    print("delivery_carriers", CARRIERS, "concurrent");
    print("delivery_throughput", (total + CARRIERS * 2) / seconds, "sealed/s");
    print("delivery_errors", errors, "count");
    print("delivery_redeliveries_answered_again", again, `of ${CARRIERS * 2}`);
    print("delivery_duplicate_cases", cases - (total + 1), "count");

    // Baseline: the same number of online submissions by 10 applicants at once.
    const platform = await platformOrganisation(db());
    const applicants = await Promise.all(
      Array.from({ length: CARRIERS }, async () =>
        actorFor((await makeUser(db(), { roles: [{ role: "APPLICANT", organisationId: platform.id }] })).id),
      ),
    );
    (LIMITS.submissionAccount as { max: number }).max = 1_000_000;
    const t2 = performance.now();
    await Promise.all(
      applicants.map(async (a) => {
        for (let i = 0; i < PER_CARRIER; i++) {
          const { applicationId } = await startApplication(a, { fundId: fund.id });
          await saveApplication(a, applicationId, {
            intent: "submit",
            submissionKey: crypto.randomUUID(),
            ...manifest(fund.id, "").answers,
          });
        }
      }),
    );
    print("baseline_online_submissions_throughput", total / ((performance.now() - t2) / 1000), "submissions/s");
  });
}

async function firstDownload() {
  const app = await startApp("sealed", 3520, 54379);
  try {
    const gz = (b: Buffer | string) => gzipSync(b, { level: 9 }).length;
    const weigh = async (path: string, assetsOf: (html: string) => string[]) => {
      const html = await (await fetch(app.baseUrl + path)).text();
      let total = gz(html);
      const assets = assetsOf(html);
      for (const a of assets) total += gz(Buffer.from(await (await fetch(app.baseUrl + a)).arrayBuffer()));
      return { total, count: assets.length };
    };
    // Exactly what public/sw.js keeps: every static asset the page names (tags and inline payload).
    const swAssets = (html: string) => {
      const legacy = new Set([...html.matchAll(/<script src="([^"]+)" noModule/g)].map((m) => m[1]));
      const named = [...html.matchAll(/(?:\/_next\/)?static\/(?:chunks|css|media)\/[A-Za-z0-9_.-]+/g)].map(
        (m) => `/_next/${m[0].replace(/^\/_next\//, "")}`,
      );
      return [...new Set(named)].filter(
        (a) =>
          /^\/_next\/static\/(?:chunks|css|media)\/[A-Za-z0-9_-][A-Za-z0-9_.-]*\.(?:js|css|woff2)$/.test(a) &&
          !a.includes("..") &&
          !legacy.has(a),
      );
    };
    const tagAssets = (html: string) => [
      ...new Set([...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="(\/_next\/static\/[^"]+)"(?![^>]*noModule)/g)].map((m) => m[1]!)),
    ];
    const offline = await weigh("/en/apply/offline", swAssets);
    const sw = gz(Buffer.from(await (await fetch(`${app.baseUrl}/sw.js`)).arrayBuffer()));
    print(
      "offline_page_first_download_gzip",
      (offline.total + sw) / 1024,
      `KiB (${offline.count} assets + the service worker; target under 150)`,
    );
    const online = await weigh("/en/apply", tagAssets);
    print("baseline_online_apply_page_gzip", online.total / 1024, `KiB (${online.count} assets)`);
  } finally {
    await app.stop();
  }
}

async function main() {
  await sizes();
  await throughput();
  await firstDownload();
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
