// One app process: Next.js's own request handler (the same one `next start` runs) behind a plain Node
// HTTP server that prepares the common form post itself (docs/decisions/0022-form-posts-prepared-by-the-
// app-server.md, lib/security/form-post.mjs): a same-origin POST to a page gets its headers here, in
// microseconds, and Next.js skips the proxy for it, which cost about a millisecond of CPU per post.
// Every other request goes through the proxy exactly as under `next start`. Before that, on every request:
// the client's address from the socket (or a declared proxy, TRUSTED_PROXIES; lib/security/client-address.mjs,
// ADR 0030), and the method and CSRF checks, answered here for every path (ADR 0031).
//   node scripts/lib/app-server.mjs -p <port>        (NODE_ENV=production, after `next build`)
// Run by scripts/start.ts, one process or several (scripts/lib/app-cluster.mjs).
import http from "node:http";
import path from "node:path";
import next from "next";
import { markAppServer } from "../../lib/security/app-server-mark.mjs";
import { parseTrustedProxies, prepareClient, TrustedProxiesError } from "../../lib/security/client-address.mjs";
import { guardRequest, hstsHeader, prepareFormPost } from "../../lib/security/form-post.mjs";
import { publicOriginsOf, PublicUrlsError } from "../../lib/security/public-urls.mjs";
import { withResponseStatus } from "../../lib/security/response-status.mjs";
import { serve } from "./connection-dispatch.mjs";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const flag = process.argv.indexOf("-p");
const port = Number(flag >= 0 ? process.argv[flag + 1] : (process.env.PORT ?? 3000));
if (!Number.isInteger(port) || port <= 0) {
  console.error(`app-server: invalid port ${process.argv[flag + 1] ?? process.env.PORT}`);
  process.exit(1);
}

// Validated with the rest of the configuration by scripts/start.ts (lib/env.ts); read again here because
// this plain script runs before (and outside) the app's bundle.
let trusted;
try {
  trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES).list;
} catch (e) {
  if (!(e instanceof TrustedProxiesError)) throw e;
  console.error(`Invalid configuration: TRUSTED_PROXIES ${e.message}`);
  process.exit(1);
}
// The deployment's public addresses (AUTH_URL and PUBLIC_URLS, ADR 0047): posts are accepted from these.
let origins;
try {
  origins = publicOriginsOf(process.env.AUTH_URL, process.env.PUBLIC_URLS);
} catch (e) {
  if (!(e instanceof PublicUrlsError)) throw e;
  console.error(`Invalid configuration: PUBLIC_URLS ${e.message}`);
  process.exit(1);
}
const checks = { hsts: hstsHeader(process.env.AUTH_URL), origins };
// Tells the app that every request reaches it through this server, before Next.js loads: the mark that a
// production build needs to start at all (instrumentation.ts; a bare `next start` removes no forged mark),
// and for lib/env.ts (lib/rate-limit/rate-limit.ts) that this server sets the client's address: without it
// (`next dev`) no client can choose the address its limits are counted under.
markAppServer();
process.env.PADTRYMKA_APP_SERVER = "1";

// The name `next start` gives its process, so tools that look for the app's processes find it.
process.title = "next-server (padtrymka)";

const app = next({ dev: false, dir: ROOT, port });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((req, res) => {
  prepareClient(req, trusted);
  if (!guardRequest(req, res, checks)) return;
  prepareFormPost(req, res, origins);
  // A page that refuses ("No access") sets its status through this (lib/security/response-status.mjs).
  withResponseStatus(req, res, () => handle(req, res)).catch((err) => {
    console.error(`app-server: request for ${req.url} failed`, err);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
// On its own it listens on the port; started by scripts/lib/app-cluster.mjs it serves the connections the
// launcher hands it.
const stopServing = serve(server, port, () => console.log(`[app] process ${process.pid} ready on port ${port}`));

// Stop taking connections, let the requests in flight finish (at most 10 s), then exit.
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  stopServing(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
