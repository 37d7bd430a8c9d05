// Whether this process is the app server (scripts/lib/app-server.mjs), the only front that removes the
// marks a client could forge to skip the proxy's checks (PREPARED_HEADER, CHECKED_HEADER in form-post.mjs)
// and sets the client's address (client-address.mjs). A production build refuses to start without it
// (instrumentation.ts): under a bare `next start` (a hosting platform's default) nothing removes the marks
// (docs/decisions/0022-form-posts-prepared-by-the-app-server.md, amended).
//
// The mark is in the process itself, on globalThis (shared by the app server and the app's bundle, as in
// response-status.mjs), set by the app server's code before Next.js loads: no request header, no
// environment variable, no `.env` file can set it. The app server also sets PADTRYMKA_APP_SERVER=1 in its
// own environment for lib/env.ts's readers (the client address, ADR 0030); in a production build the two
// agree, since a process without the mark never starts. Plain JavaScript so that the app server loads it
// without a build; types in app-server-mark.d.mts.

const KEY = Symbol.for("padtrymka.app-server");

/** The one line a production build logs when it refuses to start without the app server. */
export const WITHOUT_APP_SERVER =
  "Refusing to start: a production build of Padtrymka runs only behind its app server (`npm start`, scripts/lib/app-server.mjs), which removes the marks that would let a request skip the CSRF check; a bare `next start` does not (docs/decisions/0022-form-posts-prepared-by-the-app-server.md).";

/** The app server's part, before Next.js loads: marks this process. */
export function markAppServer() {
  globalThis[KEY] = true;
}

/** Whether `markAppServer` ran in this process. */
export function behindAppServer() {
  return globalThis[KEY] === true;
}

/**
 * Why this process must not serve, or null: a production build without the app server's mark. A
 * development server (`next dev`) runs without the app server and sends every request through the proxy.
 * @param {boolean} production whether this is a production build (instrumentation.ts passes
 *   `process.env.NODE_ENV === "production"`, which Next.js fixes when it compiles the build)
 * @returns {string | null}
 */
export function startRefusal(production) {
  return production && !behindAppServer() ? WITHOUT_APP_SERVER : null;
}

/**
 * instrumentation.ts's part, before anything else starts: logs the one line and ends the process when
 * `startRefusal` refuses (Node.js only: the edge runtime has no process to end).
 * @param {boolean} production
 */
export function refuseToStartWithoutAppServer(production) {
  const refusal = startRefusal(production);
  if (!refusal) return;
  console.error(refusal);
  process.exit(1);
}
