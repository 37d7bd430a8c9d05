// The offline page's service worker (docs/decisions/0046-sealed-applications.md). Registered by that page
// with its own path as scope (/{locale}/apply/offline), so it controls nothing else. It keeps only:
//   - the page itself (which carries the open funds' questions and the intake public key), and
//   - the page's own assets under /_next/static/ (content-hashed, never change).
// The page: from the network when online (and the copy refreshed), from the cache when not. Nothing an
// applicant types is ever sent to or kept by this worker: the page seals in the browser.
const CACHE = "padtrymka-offline-v1";
const ASSET = /^\/_next\/static\//;

const scopePath = () => new URL(self.registration.scope).pathname.replace(/\/$/, "");

/** The page and every asset it names, fetched and stored together. */
async function keepPage(response) {
  const cache = await caches.open(CACHE);
  await cache.put(scopePath(), response.clone());
  const html = await response.text();
  // Named as /_next/static/… in tags, and as static/chunks/… in the page's inline payload (loaded later);
  // not the polyfills for browsers without modules (`noModule`: a browser that runs this worker skips them).
  const legacy = new Set([...html.matchAll(/<script src="([^"]+)" noModule/g)].map((m) => m[1]));
  const assets = [...new Set([...html.matchAll(/(?:\/_next\/)?static\/(?:chunks|css|media)\/[^"'\\\s),]+/g)].map((m) => `/_next/${m[0].replace(/^\/_next\//, "")}`))].filter((a) => !legacy.has(a));
  await Promise.all(
    assets.map(async (url) => {
      if (await cache.match(url)) return;
      const r = await fetch(url, { credentials: "same-origin" });
      if (r.ok) await cache.put(url, r);
    }),
  );
  // Assets of older builds are dropped once the fresh page no longer names them.
  const wanted = new Set(assets);
  for (const req of await cache.keys()) {
    const path = new URL(req.url).pathname;
    if (ASSET.test(path) && !wanted.has(path)) await cache.delete(req);
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    fetch(scopePath(), { credentials: "same-origin", cache: "no-store" })
      .then((r) => (r.ok ? keepPage(r) : undefined))
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
          if (r.ok) event.waitUntil(keepPage(r.clone()));
          return r;
        })
        .catch(async () => (await caches.match(scopePath())) ?? Response.error()),
    );
    return;
  }
  if (ASSET.test(url.pathname)) {
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
