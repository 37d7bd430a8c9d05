// CSRF defence for route handlers that change state or release data on POST (server actions get the same
// check from the proxy or the app server, and Next.js's own). The rule lives in form-post.mjs.
import { publicOrigins } from "@/lib/env";
import { sameOrigin } from "./form-post.mjs";

/** From one of the deployment's public addresses (AUTH_URL, PUBLIC_URLS), to that same address. */
export function isSameOrigin(req: Request): boolean {
  return sameOrigin((name) => req.headers.get(name), publicOrigins());
}
