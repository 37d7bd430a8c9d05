// The signed mirror list as plain text, to post into channels and check with `npm run mirrors:verify`
// (docs/decisions/0047-mirrors.md).
import { currentMirrorList } from "@/lib/mirrors/mirrors";

export const dynamic = "force-dynamic";

export function GET() {
  const { signed } = currentMirrorList();
  const headers = {
    "Content-Type": "text/plain; charset=utf-8",
    "Cache-Control": "public, max-age=300",
    "X-Content-Type-Options": "nosniff",
  };
  if (!signed)
    return new Response("This deployment publishes no signed list of its addresses (MIRRORS_SIGNING_KEY is not set).\n", {
      status: 404,
      headers: { ...headers, "Cache-Control": "no-store" },
    });
  return new Response(signed.text, { headers });
}
