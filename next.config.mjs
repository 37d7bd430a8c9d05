import createNextIntlPlugin from "next-intl/plugin";
import { policy } from "./lib/security/csp-policy.mjs";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// No third-party origin anywhere: applicants are at risk if a page makes a request to someone else.
// Pages get a per-response nonce policy from proxy.ts (lib/security/csp.ts); this one covers everything
// the proxy does not see (API routes, static files) and allows no inline script at all.
const csp = policy("'self'");

// Every API path but the evidence route's.
const NOT_EVIDENCE = "(?!evidence(?:/|$)).*";

const securityHeaders = [
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  experimental: {
    // Evidence uploads are limited to 10 MB by the domain (with a translated reason); the transport limit
    // is higher so that an 11-25 MB file gets that reason instead of a bare error page. A sealed application
    // may be up to 30 MB (lib/sealed/format.ts), about 41 MB as pasted text: above that, the delivery's own
    // translated "larger than 30 MB" answers instead of a bare transport error.
    serverActions: { bodySizeLimit: "45mb" },
    proxyClientMaxBodySize: "45mb",
  },
  // A header set here wins over the same header from a route handler (Next.js keeps the first), so a route
  // with a policy of its own is left out of the general entries and gets its own entry instead.
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Pages get their policy (with a nonce) from proxy.ts; the rest gets this one.
      { source: `/api/:path(${NOT_EVIDENCE})`, headers: [{ key: "Content-Security-Policy", value: csp }] },
      { source: "/_next/:path*", headers: [{ key: "Content-Security-Policy", value: csp }] },
      // Signed-in pages must never be stored by a browser or a shared proxy.
      {
        source: "/:locale(be|ru|en)/:area(me|review|funds|payouts|pledges|provider|admin)/:rest*",
        headers: [{ key: "Cache-Control", value: "private, no-store" }],
      },
      { source: "/:locale(be|ru|en)/apply/:applicationId", headers: [{ key: "Cache-Control", value: "private, no-store" }] },
      { source: `/api/:path(${NOT_EVIDENCE})`, headers: [{ key: "Cache-Control", value: "no-store" }] },
      // Evidence files (app/api/evidence/[id]/route.ts sends the same): a hostile file can neither run nor
      // load anything, even if a browser were made to render it; never kept by a browser or a proxy.
      {
        source: "/api/evidence/:path*",
        headers: [
          { key: "Content-Security-Policy", value: "default-src 'none'; sandbox" },
          { key: "Cache-Control", value: "private, no-store" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
