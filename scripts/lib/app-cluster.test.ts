// The launcher behind WEB_CONCURRENCY, with a stand-in for the app server (a server answering with its pid):
// N processes share one port, a dead one is replaced, SIGTERM stops them all.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const launcher = path.join(import.meta.dirname, "app-cluster.mjs");
let primary: ChildProcess | undefined;

afterEach(() => {
  if (primary && primary.exitCode === null) primary.kill("SIGKILL");
});

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}

function standIn(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cluster-")), "server.mjs");
  // Same arguments as the app server (`-p <port>`); a fresh connection per request so the primary spreads them.
  fs.writeFileSync(file, `import http from "node:http";
const port = Number(process.argv[process.argv.indexOf("-p") + 1]);
http.createServer((req, res) => res.writeHead(200, { connection: "close" }).end(String(process.pid))).listen(port, "127.0.0.1");
process.on("SIGTERM", () => process.exit(0));
`);
  return file;
}

async function pidsAnswering(port: number, requests: number): Promise<Set<string>> {
  const seen = new Set<string>();
  for (let i = 0; i < requests; i++) {
    try {
      // Bounded: a connection handed to a worker at the moment it is killed must not hang the test.
      const r = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1_500) });
      seen.add(await r.text());
    } catch {
      /* starting, or a worker being replaced */
    }
  }
  return seen;
}

async function until<T>(f: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("several app processes on one port (WEB_CONCURRENCY)", () => {
  it("serves from N processes, replaces one that dies, and stops them all on SIGTERM", async () => {
    const port = await freePort();
    primary = spawn(process.execPath, [launcher, "2", standIn(), "-p", String(port)], { stdio: "ignore" });
    const pids = await until(() => pidsAnswering(port, 10), (s) => s.size === 2);
    expect(pids.size).toBe(2);

    const [victim] = [...pids];
    process.kill(Number(victim), "SIGKILL");
    const after = await until(() => pidsAnswering(port, 10), (s) => s.size === 2 && !s.has(victim!));
    expect(after.size).toBe(2);
    expect(after.has(victim!)).toBe(false);

    const exited = new Promise<number | null | "still running">((r) => {
      primary!.once("exit", (code) => r(code));
      setTimeout(() => r("still running"), 15_000).unref();
    });
    primary.kill("SIGTERM");
    expect(await exited).toBe(0);
    for (const pid of after) expect(() => process.kill(Number(pid), 0)).toThrow();
  }, 60_000);
});
