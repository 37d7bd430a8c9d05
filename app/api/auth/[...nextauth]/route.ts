import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { isSameOrigin } from "@/lib/security/same-origin";

export const { GET } = handlers;

/** Sign-in, sign-out and magic-link posts must come from our own pages (Auth.js's CSRF token, plus Origin). */
export async function POST(req: NextRequest) {
  if (!isSameOrigin(req)) return new Response("Forbidden: this request did not come from this site.", { status: 403, headers: { "Cache-Control": "no-store" } });
  return handlers.POST(req);
}
