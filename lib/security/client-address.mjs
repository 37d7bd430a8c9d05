// Who the client is, for every per-client limit (sign-in lockout, sign-ups, status lookups): the address
// of the TCP peer, unless that peer is a reverse proxy the operator declared in TRUSTED_PROXIES — then the
// right-most address of X-Forwarded-For that is not one of those proxies (the hop the nearest trusted
// proxy saw). Anything to the left of it was written by the client and proves nothing.
//
// The app server (scripts/lib/app-server.mjs) runs `prepareClient` on every request before Next.js sees it:
// it removes a client's copy of CLIENT_HEADER and sets it, and drops the X-Forwarded-* headers unless they
// came from a trusted proxy (Next.js then sets them from the socket and the Host header itself).
// lib/rate-limit/rate-limit.ts `clientAddress()` reads only CLIENT_HEADER (docs/decisions/0030-client-
// address-from-the-socket.md). Plain JavaScript so that the app server loads it without a build; types in
// client-address.d.mts.
import net from "node:net";

/** Set by the app server on every request; a client's own copy is always removed. */
export const CLIENT_HEADER = "x-padtrymka-client";

// Headers a proxy uses to describe the original request; believed only from a trusted proxy.
const FORWARDING = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

// A proxy chain longer than this is not ours: the walk stops there (bounded work per request).
const MAX_HOPS = 20;

export class TrustedProxiesError extends Error {}

/**
 * Parses TRUSTED_PROXIES: a comma-separated list of IPv4/IPv6 addresses and CIDR ranges ("" = none).
 * Throws TrustedProxiesError naming the first entry that is neither.
 * @param {string | undefined} raw
 * @returns {{ list: net.BlockList, entries: string[] }}
 */
export function parseTrustedProxies(raw) {
  const list = new net.BlockList();
  const entries = (raw ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address = "", prefix, extra] = entry.split("/");
    const family = net.isIP(address);
    const bits = family === 4 ? 32 : 128;
    const wrong = () =>
      new TrustedProxiesError(
        `must be a comma-separated list of IP addresses or CIDR ranges (e.g. "10.0.0.5,192.168.0.0/24,fd00::/8"), got "${entry}"`,
      );
    if (!family || extra !== undefined) throw wrong();
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) {
      list.addAddress(address, type);
      continue;
    }
    if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > bits) throw wrong();
    list.addSubnet(address, Number(prefix), type);
  }
  return { list, entries };
}

/**
 * One address in canonical form ("::ffff:1.2.3.4" -> "1.2.3.4", "[2001:DB8::1]" -> "2001:db8::1"; an IPv4
 * address with a port, as some proxies write it, loses the port), or null if it is not an IP address.
 * @param {string | undefined | null} raw
 * @returns {string | null}
 */
export function canonicalAddress(raw) {
  let s = (raw ?? "").trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracketed) s = bracketed[1] ?? "";
  else if (/^[\d.]+:\d+$/.test(s)) s = s.slice(0, s.lastIndexOf(":"));
  s = s.replace(/%.*$/, ""); // an IPv6 zone names an interface of the sender, not a client
  const family = net.isIP(s);
  if (!family) return null;
  const address = new net.SocketAddress({ address: s, family: family === 4 ? "ipv4" : "ipv6" }).address;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? (mapped[1] ?? null) : address;
}

/** @param {string} address canonical @param {net.BlockList} trusted */
const isTrusted = (address, trusted) => trusted.check(address, net.isIP(address) === 4 ? "ipv4" : "ipv6");

/**
 * The client's address: the socket peer, or — when the peer is a trusted proxy — the right-most hop of
 * X-Forwarded-For that is not trusted. If every hop is trusted, the left-most one (a request that started
 * inside the proxies' own network). A hop that is not an address ends the walk at the last address a
 * trusted proxy vouched for. "unknown" only when the socket has no address (it has closed).
 * @param {string | undefined | null} peer req.socket.remoteAddress
 * @param {string | undefined | null} forwardedFor X-Forwarded-For as received (several headers joined by ", ")
 * @param {net.BlockList} trusted
 * @returns {string}
 */
export function clientAddressOf(peer, forwardedFor, trusted) {
  let client = canonicalAddress(peer);
  if (!client) return "unknown";
  if (!isTrusted(client, trusted)) return client;
  const hops = (forwardedFor ?? "").split(",").slice(-MAX_HOPS);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = canonicalAddress(hops[i]);
    if (!hop) return client;
    client = hop;
    if (!isTrusted(hop, trusted)) return hop;
  }
  return client;
}

/**
 * What the per-client limits count: an IPv4 address as it is; an IPv6 address by its /64, because one
 * subscriber (a home, a phone, a rented server) gets a whole /64 and could otherwise take a fresh address
 * for every attempt.
 * @param {string} address canonical, or "unknown"
 * @returns {string}
 */
export function clientSubject(address) {
  if (net.isIP(address) !== 6) return address;
  // An embedded IPv4 tail ("64:ff9b::1.2.3.4") fills the last two groups.
  const groupsOf = (part) => (part ? part.split(":").flatMap((g) => (g.includes(".") ? ["v4", "v4"] : [g])) : []);
  const [head = "", tail = ""] = address.split("::");
  const left = groupsOf(head);
  const right = groupsOf(tail);
  const groups = address.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/**
 * The app server's part, on Node's own request: removes the client's CLIENT_HEADER and sets it; removes the
 * forwarding headers unless the peer is a trusted proxy (so X-Forwarded-Host and -Proto, which the CSRF
 * check and Next.js read, are the proxy's or Next.js's own, never a client's). Returns the address.
 * @param {import("node:http").IncomingMessage} req
 * @param {net.BlockList} trusted
 */
export function prepareClient(req, trusted) {
  const peer = req.socket?.remoteAddress;
  const xff = req.headers["x-forwarded-for"];
  const address = clientAddressOf(peer, Array.isArray(xff) ? xff.join(", ") : xff, trusted);
  const peerAddress = canonicalAddress(peer);
  if (!peerAddress || !isTrusted(peerAddress, trusted)) for (const h of FORWARDING) delete req.headers[h];
  req.headers[CLIENT_HEADER] = address;
  return address;
}
