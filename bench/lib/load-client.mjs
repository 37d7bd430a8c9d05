// A load generator in its own process (docs: load comes from a second process over loopback), light enough
// not to be the bottleneck: node:http with keep-alive and request bodies prepared in advance, so the client
// spends about a tenth of a millisecond per request instead of the several that fetch + FormData cost.
//
// Protocol (IPC from bench/lib/load.ts): the parent sends { port, clients: Req[][] }, where each Req is
// { path, headers, body (base64) }. Every client runs its requests one after another; all clients run at
// once. The child replies with one { client, index, ms, status, location, error } per request and its own
// CPU time, then exits.
import http from "node:http";

process.once("message", async ({ port, clients }) => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const send = (req) =>
    new Promise((resolve) => {
      const body = Buffer.from(req.body ?? "", "base64");
      const t = performance.now();
      const r = http.request({ host: "127.0.0.1", port, method: req.method ?? "POST", path: req.path, headers: { ...req.headers, "content-length": body.length }, agent }, (res) => {
        res.resume();
        res.on("end", () => resolve({ ms: performance.now() - t, status: res.statusCode, location: res.headers.location ?? null }));
      });
      r.on("error", (e) => resolve({ ms: performance.now() - t, status: 0, location: null, error: e.message }));
      r.end(body);
    });
  const cpu0 = process.cpuUsage();
  const results = [];
  await Promise.all(
    clients.map(async (reqs, client) => {
      for (let index = 0; index < reqs.length; index++) results.push({ client, index, ...(await send(reqs[index])) });
    }),
  );
  const cpu = process.cpuUsage(cpu0);
  agent.destroy();
  process.send({ results, cpuMs: (cpu.user + cpu.system) / 1000 }, () => process.exit(0));
});
