import { describe, expect, it } from "vitest";
import {
  isOnionHost,
  linkOriginFor,
  originForHost,
  parsePublicUrls,
  publicOriginsOf,
  PublicUrlsError,
} from "@/lib/security/public-urls.mjs";

const ONION = "http://padtrymkaexampleonionaddressxxxxxxxxxxxxxxxxxxxxxxxx.onion";
const origins = publicOriginsOf("https://padtrymka.example", `https://mirror.example/, ${ONION}, http://127.0.0.1:3000`);

describe("PUBLIC_URLS", () => {
  it("reads comma-separated addresses as origins, without repeats", () => {
    expect(parsePublicUrls(" https://A.example/ ,http://b.example:8080,https://a.example")).toEqual([
      "https://a.example",
      "http://b.example:8080",
    ]);
    expect(parsePublicUrls("")).toEqual([]);
    expect(parsePublicUrls(undefined)).toEqual([]);
  });

  it.each([
    "padtrymka.example",
    "ftp://padtrymka.example",
    "https://padtrymka.example/path",
    "https://u:p@padtrymka.example",
    "https://padtrymka.example/?a=1",
    "javascript:alert(1)",
  ])("refuses %s", (raw) => {
    expect(() => parsePublicUrls(`https://ok.example,${raw}`)).toThrow(PublicUrlsError);
  });

  it("puts the primary (AUTH_URL) first", () => {
    expect(origins.list).toEqual(["https://padtrymka.example", "https://mirror.example", ONION, "http://127.0.0.1:3000"]);
    expect(publicOriginsOf(undefined, undefined).list).toEqual([]);
  });
});

describe("which address a request was addressed to", () => {
  it("is one of the configured addresses, matched by the Host header", () => {
    expect(originForHost("mirror.example", origins)).toBe("https://mirror.example");
    expect(originForHost("Mirror.Example.", origins)).toBe("https://mirror.example");
    expect(originForHost("mirror.example:443", origins)).toBe("https://mirror.example");
    expect(originForHost(new URL(ONION).host, origins)).toBe(ONION);
    expect(originForHost("127.0.0.1:3000", origins)).toBe("http://127.0.0.1:3000");
  });

  it("is never a host the configuration does not name (a flooder's Host header)", () => {
    for (const host of [
      "evil.example",
      "mirror.example.evil.example",
      "127.0.0.1:3001",
      "padtrymka.example@evil.example",
      "",
      null,
      undefined,
    ]) {
      expect(originForHost(host, origins), String(host)).toBeNull();
      // A link is then addressed to the primary, never to that host.
      expect(linkOriginFor(host, origins)).toBe("https://padtrymka.example");
    }
  });

  it("picks the scheme a trusted proxy reports when a host is configured with both", () => {
    const both = publicOriginsOf("https://padtrymka.example", "http://padtrymka.example");
    expect(originForHost("padtrymka.example", both)).toBe("https://padtrymka.example");
    expect(originForHost("padtrymka.example", both, "http")).toBe("http://padtrymka.example");
  });

  it("knows an onion host", () => {
    expect(isOnionHost(new URL(ONION).host)).toBe(true);
    expect(isOnionHost("abc.onion:8080")).toBe(true);
    expect(isOnionHost("onion.example")).toBe(false);
    expect(isOnionHost("padtrymka.example")).toBe(false);
  });
});
