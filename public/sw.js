// The offline page's service worker (docs/decisions/0046-sealed-applications.md). Registered by that page
// with its own path as scope (/{locale}/apply/offline), so it controls nothing else. It keeps only:
//   - the page itself (which carries the open funds' questions and the intake public key), and
//   - the page's own assets under /_next/static/ (content-hashed, never change).
// The page: from the network when online (and the copy refreshed), from the cache when not. Nothing an
// applicant types is ever sent to or kept by this worker: the page seals in the browser.
const CACHE = "padtrymka-offline-v1";

const scopePath = () => new URL(self.registration.scope).pathname.replace(/\/$/, "");

// An asset name as Next.js makes them: one path segment, no "..", no escapes. The page's HTML also carries
// text written by fund managers (a fund's purpose): anything else that merely looks like a path is ignored,
// so nobody can make this worker fetch and keep another page of the site.
const ASSET_NAME = /^\/_next\/static\/(?:chunks|css|media)\/[A-Za-z0-9_-][A-Za-z0-9_.-]*\.(?:js|css|woff2)$/;

/** The static assets the page names (tags and inline payload), strictly checked; not the noModule polyfills. */
function assetsOf(html) {
  const legacy = new Set([...html.matchAll(/<script src="([^"]+)" noModule/g)].map((m) => m[1]));
  const named = [...html.matchAll(/(?:\/_next\/)?static\/(?:chunks|css|media)\/[A-Za-z0-9_.-]+/g)].map((m) => `/_next/${m[0].replace(/^\/_next\//, "")}`);
  return [...new Set(named)].filter((a) => ASSET_NAME.test(a) && !a.includes("..") && new URL(a, self.location.origin).pathname === a && !legacy.has(a));
}

/**
 * Fetches the page as a signed-out visitor (no cookies: the copy kept on the phone never carries an
 * account's name) and every asset it names, and stores them together; drops everything else.
 */
async function keepPage() {
  const response = await fetch(scopePath(), { credentials: "omit", cache: "no-store" });
  if (!response.ok) return;
  const cache = await caches.open(CACHE);
  const html = await response.clone().text();
  const assets = assetsOf(html);
  await cache.put(scopePath(), response);
  await Promise.all(
    assets.map(async (url) => {
      if (await cache.match(url)) return;
      const r = await fetch(url, { credentials: "omit" });
      if (r.ok) await cache.put(url, r);
    }),
  );
  // Only the page and the assets it names now: older builds' assets and anything else go.
  const wanted = new Set([scopePath(), ...assets]);
  for (const req of await cache.keys()) if (!wanted.has(new URL(req.url).pathname)) await cache.delete(req);
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    keepPage()
      .catch(() => {})
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith("padtrymka-offline-") && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.mode === "navigate" && url.pathname.replace(/\/$/, "") === scopePath()) {
    event.respondWith(
      fetch(req)
        .then((r) => {
          // Online: the copy on the phone is refreshed (signed out, see keepPage).
          if (r.ok) event.waitUntil(keepPage().catch(() => {}));
          return r;
        })
        .catch(async () => (await caches.match(scopePath())) ?? Response.error()),
    );
    return;
  }
  if (ASSET_NAME.test(url.pathname) && !url.pathname.includes("..")) {
    event.respondWith(
      caches.match(url.pathname).then(
        (hit) =>
          hit ??
          fetch(req).then(async (r) => {
            if (r.ok) await (await caches.open(CACHE)).put(url.pathname, r.clone());
            return r;
          }),
      ),
    );
  }
});
