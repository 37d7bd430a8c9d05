// How the app processes of one machine share its port (docs/decisions/0024-least-connections-dispatch.md):
// the launcher (scripts/lib/app-cluster.mjs) accepts each connection and hands it to the app process that
// holds the fewest open connections; each app process serves the connections it is handed.
//
// Node's own cluster scheduler hands a connection to whichever process acknowledges the previous one
// first, so a process that is busy at that moment (a garbage collection, a burst of requests) gets fewer,
// and keep-alive connections (a browser's, a reverse proxy's upstream pool, a load test's) stay where they
// were put: with keep-alive clients the split between two processes swings from round to round, and the
// uneven rounds are the slow ones (figures in the ADR).

/** Launcher -> app process: this message carries a connection. */
export const CONNECTION = "padtrymka:connection";
/** App process -> launcher: ready for connections. */
export const READY = "padtrymka:ready";
/** App process -> launcher: one of the connections it was handed has closed. */
export const CLOSED = "padtrymka:closed";
/** Set by the launcher in the environment of the app processes it starts. */
export const DISPATCHED_ENV = "PADTRYMKA_DISPATCHED";

/**
 * The app process to hand the next connection to: the one with the fewest open connections; among
 * equals, the one handed a connection longest ago (so short-lived connections still alternate). Null
 * when none is ready.
 * @param {Map<number, { open: number, last: number }>} processes
 * @returns {number | null}
 */
export function leastConnections(processes) {
  let best = null;
  let bestState = null;
  for (const [id, s] of processes) {
    if (!bestState || s.open < bestState.open || (s.open === bestState.open && s.last < bestState.last)) {
      best = id;
      bestState = s;
    }
  }
  return best;
}

/**
 * The launcher's bookkeeping: which app processes are ready and how many connections each holds.
 * `send(id, socket, done)` hands a connection over; `done(err)` reports a failed hand-over (the process
 * went away meanwhile), and the connection then goes to another. Connections that arrive while no process
 * is ready (all of them being replaced) wait, paused, for the next one.
 * @param {(id: number, socket: import("node:net").Socket, done: (err: Error | null) => void) => void} send
 */
export function createDispatcher(send) {
  /** @type {Map<number, { open: number, last: number }>} */
  const processes = new Map();
  /** @type {import("node:net").Socket[]} */
  const waiting = [];
  let handed = 0;

  const hand = (socket) => {
    if (socket.destroyed) return;
    const id = leastConnections(processes);
    if (id === null) {
      waiting.push(socket);
      return;
    }
    const state = processes.get(id);
    state.open++;
    state.last = ++handed;
    send(id, socket, (err) => {
      if (!err) return;
      if (processes.get(id) === state) processes.delete(id);
      hand(socket);
    });
  };

  return {
    hand,
    ready(id) {
      processes.set(id, { open: 0, last: 0 });
      for (const socket of waiting.splice(0)) hand(socket);
    },
    closed(id) {
      const state = processes.get(id);
      if (state && state.open > 0) state.open--;
    },
    gone(id) {
      processes.delete(id);
    },
    /** Open connections per ready process (for tests and diagnostics). */
    counts: () => new Map([...processes].map(([id, s]) => [id, s.open])),
  };
}

/**
 * App process side: serve `server` on `port`, or — when started by the launcher — serve the connections
 * the launcher hands over, and tell it when one closes. `onReady` runs once connections can arrive.
 * Returns `stop(done)`: no new connections, the requests in flight finish (at most 10 s), then `done()`.
 * @param {import("node:http").Server} server
 * @param {number} port
 * @param {() => void} onReady
 * @returns {(done: () => void) => void}
 */
export function serve(server, port, onReady) {
  if (process.env[DISPATCHED_ENV] !== "1" || typeof process.send !== "function") {
    server.listen(port, onReady);
    return (done) => {
      server.close(() => done());
      server.closeIdleConnections();
      setTimeout(done, 10_000).unref();
    };
  }
  /** @type {Set<import("node:net").Socket>} */
  const open = new Set();
  let stopping = false;
  const tell = (message) => {
    if (process.connected) process.send?.(message);
  };
  process.on("message", (message, socket) => {
    if (message !== CONNECTION || !socket) return;
    if (stopping) {
      socket.destroy();
      tell(CLOSED);
      return;
    }
    open.add(socket);
    socket.once("close", () => {
      open.delete(socket);
      tell(CLOSED);
    });
    server.emit("connection", socket);
    socket.resume();
  });
  // Node's HTTP server starts tracking its connections — the header and request timeouts that close a
  // client sending its request too slowly, and closeIdleConnections() — when it starts listening. This one
  // never listens (its connections come from the launcher), so it is told it did (tested: a client that
  // never finishes its headers is answered 408 and closed, scripts/lib/app-cluster.test.ts).
  server.emit("listening");
  tell(READY);
  onReady();
  return (done) => {
    stopping = true;
    server.close(); // not listening: what matters is that it closes the idle connections and stops tracking
    const poll = setInterval(() => {
      server.closeIdleConnections();
      if (open.size === 0) finish();
    }, 50);
    const finish = () => {
      clearInterval(poll);
      done();
    };
    setTimeout(finish, 10_000).unref();
  };
}
