#!/usr/bin/env node
// Padtrymka's copy of the offline Prisma Migrate reference (shared/tools/prisma-wasm.mjs), owned here.
// Offline Prisma Migrate: drives Prisma's own schema engine compiled to WebAssembly
// (@prisma/schema-engine-wasm) through the @prisma/adapter-pg driver adapter.
// No native binary, no network. Writes/reads the same prisma/migrations folder and the
// same _prisma_migrations table as `prisma migrate dev/deploy`.
//
// Usage:
//   node scripts/prisma-wasm.mjs deploy                 # = prisma migrate deploy
//   node scripts/prisma-wasm.mjs dev --name <name>      # = prisma migrate dev --create-only + deploy
//   node scripts/prisma-wasm.mjs dev --name <name> --create-only
//   node scripts/prisma-wasm.mjs reset                  # = prisma migrate reset --skip-seed (drops all data!)
//   node scripts/prisma-wasm.mjs resolve --rolled-back <name> | --applied <name>
//   node scripts/prisma-wasm.mjs status                 # = prisma migrate status (exit 1 if not up to date)
//   node scripts/prisma-wasm.mjs drift                  # DB vs schema.prisma; exit 2 if they differ
//   node scripts/prisma-wasm.mjs check-migrations       # migrations folder vs schema.prisma (shadow DB); exit 2 if differ
//   node scripts/prisma-wasm.mjs diff-sql               # print SQL: migrations folder -> schema.prisma
import fs from "node:fs/promises";
import path from "node:path";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { parse as parsePgUrl } from "pg-connection-string";
import pg from "pg";

const require = createRequire(import.meta.url);
const ROOT = process.cwd();
const SCHEMA_PATH = path.join(ROOT, "prisma", "schema.prisma");
const MIGRATIONS_DIR = path.join(ROOT, "prisma", "migrations");

try {
  process.loadEnvFile?.(path.join(ROOT, ".env"));
} catch {}

// The wasm engine reports a Rust panic through this global before it traps; print it instead of crashing
// with "Cannot read properties of undefined".
globalThis.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (m) => console.error(`schema engine panic: ${m}`) };

async function loadSchemaEngine() {
  const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  const bg = await import(path.join(pkgDir, "schema_engine_bg.js"));
  const bytes = await fs.readFile(path.join(pkgDir, "schema_engine_bg.wasm"));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return bg.SchemaEngine;
}

// Discrete pg config (NOT {connectionString}): adapter-pg's connectToShadowDb() spreads
// {...config, database: tmpName}, and a connectionString would silently override `database`,
// pointing the "shadow" database at the main one.
function pgConfig(url) {
  const c = parsePgUrl(url);
  return {
    host: c.host ?? "localhost",
    port: c.port ? Number(c.port) : 5432,
    user: c.user,
    password: c.password,
    database: c.database,
    ssl: c.ssl || undefined,
  };
}

// Workaround for prisma/orm#27403-style failures: the schema engine's
// catalog queries return Postgres-internal column types that @prisma/adapter-pg cannot map
// ("Column type 'char' could not be deserialized from the database"). Report them as `text`;
// pg already parses their text representation as a JS string. Only used by this migration tool.
const INTERNAL_TEXT_OIDS = new Set([18 /* "char" */, 19 /* name */]);
class SchemaEngineClient extends pg.Client {
  query(config, values, callback) {
    if (typeof values === "function") {
      callback = values;
      values = undefined;
    }
    const fix = (res) => {
      for (const r of Array.isArray(res) ? res : [res])
        for (const f of r?.fields ?? []) if (INTERNAL_TEXT_OIDS.has(f.dataTypeID)) f.dataTypeID = 25;
      return res;
    };
    if (typeof callback === "function") return super.query(config, values, (err, res) => callback(err, err ? res : fix(res)));
    const ret = super.query(config, values);
    return ret && typeof ret.then === "function" ? ret.then(fix) : ret;
  }
}

