import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { keepOnThisAddress } from "@/lib/auth/public-links";
import { publicOrigins } from "@/lib/env";
import { isSameOrigin } from "@/lib/security/same-origin";

/** Following a magic link (and next-auth's other pages): redirects stay on the address it was opened on. */
export async function GET(req: NextRequest) {
  return keepOnThisAddress(await handlers.GET(req), publicOrigins());
}

/** Sign-in, sign-out and magic-link posts must come from our own pages (Auth.js's CSRF token, plus Origin). */
export async function POST(req: NextRequest) {
  if (!isSameOrigin(req))
    return new Response("Forbidden: this request did not come from this site.", { status: 403, headers: { "Cache-Control": "no-store" } });
  return keepOnThisAddress(await handlers.POST(req), publicOrigins());
}
