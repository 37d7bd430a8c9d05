// The only module that reads process.env (house style). Validated with zod so that a wrong setting stops
// the start with one line naming the variable, instead of failing later on a user's request.
import fs from "node:fs";
import { z } from "zod";
import { parseTrustedProxies, TrustedProxiesError } from "@/lib/security/client-address.mjs";
import { parsePublicUrls, publicOriginsOf, PublicUrlsError, type PublicOrigins } from "@/lib/security/public-urls.mjs";

const keyring = z.string().regex(/^[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/=_-]{43,44}(,[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/=_-]{43,44})*$/, {
  message: 'must be "<keyId>:<32 random bytes in base64>" (comma-separated, newest first), e.g. from `npm run keys:generate`',
});

const POOL_SIZE = "must be a whole number of connections (1-100)";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, { message: "must be a postgresql:// connection URL" }),
  AUTH_SECRET: z.string().min(32, { message: "must be at least 32 characters (e.g. `openssl rand -base64 32`)" }),
  AUTH_URL: z.url({ message: "must be the public URL of the app, e.g. https://padtrymka.example" }).optional(),
  // The deployment's other public addresses (mirrors, an onion service), comma-separated; AUTH_URL stays the
  // primary. Only these and AUTH_URL are ever believed as the host a request was addressed to (ADR 0047).
  PUBLIC_URLS: z
    .string()
    .default("")
    .superRefine((value, ctx) => {
      try {
        parsePublicUrls(value);
      } catch (e) {
        if (!(e instanceof PublicUrlsError)) throw e;
        ctx.addIssue({ code: "custom", message: e.message });
      }
    }),
  // Signs the list of public addresses on /{locale}/mirrors and /mirrors.txt: an Ed25519 private key, its 32
  // bytes in base64url (`npm run keys:generate`). Unset: the addresses are shown, unsigned.
  MIRRORS_SIGNING_KEY: z
    .string()
    .refine((v) => /^[A-Za-z0-9_-]{43}$/.test(v) && Buffer.from(v, "base64url").length === 32, {
      message: "must be an Ed25519 private key: 32 random bytes in base64url (43 characters), e.g. from `npm run keys:generate`",
    })
    .optional(),
  ENCRYPTION_KEYS: keyring,
  BLIND_INDEX_KEY: z.string().min(32, { message: "must be at least 32 characters of random data" }),
  // The intake private key(s) of sealed applications (age X25519, newest first; the older ones still open
  // what was sealed to them). Unset: the offline page and delivery say they are not available here.
  INTAKE_KEYS: z
    .string()
    .regex(/^AGE-SECRET-KEY-1[0-9A-Z]{58}(,AGE-SECRET-KEY-1[0-9A-Z]{58})*$/, {
      message: 'must be age X25519 private keys ("AGE-SECRET-KEY-1…", comma-separated, newest first), e.g. from `npm run keys:generate`',
    })
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, { message: "must be an smtp:// or smtps:// URL" })
    .optional(),
  MAIL_FROM: z.string().default("Padtrymka <no-reply@padtrymka.invalid>"),
  MAIL_DIR: z.string().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // Database connections per app process (README, Scaling: app processes × this < max_connections).
  DATABASE_POOL_SIZE: z.coerce
    .number({ message: POOL_SIZE })
    .int({ message: POOL_SIZE })
    .min(1, { message: POOL_SIZE })
    .max(100, { message: POOL_SIZE })
    .default(10),
  // "off" for a connection pooler that cannot keep named prepared statements (ADR 0021).
  DATABASE_PREPARED_STATEMENTS: z.enum(["on", "off"], { message: 'must be "on" or "off"' }).default("on"),
  SESSION_MAX_AGE_SECONDS: z.coerce
    .number()
    .int()
    .min(300)
    .max(60 * 60 * 24 * 30)
    .default(60 * 60 * 8),
  PADTRYMKA_DEMO: z.enum(["0", "1"]).default("0"),
  // Two-factor sign-in for reviewers, fund managers and admins (docs/decisions/0016-two-factor.md).
  // Unset: required, except in the one-command demo (PADTRYMKA_DEMO=1) where it is optional.
  STAFF_TWO_FACTOR: z.enum(["required", "optional"]).optional(),
  // Reverse proxies whose X-Forwarded-For is believed (addresses or CIDR ranges, comma-separated; none by
  // default): the client is then the right-most hop that is not one of them (ADR 0030).
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .superRefine((value, ctx) => {
      try {
        parseTrustedProxies(value);
      } catch (e) {
        if (!(e instanceof TrustedProxiesError)) throw e;
        ctx.addIssue({ code: "custom", message: e.message });
      }
    }),
  // Set by scripts/lib/app-server.mjs in its own process, never by hand: requests reach the app through it,
  // and it sets the client's address (lib/security/client-address.mjs). Unset under `next dev`.
  PADTRYMKA_APP_SERVER: z.enum(["1"]).optional(),
});

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {}

/** Parses an environment; throws EnvError whose message is one line naming the first wrong variable. */
export function parseEnv(raw: Record<string, string | undefined>): Env {
  const r = EnvSchema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const name = String(issue.path[0] ?? "environment");
  const message = issue.code === "invalid_type" && raw[name] === undefined ? "is required but not set" : issue.message;
  throw new EnvError(`Invalid configuration: ${name} ${message}`);
}

let cached: Env | undefined;

/**
 * ENCRYPTION_KEYS may come from a file instead (ENCRYPTION_KEYS_FILE, e.g. a mounted secret that a volunteer
 * can remove in an emergency); the variable wins when both are set.
 */
export function withKeyFile(raw: Record<string, string | undefined>, read: (path: string) => string): Record<string, string | undefined> {
  let out = raw;
  // INTAKE_KEYS_FILE likewise for the intake private key of sealed applications.
  for (const name of ["ENCRYPTION_KEYS", "INTAKE_KEYS"] as const) {
    const file = raw[`${name}_FILE`];
    if (raw[name] || !file) continue;
    let content: string;
    try {
      content = read(file).trim();
    } catch {
      throw new EnvError(`Invalid configuration: ${name}_FILE cannot be read (${file})`);
    }
    out = { ...out, [name]: content };
  }
  return out;
}

/** The validated environment of this process (parsed once). */
export function env(): Env {
  cached ??= parseEnv(withKeyFile(process.env, (p) => fs.readFileSync(p, "utf8")));
  return cached;
}

let origins: PublicOrigins | undefined;

/**
 * Every public origin of the deployment, AUTH_URL first, then PUBLIC_URLS (ADR 0047). Reads only these two
 * variables, so proxy.ts can use it without the rest of the configuration; a wrong value throws EnvError
 * naming the variable.
 */
export function publicOrigins(): PublicOrigins {
  if (origins) return origins;
  const raw = { AUTH_URL: process.env.AUTH_URL, PUBLIC_URLS: process.env.PUBLIC_URLS };
  const r = EnvSchema.pick({ AUTH_URL: true, PUBLIC_URLS: true }).safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new EnvError(`Invalid configuration: ${String(issue.path[0])} ${issue.message}`);
  }
  origins = publicOriginsOf(r.data.AUTH_URL, r.data.PUBLIC_URLS);
  return origins;
}

/** Log level without validating the rest (the logger must work even when the configuration is wrong). */
export function logLevel(): string {
  return process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info");
}