// @prisma/adapter-pg 7.10 runs a migration script by splitting it on every ";", which breaks function
// bodies and string literals that contain one (our audit trigger). Send the whole script as one
// simple-protocol query instead, as the native engine does: PostgreSQL runs it as one implicit transaction.
//
// Second workaround, for CHECK constraints (we keep money invariants in them): the describer reads
// pg_constraint.contype ("char") as a Rust char, so that one column must come back as Character, not the
// Text the first workaround reports. ColumnTypeEnum.Character is 6 in @prisma/driver-adapter-utils.
const CHAR_COLUMNS = new Set(["constraint_type"]);
const COLUMN_TYPE_CHARACTER = 6;
function wholeScripts(adapter) {
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (q) => {
    const r = await queryRaw(q);
    r.columnNames?.forEach((n, i) => {
      if (CHAR_COLUMNS.has(n)) r.columnTypes[i] = COLUMN_TYPE_CHARACTER;
    });
    return r;
  };
  adapter.executeScript = async function executeWholeScript(script) {
    try {
      await this.client.query(script);
    } catch (error) {
      this.onError(error);
    }
  };
  return adapter;
}

function adapterFactory(url) {
  const cfg = { ...pgConfig(url), Client: SchemaEngineClient };
  const base = new PrismaPg(cfg);
  const connect = base.connect.bind(base);
  base.connect = async () => wholeScripts(await connect());
  const shadowUrl = process.env.SHADOW_DATABASE_URL;
  if (shadowUrl) {
    // Fixed shadow database (for DB users without CREATEDB). The wasm engine does NOT reset an
    // external shadow DB, so wipe its public schema before every use.
    const shadow = new PrismaPg({ ...pgConfig(shadowUrl), Client: SchemaEngineClient });
    base.connectToShadowDb = async () => {
      const c = new pg.Client(pgConfig(shadowUrl));
      await c.connect();
      try {
        await c.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
      } finally {
        await c.end();
      }
      return wholeScripts(await shadow.connect());
    };
  } else {
    // Throw-away shadow database, like the native engine without shadowDatabaseUrl (needs CREATEDB).
    // (adapter-pg 7.10.1's own connectToShadowDb() drops the DB before closing its pool -> fails.)
    const admin = async (sql) => {
      const c = new pg.Client(pgConfig(url));
      await c.connect();
      try {
        await c.query(sql);
      } finally {
        await c.end();
      }
    };
    base.connectToShadowDb = async () => {
      const name = `prisma_migrate_shadow_db_${crypto.randomUUID()}`;
      await admin(`CREATE DATABASE "${name}"`);
      const adapter = wholeScripts(await new PrismaPg({ ...cfg, database: name }).connect());
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await admin(`DROP DATABASE IF EXISTS "${name}"`);
      };
      return adapter;
    };
  }
  return bindMigrationAwareSqlAdapterFactory(base);
}

async function migrationsList() {
  const lockfile = {
    path: "migration_lock.toml",
    content: await fs.readFile(path.join(MIGRATIONS_DIR, "migration_lock.toml"), "utf8").catch(() => null),
  };
  const entries = await fs.readdir(MIGRATIONS_DIR, { withFileTypes: true }).catch(() => []);
  const dirs = [];
  for (const d of entries.filter((e) => e.isDirectory())) {
    const content = await fs.readFile(path.join(MIGRATIONS_DIR, d.name, "migration.sql"), "utf8").then(
      (value) => ({ tag: "ok", value }),
      (e) => ({ tag: "error", value: e.message }),
    );
    dirs.push({ path: d.name, migrationFile: { path: "migration.sql", content } });
  }
  dirs.sort((a, b) => a.path.localeCompare(b.path));
  return { baseDir: MIGRATIONS_DIR, lockfile, migrationDirectories: dirs, shadowDbInitScript: "" };
}

async function schemaFiles() {
  return [{ path: SCHEMA_PATH, content: await fs.readFile(SCHEMA_PATH, "utf8") }];
}

