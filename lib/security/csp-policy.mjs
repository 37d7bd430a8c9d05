// The one definition of the Content-Security-Policy, shared by next.config.mjs (API routes and files:
// no script at all) and the proxy (pages: scripts only with the response's nonce). Plain JavaScript so
// that next.config.mjs can import it; types in csp-policy.d.mts.
/** @param {string} scriptSrc */
export function policy(scriptSrc) {
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
    // The offline page's service worker (public/sw.js, docs/decisions/0046-sealed-applications.md): our own file only.
    "worker-src 'self'",
  ].join("; ");
}
