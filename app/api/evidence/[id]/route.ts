// Evidence download: only to the applicant and to allowed staff, always as an attachment (never rendered
// by the browser), never cached.
import { currentActor } from "@/lib/authz/current-actor";
import { readEvidence } from "@/lib/evidence/evidence";
import { hitRateLimit, LIMITS } from "@/lib/rate-limit/rate-limit";
import { lockedFlag } from "@/lib/crypto/case-keys";
import { DecryptionError } from "@/lib/crypto/field-encryption";

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  const actor = await currentActor();
  const noStore = { "Cache-Control": "private, no-store" };
  if (!actor) return new Response("Not found", { status: 404, headers: noStore });
  const { count, minutes } = await hitRateLimit(LIMITS.downloadsAccount, actor.userId);
  if (count > LIMITS.downloadsAccount.max) {
    return new Response(`Too many downloads. Try again in ${minutes} min.`, {
      status: 429,
      headers: { ...noStore, "Retry-After": String(minutes * 60), "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  let file: Awaited<ReturnType<typeof readEvidence>>;
  try {
    file = await readEvidence(actor, id);
  } catch (e) {
    // Under the emergency lock no file can be decrypted: say so instead of failing.
    if (lockedFlag.value && e instanceof DecryptionError)
      return new Response("Personal data is locked by an administrator.", {
        status: 423,
        headers: { ...noStore, "Content-Type": "text/plain; charset=utf-8" },
      });
    throw e;
  }
  if (!file) return new Response("Not found", { status: 404, headers: noStore });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      ...noStore,
      "Content-Type": file.mimeType,
      "Content-Disposition": `attachment; filename="evidence${file.fileName.slice(file.fileName.lastIndexOf("."))}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
