// The e2e run's own database, for the factories (e2e/support/factories.ts): the embedded PostgreSQL that
// `npm start --fresh` started for this run (playwright.config.ts: PADTRYMKA_DATA_DIR .data/e2e), reached
// with the password and secrets that start wrote there, so rows are encrypted with the app's keys.
// Opened once per Playwright worker, on first use.
import fs from "node:fs";
import { register } from "node:module";
import path from "node:path";
import type { PrismaClient } from "@/lib/db/generated/client";
// @ts-expect-error -- plain ESM helper without type declarations
import { effectiveDataRoot } from "../../scripts/lib/embedded-postgres.mjs";

const DATA_DIR = path.join(import.meta.dirname, "..", "..", ".data", "e2e"); // E2E_DATA_DIR of playwright.config.ts

// The app's server modules (per-case keys, the master keyring) import `server-only`, which throws outside
// a React server bundle; here, as in the seed (`--conditions=react-server`) and vitest (an alias), they do
// run on the server. Registered before those modules are first imported (they are imported lazily).
const SERVER_ONLY_STUB = `data:text/javascript,${encodeURIComponent(
  "export async function resolve(s, c, next) { return s === 'server-only' ? { url: 'data:text/javascript,export {}', shortCircuit: true } : next(s, c); }",
)}`;

function databaseUrl(): string {
  const root = effectiveDataRoot(DATA_DIR) as string;
  const password = fs.readFileSync(path.join(root, "postgres.password"), "utf8").trim();
  // postmaster.pid, line 4: the port this cluster listens on (start picks another if the asked one is taken).
  const port = fs
    .readFileSync(path.join(root, "postgres", "postmaster.pid"), "utf8")
    .split("\n")[3]!
    .trim();
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/padtrymka`;
}

let opened: Promise<PrismaClient> | undefined;

async function open(): Promise<PrismaClient> {
  const url = databaseUrl();
  const secrets = JSON.parse(fs.readFileSync(path.join(DATA_DIR, "secrets.json"), "utf8")) as Record<string, string>;
  // As scripts/start.ts gives them to the seed: the run's generated secrets, the demo mode.
  Object.assign(process.env, secrets, { DATABASE_URL: url, PADTRYMKA_DEMO: "1" });
  register(SERVER_ONLY_STUB);
  const [{ PrismaClient }, { PrismaPg }] = await Promise.all([import("@/lib/db/generated/client"), import("@prisma/adapter-pg")]);
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 3 }) });
}

/** This worker's client of the e2e database (the app's own, with its keys set up). */
export const e2eDatabase = (): Promise<PrismaClient> => (opened ??= open());
