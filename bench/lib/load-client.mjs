// A load generator in its own process (docs: load comes from a second process over loopback), light enough
// not to be the bottleneck, in the spirit of wrk: one keep-alive TCP connection per client, each request
// serialized to bytes before the run starts, and only the status line, the Location header and the end of
// the response read back. It costs a few hundredths of a millisecond of CPU per request; node:http cost
// about 0.7 ms, which on a 2-core machine was taken from the server being measured.
//
// Protocol (IPC from bench/lib/load.ts): the parent sends { port, clients: Req[][] }, where each Req is
// { path, headers, body (base64), method }. Every client runs its requests one after another on its own
// connection; all clients run at once. The child replies with one { client, index, ms, status, location,
// error } per request and its own CPU time, then exits.
import net from "node:net";

/** Request bytes as a browser would send them (HTTP/1.1, keep-alive, Content-Length). */
function serialize(port, req) {
  const body = Buffer.from(req.body ?? "", "base64");
  const headers = { host: `127.0.0.1:${port}`, connection: "keep-alive", ...req.headers, "content-length": String(body.length) };
  const head = `${req.method ?? "POST"} ${req.path} HTTP/1.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join("\r\n")}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, "latin1"), body]);
}

const HEADER_END = Buffer.from("\r\n\r\n");
const CRLF = Buffer.from("\r\n");

/** Bytes a complete chunked body takes at the start of `buf`, or -1 while it is incomplete. */
function chunkedLength(buf) {
  let at = 0;
  for (;;) {
    const eol = buf.indexOf(CRLF, at);
    if (eol < 0) return -1;
    const size = parseInt(buf.subarray(at, eol).toString("latin1"), 16);
    if (size === 0) return buf.length >= eol + 4 ? eol + 4 : -1; // last chunk, no trailers
    at = eol + 2 + size + 2;
    if (buf.length < at) return -1;
  }
}

/**
 * Reads responses off one connection: calls `done` with { status, location } once a whole response has
 * arrived (Content-Length or chunked).
 */
function responseReader(done) {
  let buf = Buffer.alloc(0);
  let head = null;
  return (chunk) => {
    buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
    for (;;) {
      if (!head) {
        const end = buf.indexOf(HEADER_END);
        if (end < 0) return;
        const lines = buf.subarray(0, end).toString("latin1").split("\r\n");
        const fields = new Map(lines.slice(1).map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]));
        head = {
          status: Number(lines[0].split(" ")[1]),
          location: fields.get("location") ?? null,
          length: fields.has("content-length") ? Number(fields.get("content-length")) : null,
          chunked: /chunked/i.test(fields.get("transfer-encoding") ?? ""),
        };
        buf = buf.subarray(end + 4);
      }
      const used = head.length !== null ? (buf.length >= head.length ? head.length : -1) : head.chunked ? chunkedLength(buf) : 0;
      if (used < 0) return;
      buf = buf.subarray(used);
      const { status, location } = head;
      head = null;
      done({ status, location });
    }
  };
}

function runClient(port, wire, client, results) {
  return new Promise((resolve) => {
    let index = 0;
    let started = 0;
    const socket = net.connect({ port, host: "127.0.0.1", noDelay: true });
    const next = () => {
      if (index >= wire.length) {
        socket.end();
        return resolve();
      }
      started = performance.now();
      socket.write(wire[index]);
    };
    socket.on(
      "data",
      responseReader(({ status, location }) => {
        results.push({ client, index, ms: performance.now() - started, status, location });
        index++;
        next();
      }),
    );
    socket.on("connect", next);
    socket.on("error", (e) => {
      for (; index < wire.length; index++)
        results.push({ client, index, ms: performance.now() - started, status: 0, location: null, error: e.message });
      resolve();
    });
  });
}

process.once("message", async ({ port, clients }) => {
  const wires = clients.map((reqs) => reqs.map((r) => serialize(port, r)));
  const cpu0 = process.cpuUsage();
  const results = [];
  await Promise.all(wires.map((wire, client) => runClient(port, wire, client, results)));
  const cpu = process.cpuUsage(cpu0);
  process.send({ results, cpuMs: (cpu.user + cpu.system) / 1000 }, () => process.exit(0));
});
