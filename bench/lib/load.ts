// Runs prepared requests from a separate load-generator process (bench/lib/load-client.mjs).
import { fork } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";

export type LoadRequest = { path: string; headers: Record<string, string>; body: Buffer; method?: string };
export type LoadResult = { client: number; index: number; ms: number; status: number; location: string | null; error?: string };

export async function runLoad(port: number, clients: LoadRequest[][]): Promise<{ results: LoadResult[]; clientCpuMs: number }> {
  const child = fork(path.join(import.meta.dirname, "load-client.mjs"), [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const reply = new Promise<{ results: LoadResult[]; cpuMs: number }>((resolve, reject) => {
    child.once("message", (m) => resolve(m as { results: LoadResult[]; cpuMs: number }));
    child.once("exit", (code) => reject(new Error(`load generator exited (${code})`)));
  });
  child.send({
    port,
    clients: clients.map((reqs) =>
      reqs.map((r) => ({ path: r.path, headers: r.headers, method: r.method, body: r.body.toString("base64") })),
    ),
  });
  const { results, cpuMs } = await reply;
  return { results, clientCpuMs: cpuMs };
}

/** A multipart/form-data body as a browser sends it for a form without JavaScript. */
export function multipart(fields: readonly (readonly [string, string])[]): { body: Buffer; contentType: string } {
  const boundary = `----padtrymkabench${crypto.randomBytes(8).toString("hex")}`;
  const parts = fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  return { body: Buffer.from(`${parts.join("")}--${boundary}--\r\n`, "utf8"), contentType: `multipart/form-data; boundary=${boundary}` };
}
