// `npm test`: every test layer, in order, against real PostgreSQL and a real Chromium:
//   typecheck -> lint -> format -> unit -> integration -> migrations check -> production build -> end-to-end.
// Every layer runs even after a failure (so one run shows everything), except that e2e needs the build.
// Exits non-zero if anything failed, and ends with a plain "N passed, N failed" line.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const REPORTS = path.join(ROOT, ".data", "reports");
const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };

type Counts = { passed: number; failed: number };
type Step = { name: string; cmd: string; args: string[]; counts?: () => Counts; needs?: string };

const vitestCounts = (file: string) => (): Counts => {
  const r = JSON.parse(fs.readFileSync(path.join(REPORTS, file), "utf8"));
  return { passed: r.numPassedTests, failed: r.numFailedTests };
};
const playwrightCounts = (): Counts => {
  const r = JSON.parse(fs.readFileSync(path.join(REPORTS, "e2e.json"), "utf8"));
  return { passed: (r.stats.expected ?? 0) + (r.stats.flaky ?? 0), failed: r.stats.unexpected ?? 0 };
};
const vitest = (project: string): Step => ({
  name: project,
  cmd: bin("vitest"),
  args: [
    "run",
    "--project",
    project,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${path.join(REPORTS, `${project}.json`)}`,
  ],
  counts: vitestCounts(`${project}.json`),
});

const steps: Step[] = [
  { name: "generate", cmd: process.execPath, args: ["scripts/prisma-generate.mjs"] },
  { name: "typecheck", cmd: bin("tsc"), args: ["--noEmit"] },
  { name: "lint", cmd: bin("eslint"), args: ["--max-warnings=0", "."] },
  { name: "format", cmd: bin("prettier"), args: ["--check", "--log-level=warn", "."] },
  vitest("unit"),
  vitest("integration"),
  vitest("integration-serial"),
  { name: "migrations check", cmd: bin("tsx"), args: ["scripts/db-check.ts"] },
  { name: "build", cmd: bin("next"), args: ["build"] },
  { name: "e2e", cmd: bin("playwright"), args: ["test"], counts: playwrightCounts, needs: "build" },
];

fs.rmSync(REPORTS, { recursive: true, force: true });
fs.mkdirSync(REPORTS, { recursive: true });

const results: { name: string; ok: boolean; seconds: number; counts?: Counts }[] = [];
let passed = 0;
let failed = 0;
for (const step of steps) {
  if (step.needs && !results.find((r) => r.name === step.needs)?.ok) {
    console.log(`\n=== ${step.name}: skipped (${step.needs} failed)`);
    results.push({ name: step.name, ok: false, seconds: 0 });
    failed += 1;
    continue;
  }
  console.log(`\n=== ${step.name}`);
  const started = Date.now();
  const r = spawnSync(step.cmd, step.args, { cwd: ROOT, env, stdio: "inherit" });
  const ok = r.status === 0;
  let counts: Counts | undefined;
  try {
    counts = step.counts?.();
  } catch {
    counts = undefined;
  }
  results.push({ name: step.name, ok, seconds: Math.round((Date.now() - started) / 1000), counts });
  if (counts) {
    passed += counts.passed;
    failed += counts.failed + (!ok && counts.failed === 0 ? 1 : 0);
  } else if (ok) passed += 1;
  else failed += 1;
}

console.log("\n=== summary");
for (const r of results)
  console.log(
    `${r.ok ? "ok  " : "FAIL"} ${r.name.padEnd(17)} ${String(r.seconds).padStart(4)} s${r.counts ? `  (${r.counts.passed} passed, ${r.counts.failed} failed)` : ""}`,
  );
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
