// End-to-end tests in a real Chromium against a production build started exactly as users start it:
// `npm start` in the embedded-PostgreSQL demo mode, with a fresh data directory under .data/e2e.
import fs from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const ROOT = import.meta.dirname;
export const E2E_DATA_DIR = path.join(ROOT, ".data", "e2e");

// Debian's Chromium where present (these machines cannot download Playwright's browsers); otherwise
// Playwright's own browser on machines that have it.
const executablePath = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: process.env.CI ? 1 : 0,
  // Whole journeys (sign up, apply, review) on 2 cores shared by two app nodes, PostgreSQL and two browsers.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: path.join(ROOT, ".data", "reports", "e2e.json") }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"], channel: undefined },
      testIgnore: /deployment-lock\.spec\.ts|\.phone\.spec\.ts/,
    },
    // The landing journeys on a phone, and the phone-only specs (`*.phone.spec.ts`, e.g. the transparency page at 375 px).
    { name: "phone", use: { ...devices["Pixel 7"], channel: undefined }, testMatch: /landing\.spec\.ts|\.phone\.spec\.ts/ },
    // The emergency lock changes the whole deployment: it runs alone, after every other test.
    {
      name: "deployment-wide",
      use: { ...devices["Desktop Chrome"], channel: undefined },
      testMatch: /deployment-lock\.spec\.ts/,
      dependencies: ["desktop", "phone"],
    },
  ],
  webServer: {
    // `env -u DATABASE_URL`: always the one-command embedded mode, whatever the caller's environment;
    // `--fresh`: new demo data for every run.
    command: `env -u DATABASE_URL -u SMTP_URL node_modules/.bin/tsx scripts/start.ts --fresh`,
    url: `http://localhost:${PORT}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
    // Two app processes on one port (WEB_CONCURRENCY): every test also proves the nodes share nothing but
    // PostgreSQL (a lock seen by one node reaches the other; sessions, limits and keys work on either).
    // Two public addresses of one deployment (mirrors, ADR 0047): AUTH_URL (localhost, set by scripts/start.ts)
    // and 127.0.0.1, which e2e/mirrors.spec.ts signs in and posts on.
    env: {
      WEB_CONCURRENCY: "2",
      PORT: String(PORT),
      PUBLIC_URLS: `http://127.0.0.1:${PORT}`,
      PADTRYMKA_DATA_DIR: E2E_DATA_DIR,
      PADTRYMKA_PG_PORT: process.env.E2E_PG_PORT ?? "54349",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
    },
    stdout: "pipe",
    stderr: "pipe",
  },
});
