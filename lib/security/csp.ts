// Pages: nothing from another origin, and scripts only with this response's nonce (Next.js puts it on
// its own scripts); no 'unsafe-inline' for scripts. The directives live in csp-policy.mjs, the page
// policy and its nonce in form-post.mjs (shared with the app server).
export { newNonce, pageCsp } from "./form-post.mjs";
