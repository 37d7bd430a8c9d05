// Evidence download: only to the applicant and to allowed staff, always as an attachment (never rendered
// by the browser), never cached.
import { currentActor } from "@/lib/authz/current-actor";
import { readEvidence } from "@/lib/evidence/evidence";

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  const actor = await currentActor();
  const noStore = { "Cache-Control": "private, no-store" };
  if (!actor) return new Response("Not found", { status: 404, headers: noStore });
  const file = await readEvidence(actor, id);
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
