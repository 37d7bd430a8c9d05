// Runs WEB_CONCURRENCY copies of the app server (scripts/lib/app-server.mjs) as one server: Node's cluster
// module shares the listening port between them (the primary hands each new connection to the next
// worker). Each worker is an ordinary stateless app node (docs/decisions/0019-submission-hot-path.md);
// everything shared lives in PostgreSQL, exactly as with several machines behind a load balancer.
//   node scripts/lib/app-cluster.mjs <count> <server script> -p <port>
// A worker that dies is replaced; SIGTERM/SIGINT stop every worker, then the primary.
import cluster from "node:cluster";

const [count, nextBin, ...args] = process.argv.slice(2);
const n = Math.max(1, Number(count) || 1);
let stopping = false;

cluster.setupPrimary({ exec: nextBin, args, execArgv: process.execArgv });
// Our own count of live workers: `cluster.workers` drops a worker only after both its exit and disconnect.
const live = new Set();
const fork = () => live.add(cluster.fork().id);
for (let i = 0; i < n; i++) fork();

cluster.on("exit", (worker, code, signal) => {
  live.delete(worker.id);
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
  if (live.size === 0) process.exit(0);
  for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
