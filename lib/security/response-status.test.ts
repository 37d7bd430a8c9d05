import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setResponseStatus, withResponseStatus } from "@/lib/security/response-status.mjs";

// A server shaped like the app server: the handler renders asynchronously (as Next.js does, across many
// turns of the event loop) and may ask for a status on the way.
const tick = () => new Promise((r) => setTimeout(r, Math.random() * 5));
let base = "";
const server = http.createServer((req, res) => {
  void withResponseStatus(req, res, async () => {
    await tick();
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname === "/redirect") {
      setResponseStatus(403);
      res.writeHead(307, { location: "/elsewhere" }).end();
      return;
    }
    if (url.searchParams.has("status")) setResponseStatus(Number(url.searchParams.get("status")));
    await tick();
    res.setHeader("content-type", "text/html");
    res.write("<h1>");
    await tick();
    res.end("No access</h1>");
  });
});

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("the status a page asks for (setResponseStatus through the app server)", () => {
  it("replaces the 200 of the response being rendered, with its body intact", async () => {
    const r = await fetch(`${base}/page?status=403`);
    expect(r.status).toBe(403);
    expect(await r.text()).toBe("<h1>No access</h1>");
    expect((await fetch(`${base}/page`)).status).toBe(200);
  });

  it("belongs to one request: concurrent requests never take each other's status", async () => {
    const asked = Array.from({ length: 60 }, (_, i) => [403, 404, 200][i % 3]!);
    const got = await Promise.all(asked.map((s) => fetch(`${base}/page?status=${s}`).then((r) => r.status)));
    expect(got).toEqual(asked);
  });

  it("never turns a redirect (or an error) into something else", async () => {
    const r = await fetch(`${base}/redirect`, { redirect: "manual" });
    expect(r.status).toBe(307);
  });

  it("leaves Next.js's data requests alone: a client-side navigation, a server action called by JavaScript", async () => {
    expect((await fetch(`${base}/page?status=403`, { headers: { rsc: "1" } })).status).toBe(200);
    expect((await fetch(`${base}/page?status=403`, { method: "POST", headers: { "next-action": "0123abcd" } })).status).toBe(200);
  });

  it("does nothing outside a request the app server handles (next dev)", () => {
    expect(() => setResponseStatus(403)).not.toThrow();
  });
});
