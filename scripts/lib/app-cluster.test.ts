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

const dispatch = path.join(import.meta.dirname, "connection-dispatch.mjs");

/**
 * A stand-in app server, started like the real one (`-p <port>`) and serving through the same
 * `serve()`: answers with its pid. `busyMs`: the first worker spends that long on every request (a
 * process busy with work or a garbage collection); `keepAlive`: keep the connection open.
 */
function standIn({ busyMs = 0, keepAlive = false } = {}): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cluster-")), "server.mjs");
  fs.writeFileSync(
    file,
    `import cluster from "node:cluster";
import http from "node:http";
import { serve } from ${JSON.stringify(dispatch)};
const port = Number(process.argv[process.argv.indexOf("-p") + 1]);
const busy = cluster.worker?.id === 1 ? ${busyMs} : 0;
const server = http.createServer({ headersTimeout: 500, requestTimeout: 1000, connectionsCheckingInterval: 100 }, (req, res) => {
  const until = Date.now() + busy;
  while (Date.now() < until);
  const body = String(process.pid);
  res.writeHead(200, { "content-length": body.length, ...(${keepAlive} ? {} : { connection: "close" }) }).end(body);
});
const stop = serve(server, port, () => {});
process.on("SIGTERM", () => stop(() => process.exit(0)));
`,
  );
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
    const pids = await until(
      () => pidsAnswering(port, 10),
      (s) => s.size === 2,
    );
    expect(pids.size).toBe(2);

    const [victim] = [...pids];
    process.kill(Number(victim), "SIGKILL");
    const after = await until(
      () => pidsAnswering(port, 10),
      (s) => s.size === 2 && !s.has(victim!),
    );
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
  it("hands each connection to the process holding the fewest, even when one of them is busy", async () => {
    // Node's own scheduler gave most of these connections to the idle process (it waits for the busy one
    // to acknowledge each); keep-alive connections then stay where they were put.
    const port = await freePort();
    primary = spawn(process.execPath, [launcher, "2", standIn({ busyMs: 100, keepAlive: true }), "-p", String(port)], { stdio: "ignore" });
    await until(
      () => pidsAnswering(port, 4),
      (s) => s.size === 2,
    );
    const sockets = await Promise.all(Array.from({ length: 20 }, () => keepAliveRequest(port)));
    const perPid = new Map<string, number>();
    for (const { pid } of sockets) perPid.set(pid, (perPid.get(pid) ?? 0) + 1);
    expect([...perPid.values()]).toEqual([10, 10]);
    for (const { socket } of sockets) socket.destroy();
  }, 60_000);

  it("still closes a connection whose request never finishes (the server's own timeouts apply)", async () => {
    const port = await freePort();
    primary = spawn(process.execPath, [launcher, "2", standIn(), "-p", String(port)], { stdio: "ignore" });
    await until(
      () => pidsAnswering(port, 4),
      (s) => s.size === 2,
    );
    const socket = net.connect(port, "127.0.0.1");
    let answer = "";
    socket.on("data", (d) => (answer += String(d)));
    socket.write("GET / HTTP/1.1\r\nHost: localhost\r\n"); // the headers never end
    const closed = await new Promise<boolean>((r) => {
      socket.once("close", () => r(true));
      setTimeout(() => r(false), 5_000).unref();
    });
    expect(closed).toBe(true);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  }, 60_000);
});

/** One keep-alive connection with one request answered on it: which process answered. */
function keepAliveRequest(port: number): Promise<{ pid: string; socket: net.Socket }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"));
    let buf = "";
    socket.on("data", (d) => {
      buf += String(d);
      const m = /\r\n\r\n(\d+)$/.exec(buf);
      if (m) resolve({ pid: m[1]!, socket });
    });
    socket.once("error", reject);
    setTimeout(() => reject(new Error("no answer")), 20_000).unref();
  });
}
