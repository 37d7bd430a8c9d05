import type { IncomingMessage } from "node:http";
import net from "node:net";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  canonicalAddress,
  CLIENT_HEADER,
  clientAddressOf,
  clientSubject,
  parseTrustedProxies,
  prepareClient,
  TrustedProxiesError,
} from "@/lib/security/client-address.mjs";

const NONE = parseTrustedProxies("").list;
const PROXIES = parseTrustedProxies("10.0.0.0/8, fd00::/8, 192.0.2.7").list;

const octet = fc.integer({ min: 0, max: 255 });
/** An address of one of PROXIES (the operator's nginx, load balancers). */
const proxy = fc.oneof(
  fc.tuple(octet, octet, octet).map(([a, b, c]) => `10.${a}.${b}.${c}`),
  fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 6, maxLength: 6 }).map(
    (g) =>
      `fd${(g[0]! & 0xff).toString(16).padStart(2, "0")}:${g
        .slice(1)
        .map((x) => x.toString(16))
        .join(":")}::1`,
  ),
  fc.constant("192.0.2.7"),
);
/** A client somewhere on the internet (never one of PROXIES). */
const client = fc.oneof(fc.ipV4(), fc.ipV6()).filter((a) => {
  const c = canonicalAddress(a);
  return c !== null && !PROXIES.check(c, net.isIP(c) === 4 ? "ipv4" : "ipv6");
});
/** Whatever a client writes into X-Forwarded-For itself: addresses (someone else's too), garbage, commas. */
const forged = fc
  .array(fc.oneof(fc.ipV4(), fc.ipV6(), proxy, fc.string({ maxLength: 30 }), fc.constant("unknown")), { maxLength: 6 })
  .map((hops) => hops.join(", "));

describe("clientAddressOf: whom the per-client limits count", () => {
  it("is the socket's peer when the peer is not a declared proxy, whatever X-Forwarded-For says", () => {
    fc.assert(
      fc.property(client, fc.option(forged, { nil: undefined }), fc.boolean(), (peer, xff, declared) => {
        expect(clientAddressOf(peer, xff, declared ? PROXIES : NONE)).toBe(canonicalAddress(peer));
      }),
    );
  });

  it("behind declared proxies, is the hop the nearest one saw: the right-most untrusted hop; what the client wrote to its left never counts", () => {
    fc.assert(
      fc.property(forged, client, fc.array(proxy, { minLength: 1, maxLength: 4 }), (written, real, chain) => {
        // The client sends `written`; the first proxy appends the client's address; each further proxy
        // appends the address of the one before it; the app's socket peer is the last proxy.
        const hops = [...(written ? [written] : []), real, ...chain.slice(0, -1)].join(", ");
        expect(clientAddressOf(chain.at(-1), hops, PROXIES)).toBe(canonicalAddress(real));
      }),
    );
  });

  it("also when the proxy sends several X-Forwarded-For headers (Node joins them with a comma)", () => {
    expect(clientAddressOf("10.0.0.1", ["6.6.6.6", "203.0.113.9"].join(", "), PROXIES)).toBe("203.0.113.9");
  });

  it("is the left-most hop when every hop is a declared proxy (a request from inside)", () => {
    expect(clientAddressOf("10.0.0.1", "10.0.0.9, 192.0.2.7", PROXIES)).toBe("10.0.0.9");
    expect(clientAddressOf("10.0.0.1", undefined, PROXIES)).toBe("10.0.0.1");
    expect(clientAddressOf("10.0.0.1", "", PROXIES)).toBe("10.0.0.1");
  });

  it("stops at the last address a declared proxy vouched for when a hop is not an address", () => {
    expect(clientAddressOf("10.0.0.1", "203.0.113.9, garbage, 10.0.0.2", PROXIES)).toBe("10.0.0.2");
    expect(clientAddressOf("10.0.0.1", "203.0.113.9, garbage", PROXIES)).toBe("10.0.0.1");
  });

  it("reads the forms proxies and sockets write: IPv4-mapped, bracketed, with a port, upper case", () => {
    expect(clientAddressOf("::ffff:127.0.0.5", "1.2.3.4", NONE)).toBe("127.0.0.5");
    expect(clientAddressOf("::ffff:10.0.0.1", "[2001:DB8::5]:4431", PROXIES)).toBe("2001:db8::5");
    expect(clientAddressOf("10.0.0.1", "203.0.113.9:51234", PROXIES)).toBe("203.0.113.9");
    expect(clientAddressOf(undefined, "203.0.113.9", PROXIES)).toBe("unknown");
  });
});

