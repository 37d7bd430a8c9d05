// The public addresses of one deployment (mirrors): AUTH_URL, the primary, and PUBLIC_URLS, the others
// (another domain, an onion service). A request's Host names which of them the person used; only these are
// ever believed. A Host that is not one of them (a flooder can send any) is never echoed into a link or an
// e-mail and never makes an Origin acceptable (docs/decisions/0047-mirrors.md).
//
// Plain JavaScript so that the app server (scripts/lib/app-server.mjs) loads it without a build, like
// form-post.mjs; types in public-urls.d.mts. lib/env.ts validates the variables with it.

export class PublicUrlsError extends Error {}

const EXAMPLE = '(e.g. "https://padtrymka.example,http://examplexyz.onion")';

/**
 * One public address as an origin ("https://Padtrymka.example/" -> "https://padtrymka.example"); throws
 * PublicUrlsError for anything but a plain http(s) address without a path, query or credentials.
 * @param {string} raw
 * @returns {string}
 */
export function originOf(raw) {
  const wrong = () =>
    new PublicUrlsError(`must be a comma-separated list of http:// or https:// addresses without a path ${EXAMPLE}, got "${raw}"`);
  let url;
  try {
    url = new URL(raw.trim());
  } catch {
    throw wrong();
  }
  if (
    (url.protocol !== "http:" && url.protocol !== "https:") ||
    url.username ||
    url.password ||
    url.search ||
    url.hash ||
    (url.pathname !== "/" && url.pathname !== "")
  )
    throw wrong();
  return url.origin;
}

/**
 * PUBLIC_URLS: comma-separated addresses ("" or unset = none).
 * @param {string | undefined} raw
 * @returns {string[]} origins, in the order given, without repeats
 */
export function parsePublicUrls(raw) {
  const out = [];
  for (const entry of (raw ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const origin = originOf(entry);
    if (!out.includes(origin)) out.push(origin);
  }
  return out;
}

/**
 * Every public origin of the deployment, the primary (AUTH_URL) first. Empty when neither is set (a bare
 * `next dev` or a unit test): then the CSRF check falls back to "Origin names the request's own host".
 * @param {string | undefined} authUrl
 * @param {string | undefined} publicUrls
 * @returns {PublicOrigins}
 */
export function publicOriginsOf(authUrl, publicUrls) {
  const list = [];
  if (authUrl) list.push(new URL(authUrl).origin);
  for (const o of parsePublicUrls(publicUrls)) if (!list.includes(o)) list.push(o);
  /** @type {Map<string, string[]>} */
  const byHost = new Map();
  for (const o of list) {
    const host = new URL(o).host;
    byHost.set(host, [...(byHost.get(host) ?? []), o]);
  }
  return { list, byHost };
}

/**
 * A Host header as the URL API writes a host: lower case, no trailing dot, no default port.
 * @param {string | null | undefined} host
 * @returns {string}
 */
export function normalHost(host) {
  const h =
    (host ?? "")
      .split(",")[0]
      ?.trim()
      .toLowerCase()
      .replace(/\.(?=(:\d+)?$)/, "") ?? "";
  return h.replace(/:(80|443)$/, "");
}

/**
 * The configured origin a request was addressed to (its Host, or a trusted proxy's X-Forwarded-Host), or
 * null when the host is none of ours. With both http and https configured for one host, `proto` picks.
 * @param {string | null | undefined} host
 * @param {PublicOrigins} origins
 * @param {string | null | undefined} [proto] "http" or "https", from a trusted proxy
 * @returns {string | null}
 */
export function originForHost(host, origins, proto) {
  const candidates = origins.byHost.get(normalHost(host));
  if (!candidates) return null;
  const scheme = proto?.split(",")[0]?.trim().toLowerCase();
  return candidates.find((o) => o.startsWith(`${scheme}://`)) ?? candidates[0] ?? null;
}

/**
 * The origin to put into a link sent to someone who asked from `host`: that address when it is one of
 * ours, else the primary. Null only when nothing is configured.
 * @param {string | null | undefined} host
 * @param {PublicOrigins} origins
 * @param {string | null | undefined} [proto]
 * @returns {string | null}
 */
export function linkOriginFor(host, origins, proto) {
  return originForHost(host, origins, proto) ?? origins.list[0] ?? null;
}

/**
 * Whether a host is an onion service (Tor): no HSTS there (it is reached over plain http inside Tor,
 * which already authenticates and encrypts the connection).
 * @param {string | null | undefined} host
 */
export function isOnionHost(host) {
  return /\.onion(:\d+)?$/.test(normalHost(host));
}

/** @typedef {{ list: string[], byHost: Map<string, string[]> }} PublicOrigins */
