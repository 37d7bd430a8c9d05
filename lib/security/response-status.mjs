// The HTTP status of a page that refuses (docs/decisions/0034-refusal-status-codes.md). A page of the App
// Router cannot set its status, and Next.js's own `forbidden()` answers 403 with an empty <body> in a
// production build (the "No access" text only in the script data, drawn by JavaScript): blank for anyone
// browsing without JavaScript. So a refusing page renders as usual (server-side, translated, with the
// site's navigation and quick exit) and asks for its status here; the app server (scripts/lib/app-server.mjs)
// applies it when the response's head is written.
//
// One AsyncLocalStorage per process (shared through globalThis by the app server and the app's bundle):
// the app server runs each request's handling in its own slot; a page writes the status into the slot of
// the request it is rendering. Without the app server (`next dev`) there is no slot and the page answers
// 200 as before. Plain JavaScript so that the app server loads it without a build; types in
// response-status.d.mts.
import { AsyncLocalStorage } from "node:async_hooks";

const KEY = Symbol.for("padtrymka.response-status");
/** @type {AsyncLocalStorage<{ status?: number }>} */
const slots = (globalThis[KEY] ??= new AsyncLocalStorage());

/**
 * Page side: this response's status is `status` (403 "No access", 404 "not found") instead of 200.
 * @param {number} status
 */
export function setResponseStatus(status) {
  const slot = slots.getStore();
  if (slot) slot.status = status;
}

/**
 * App server side: runs `handle` for a document request with a slot for its status; when Next.js writes the
 * head of a 200 response, a status the page asked for replaces it. A redirect or an error keeps its own.
 * Next.js's own data requests are left alone: a client-side navigation (it then loads the page as a
 * document) and a server action called by JavaScript (whose answer the page's script must read as a
 * success). A form posted without JavaScript is a document request.
 * @template T
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {() => T} handle
 * @returns {T}
 */
export function withResponseStatus(req, res, handle) {
  if (req.headers["rsc"] !== undefined || req.headers["next-action"] !== undefined) return handle();
  /** @type {{ status?: number }} */
  const slot = {};
  const writeHead = res.writeHead;
  // Node writes the head through writeHead, also implicitly on the first write.
  res.writeHead = /** @type {typeof res.writeHead} */ (
    function (statusCode, ...rest) {
      return writeHead.call(this, statusCode === 200 && slot.status ? slot.status : statusCode, ...rest);
    }
  );
  return slots.run(slot, handle);
}
