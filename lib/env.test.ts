import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

const good = {
  DATABASE_URL: "postgresql://u:p@localhost:5432/db",
  AUTH_SECRET: "x".repeat(32),
  ENCRYPTION_KEYS: "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
  BLIND_INDEX_KEY: "y".repeat(32),
};

describe("environment validation", () => {
  it("accepts a complete configuration and fills defaults", () => {
    const e = parseEnv(good);
    expect(e.SESSION_MAX_AGE_SECONDS).toBe(28_800);
    expect(e.LOG_LEVEL).toBe("info");
    expect(e.DATABASE_POOL_SIZE).toBe(10);
    expect(e.DATABASE_PREPARED_STATEMENTS).toBe("on");
    expect(parseEnv({ ...good, DATABASE_POOL_SIZE: "4" }).DATABASE_POOL_SIZE).toBe(4);
    expect(e.TRUSTED_PROXIES).toBe("");
    expect(e.PADTRYMKA_APP_SERVER).toBeUndefined();
    expect(parseEnv({ ...good, TRUSTED_PROXIES: "10.0.0.5, 192.168.0.0/24,fd00::/8,::1" }).TRUSTED_PROXIES).toBe(
      "10.0.0.5, 192.168.0.0/24,fd00::/8,::1",
    );
  });

  it.each([
    ["DATABASE_URL", undefined, "Invalid configuration: DATABASE_URL is required but not set"],
    ["DATABASE_URL", "mysql://x", "Invalid configuration: DATABASE_URL must be a postgresql:// connection URL"],
    ["AUTH_SECRET", "short", "Invalid configuration: AUTH_SECRET must be at least 32 characters"],
    ["ENCRYPTION_KEYS", "nonsense", "Invalid configuration: ENCRYPTION_KEYS must be"],
    ["SMTP_URL", "http://mail", "Invalid configuration: SMTP_URL must be an smtp:// or smtps:// URL"],
    ["DATABASE_PREPARED_STATEMENTS", "yes", 'Invalid configuration: DATABASE_PREPARED_STATEMENTS must be "on" or "off"'],
    ["DATABASE_POOL_SIZE", "0", "Invalid configuration: DATABASE_POOL_SIZE must be a whole number of connections (1-100)"],
    ["DATABASE_POOL_SIZE", "ten", "Invalid configuration: DATABASE_POOL_SIZE must be a whole number of connections (1-100)"],
    ["DATABASE_POOL_SIZE", "2.5", "Invalid configuration: DATABASE_POOL_SIZE must be a whole number of connections (1-100)"],
    [
      "TRUSTED_PROXIES",
      "nginx.internal",
      'Invalid configuration: TRUSTED_PROXIES must be a comma-separated list of IP addresses or CIDR ranges (e.g. "10.0.0.5,192.168.0.0/24,fd00::/8"), got "nginx.internal"',
    ],
    [
      "TRUSTED_PROXIES",
      "10.0.0.0/33",
      'Invalid configuration: TRUSTED_PROXIES must be a comma-separated list of IP addresses or CIDR ranges (e.g. "10.0.0.5,192.168.0.0/24,fd00::/8"), got "10.0.0.0/33"',
    ],
    ["TRUSTED_PROXIES", "10.0.0.1, fd00::/129", "Invalid configuration: TRUSTED_PROXIES must be"],
    ["PADTRYMKA_APP_SERVER", "0", "Invalid configuration: PADTRYMKA_APP_SERVER"],
    [
      "PUBLIC_URLS",
      "https://padtrymka.example,mirror.example",
      'Invalid configuration: PUBLIC_URLS must be a comma-separated list of http:// or https:// addresses without a path (e.g. "https://padtrymka.example,http://examplexyz.onion"), got "mirror.example"',
    ],
    ["PUBLIC_URLS", "https://padtrymka.example/apply", "Invalid configuration: PUBLIC_URLS must be a comma-separated list"],
    ["PUBLIC_URLS", "ftp://padtrymka.example", "Invalid configuration: PUBLIC_URLS must be a comma-separated list"],
    ["MIRRORS_SIGNING_KEY", "not a key", "Invalid configuration: MIRRORS_SIGNING_KEY must be an Ed25519 private key"],
    ["MIRRORS_SIGNING_KEY", "A".repeat(44), "Invalid configuration: MIRRORS_SIGNING_KEY must be an Ed25519 private key"],
  ])("names the wrong variable in one line: %s=%s", (name, value, message) => {
    const raw: Record<string, string | undefined> = { ...good, [name]: value };
    expect(() => parseEnv(raw)).toThrow(EnvError);
    try {
      parseEnv(raw);
    } catch (e) {
      expect((e as Error).message.startsWith(message)).toBe(true);
      expect((e as Error).message).not.toContain("\n");
    }
  });
});

describe("mirrors (PUBLIC_URLS, MIRRORS_SIGNING_KEY)", () => {
  it("accepts a list of public addresses and a signing key, and both are optional", () => {
    const e = parseEnv({
      ...good,
      PUBLIC_URLS: "https://mirror.example, http://abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuvwx.onion",
      MIRRORS_SIGNING_KEY: Buffer.alloc(32, 7).toString("base64url"),
    });
    expect(e.PUBLIC_URLS).toContain("mirror.example");
    expect(e.MIRRORS_SIGNING_KEY).toHaveLength(43);
    expect(parseEnv(good).PUBLIC_URLS).toBe("");
    expect(parseEnv(good).MIRRORS_SIGNING_KEY).toBeUndefined();
  });
});

describe("ENCRYPTION_KEYS_FILE", () => {
  it("reads the master keys from a file when the variable is not set, and says so when the file is missing", async () => {
    const { withKeyFile } = await import("@/lib/env");
    const files: Record<string, string> = { "/run/secrets/keys": "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\n" };
    const read = (p: string) => {
      if (!(p in files)) throw new Error("ENOENT");
      return files[p]!;
    };
    expect(withKeyFile({ ENCRYPTION_KEYS_FILE: "/run/secrets/keys" }, read).ENCRYPTION_KEYS).toBe(
      "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
    );
    expect(withKeyFile({ ENCRYPTION_KEYS: "x:y", ENCRYPTION_KEYS_FILE: "/run/secrets/keys" }, read).ENCRYPTION_KEYS).toBe("x:y");
    expect(() => withKeyFile({ ENCRYPTION_KEYS_FILE: "/nope" }, read)).toThrow(/ENCRYPTION_KEYS_FILE cannot be read/);
  });
});
