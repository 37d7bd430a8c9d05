// A production build serves only behind the app server, which removes the marks a client could forge to
// skip the proxy's CSRF check (docs/decisions/0022-form-posts-prepared-by-the-app-server.md, amended). The
// same build the suite runs against, started with a bare `next start` as a hosting platform would (with
// the app server's environment variable set by hand, and NODE_ENV not "production"): it refuses to start
// with one line, and no request, even one carrying both forged marks, gets an answer meanwhile.
import { spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { expect, test } from "@playwright/test";

const ROOT = path.join(import.meta.dirname, "..");

/** A forged form post to a page on `port`: its status, or 0 when nothing answered. */
const forged = (port: number) =>
  new Promise<number>((resolve) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        path: "/en/status",
        method: "POST",
        headers: { "x-padtrymka-prepared": "1", "x-padtrymka-checked": "1", "content-type": "text/plain" },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on("error", () => resolve(0));
    req.setTimeout(5_000, () => req.destroy());
    req.end("x");
  });

test("a bare `next start` of the production build refuses to start and answers nothing", async () => {
  // Port 0: whatever port is free (the line "Local: http://localhost:<port>" says which).
  const child = spawn(process.execPath, [path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "start", "-p", "0"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, NODE_ENV: "development", PADTRYMKA_APP_SERVER: "1", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const answers: number[] = [];
  let probing: Promise<void> | undefined;
  const onOutput = (chunk: Buffer) => {
    out += chunk.toString("utf8");
    const port = Number(/localhost:(\d+)/.exec(out)?.[1]);
    if (port && !probing) {
      probing = (async () => {
        while (child.exitCode === null && child.signalCode === null) answers.push(await forged(port));
      })();
    }
  };
  child.stdout.on("data", onOutput);
  child.stderr.on("data", onOutput);
  const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
  await probing;
  expect(code, out).toBe(1);
  const refusals = out.split("\n").filter((l) => l.startsWith("Refusing to start:"));
  expect(refusals, out).toHaveLength(1);
  expect(refusals[0]).toContain("npm start");
  expect(
    answers.filter((s) => s !== 0),
    out,
  ).toEqual([]);
});
