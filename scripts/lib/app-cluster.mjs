// Runs WEB_CONCURRENCY copies of the app server (scripts/lib/app-server.mjs) as one server on one port.
// This launcher accepts the connections and hands each to the copy holding the fewest open connections
// (scripts/lib/connection-dispatch.mjs, docs/decisions/0024-least-connections-dispatch.md) instead of Node
// cluster's own scheduler, which favours whichever copy is idle at that instant. Each copy is an ordinary
// stateless app node (docs/decisions/0019-submission-hot-path.md); everything shared lives in PostgreSQL,
// exactly as with several machines behind a load balancer.
//   node scripts/lib/app-cluster.mjs <count> <server script> -p <port>
// A copy that dies is replaced; SIGTERM/SIGINT stop every copy, then the launcher.
import cluster from "node:cluster";
import net from "node:net";
import { CLOSED, CONNECTION, DISPATCHED_ENV, READY, createDispatcher } from "./connection-dispatch.mjs";

const [count, serverScript, ...args] = process.argv.slice(2);
const n = Math.max(1, Number(count) || 1);
const flag = args.indexOf("-p");
const port = Number(flag >= 0 ? args[flag + 1] : process.env.PORT);
if (!Number.isInteger(port) || port <= 0) {
  console.error(`app-cluster: invalid port ${flag >= 0 ? args[flag + 1] : process.env.PORT}`);
  process.exit(1);
}
let stopping = false;

const dispatcher = createDispatcher((id, socket, done) => {
  const worker = cluster.workers?.[id];
  if (!worker) return done(new Error("no such worker"));
  worker.send(CONNECTION, socket, (err) => done(err ?? null));
});
// Connections wait, paused, until a copy takes them over; the port opens once the first copy is ready.
const server = net.createServer({ pauseOnConnect: true }, (socket) => {
  // A client that resets while its connection waits here must not end the launcher (an 'error' event
  // without a listener would): the connection is simply dropped.
  socket.on("error", () => socket.destroy());
  dispatcher.hand(socket);
});
server.on("error", (err) => {
  console.error(`app-cluster: cannot listen on port ${port}: ${err.message}`);
  process.exit(1);
});
let listening = false;

cluster.setupPrimary({ exec: serverScript, args, execArgv: process.execArgv });
// Our own count of live workers: `cluster.workers` drops a worker only after both its exit and disconnect.
const live = new Set();
const fork = () => live.add(cluster.fork({ [DISPATCHED_ENV]: "1" }).id);
for (let i = 0; i < n; i++) fork();

cluster.on("message", (worker, message) => {
  if (message === READY) {
    dispatcher.ready(worker.id);
    if (!listening && !stopping) {
      listening = true;
      server.listen(port);
    }
  } else if (message === CLOSED) {
    dispatcher.closed(worker.id);
  }
});

cluster.on("exit", (worker, code, signal) => {
  live.delete(worker.id);
  dispatcher.gone(worker.id);
  if (stopping) {
    if (live.size === 0) process.exit(0);
    return;
  }
  console.error(`[app] worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
  fork();
});

const stop = () => {
  if (stopping) return;
  stopping = true;
  server.close();
  if (live.size === 0) process.exit(0);
  for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