function timestamp() {
  const d = new Date(),
    p = (n) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

const filters = { externalTables: [], externalEnums: [] };

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: "string" },
      "create-only": { type: "boolean" },
      applied: { type: "string" },
      "rolled-back": { type: "string" },
    },
  });
  const cmd = positionals[0];
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");

  const SchemaEngine = await loadSchemaEngine();
  const factory = adapterFactory(url);
  const files = await schemaFiles();
  const engine = await SchemaEngine.new(
    { datamodels: files.map((f) => [f.path, f.content]) },
    (log) => process.env.DEBUG && console.error(log),
    factory,
  );

  try {
    switch (cmd) {
      case "deploy": {
        const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList: await migrationsList(), filters });
        console.log(appliedMigrationNames.length ? `Applied: ${appliedMigrationNames.join(", ")}` : "No pending migrations to apply.");
        return 0;
      }
      case "status": {
        const out = await engine.diagnoseMigrationHistory({
          migrationsList: await migrationsList(),
          optInToShadowDatabase: false,
          filters,
        });
        console.log(JSON.stringify(out, null, 2));
        return out.history || out.failedMigrationNames.length || out.editedMigrationNames.length ? 1 : 0;
      }
      case "dev": {
        if (!values.name) throw new Error("--name is required");
        const list = await migrationsList();
        // Same sequence as `prisma migrate dev`: devDiagnostic (replays the migrations on the shadow DB
        // through the adapter factory and caches the result), applyMigrations, createMigration (uses cache).
        const diag = await engine.devDiagnostic({ migrationsList: list, filters });
        if (diag.action.tag === "reset") {
          console.error(`Database needs a reset: ${diag.action.reason}\nRun 'npm run db:reset' (drops all data) and retry.`);
          return 1;
        }
        const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList: list, filters });
        if (appliedMigrationNames.length) console.log(`Applied pending: ${appliedMigrationNames.join(", ")}`);
        const out = await engine.createMigration({
          draft: false,
          migrationName: values.name,
          migrationsList: list,
          schema: { files },
          filters,
        });
        if (!out.migrationScript) {
          console.log("Already in sync, no schema change or pending migration was found.");
          return 0;
        }
        const dirName = `${timestamp()}_${values.name}`;
        await fs.mkdir(path.join(MIGRATIONS_DIR, dirName), { recursive: true });
        await fs.writeFile(path.join(MIGRATIONS_DIR, dirName, `migration.${out.extension}`), out.migrationScript, "utf8");
        if (list.lockfile.content === null) {
          await fs.writeFile(
            path.join(MIGRATIONS_DIR, "migration_lock.toml"),
            `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${out.connectorType}"\n`,
            "utf8",
          );
        }
        console.log(`Created prisma/migrations/${dirName}/migration.${out.extension}`);
        if (!values["create-only"]) {
          const r = await engine.applyMigrations({ migrationsList: await migrationsList(), filters });
          console.log(`Applied: ${r.appliedMigrationNames.join(", ")}`);
        }
        return 0;
      }
      case "reset": {
        // = prisma migrate reset --skip-seed (DESTROYS ALL DATA in DATABASE_URL)
        await engine.reset({ filter: filters });
        const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList: await migrationsList(), filters });
        console.log(`Database reset. Applied: ${appliedMigrationNames.join(", ") || "(none)"}`);
        return 0;
      }
      case "resolve": {
        // = prisma migrate resolve --applied X | --rolled-back X
        if (values.applied) await engine.markMigrationApplied({ migrationName: values.applied, migrationsList: await migrationsList() });
        else if (values["rolled-back"]) await engine.markMigrationRolledBack({ migrationName: values["rolled-back"] });
        else throw new Error("resolve needs --applied <name> or --rolled-back <name>");
        console.log("Resolved.");
        return 0;
      }
      case "drift": {
        const r = await engine.diff({
          from: { tag: "schemaDatasource", files, configDir: ROOT },
          to: { tag: "schemaDatamodel", files },
          script: true,
          exitCode: true,
          filters,
        });
        if (r.exitCode === 2) {
          console.error("DRIFT: database differs from prisma/schema.prisma. SQL to reconcile:\n" + r.stdout);
        } else console.log("No drift: database matches prisma/schema.prisma.");
        return r.exitCode;
      }
      case "check-migrations":
      case "diff-sql": {
        const r = await engine.diff({
          from: { tag: "migrations", ...(await migrationsList()) },
          to: { tag: "schemaDatamodel", files },
          script: true,
          exitCode: true,
          filters,
        });
        if (cmd === "diff-sql") {
          process.stdout.write(r.stdout ?? "");
          return 0;
        }
        if (r.exitCode === 2) console.error("prisma/migrations does not produce prisma/schema.prisma. Missing SQL:\n" + r.stdout);
        else console.log("Migrations folder is in sync with prisma/schema.prisma.");
        return r.exitCode;
      }
      default:
        console.error("usage: prisma-wasm.mjs deploy|dev --name X [--create-only]|status|drift|check-migrations|diff-sql");
        return 64;
    }
  } finally {
    engine.free?.();
  }
}

main().then(
  (code) => process.exit(code ?? 0),
  (e) => {
    console.error(e?.message ?? e);
    if (e?.cause) console.error(e.cause);
    process.exit(1);
  },
);