describe("canonicalAddress", () => {
  it("gives one spelling per address, and null for anything else", () => {
    expect(canonicalAddress("2001:0DB8:0000::0001")).toBe("2001:db8::1");
    expect(canonicalAddress("::FFFF:203.0.113.9")).toBe("203.0.113.9");
    expect(canonicalAddress(" 203.0.113.9 ")).toBe("203.0.113.9");
    expect(canonicalAddress("fe80::1%eth0")).toBe("fe80::1");
    for (const bad of ["", "unknown", "203.0.113", "203.0.113.256", "01.2.3.4", "example.org", "1.2.3.4/24", null, undefined])
      expect(canonicalAddress(bad)).toBeNull();
  });
});

describe("clientSubject: what a limit counts", () => {
  it("counts an IPv4 client by its address", () => {
    fc.assert(
      fc.property(fc.ipV4(), (a) => {
        expect(clientSubject(canonicalAddress(a)!)).toBe(canonicalAddress(a));
      }),
    );
  });

  it("counts an IPv6 client by its /64: every address of one /64 is one client, two /64s are two", () => {
    const group = fc.integer({ min: 0, max: 0xffff });
    const prefix = fc.array(group, { minLength: 4, maxLength: 4 }).filter((g) => g[0] !== 0 && !(g[0] === 0xffff));
    const suffix = fc.array(group, { minLength: 4, maxLength: 4 });
    const address = (p: number[], s: number[]) => canonicalAddress([...p, ...s].map((x) => x.toString(16)).join(":"))!;
    fc.assert(
      fc.property(prefix, suffix, suffix, prefix, (p, s1, s2, q) => {
        expect(clientSubject(address(p, s1))).toBe(clientSubject(address(p, s2)));
        expect(clientSubject(address(p, s1))).toMatch(/^[0-9a-f]{1,4}(:[0-9a-f]{1,4}){3}::\/64$/);
        if (p.join() !== q.join()) expect(clientSubject(address(p, s1))).not.toBe(clientSubject(address(q, s1)));
      }),
    );
    expect(clientSubject("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(clientSubject("64:ff9b::1.2.3.4")).toBe("64:ff9b:0:0::/64");
    expect(clientSubject("unknown")).toBe("unknown");
  });
});

describe("parseTrustedProxies (TRUSTED_PROXIES)", () => {
  it("takes addresses and CIDR ranges of both families, empty for none", () => {
    const { list, entries } = parseTrustedProxies(" 10.0.0.5, 192.168.0.0/24 ,fd00::/8,::1,");
    expect(entries).toEqual(["10.0.0.5", "192.168.0.0/24", "fd00::/8", "::1"]);
    expect(list.check("192.168.0.77", "ipv4")).toBe(true);
    expect(list.check("192.168.1.1", "ipv4")).toBe(false);
    expect(list.check("fd12::1", "ipv6")).toBe(true);
    expect(parseTrustedProxies(undefined).entries).toEqual([]);
  });

  it.each(["nginx", "10.0.0.0/33", "fd00::/129", "10.0.0.0/-1", "10.0.0.0/8/8", "10.0.0.0/", "10.0.0.0/ 8", "*"])(
    "refuses %j, naming it",
    (bad) => {
      expect(() => parseTrustedProxies(`10.0.0.1,${bad}`)).toThrow(TrustedProxiesError);
      expect(() => parseTrustedProxies(`10.0.0.1,${bad}`)).toThrow(`got "${bad.trim()}"`);
    },
  );
});

describe("prepareClient: the app server's part", () => {
  const request = (remoteAddress: string | undefined, headers: Record<string, string>) =>
    ({ socket: { remoteAddress }, headers: { host: "localhost:3000", ...headers } }) as unknown as IncomingMessage;
  const forwarding = {
    "x-forwarded-for": "198.51.100.1",
    "x-forwarded-host": "evil.example",
    "x-forwarded-proto": "https",
    "x-forwarded-port": "443",
    "x-real-ip": "198.51.100.2",
    forwarded: "for=198.51.100.3",
  };

  it("replaces a client's own client header and drops every forwarding header it sent", () => {
    const req = request("::ffff:203.0.113.9", { ...forwarding, [CLIENT_HEADER]: "198.51.100.4" });
    expect(prepareClient(req, PROXIES)).toBe("203.0.113.9");
    expect(req.headers[CLIENT_HEADER]).toBe("203.0.113.9");
    for (const h of Object.keys(forwarding)) expect(req.headers[h], h).toBeUndefined();
    expect(req.headers.host).toBe("localhost:3000");
  });

  it("keeps what a declared proxy forwarded, and takes the client from it", () => {
    const req = request("10.0.0.1", { ...forwarding, "x-forwarded-for": "6.6.6.6, 203.0.113.9", [CLIENT_HEADER]: "6.6.6.6" });
    expect(prepareClient(req, PROXIES)).toBe("203.0.113.9");
    expect(req.headers[CLIENT_HEADER]).toBe("203.0.113.9");
    expect(req.headers["x-forwarded-host"]).toBe("evil.example");
    expect(req.headers["x-forwarded-proto"]).toBe("https");
  });
});
