// GET /api/review/export?<queue filters>: the filtered review queue as CSV (recorded in the audit log).
import { currentActor } from "@/lib/authz/current-actor";
import { can } from "@/lib/authz/permissions";
import { rolesOf } from "@/lib/authz/actor";
import { exportQueue } from "@/lib/reviews/export-queue";
import { QueueFilterSchema } from "@/lib/reviews/queue";

export async function GET(req: Request) {
  const noStore = { "Cache-Control": "private, no-store" };
  const actor = await currentActor();
  if (!actor || !can(rolesOf(actor), "review:queue:org")) return new Response("Not found", { status: 404, headers: noStore });
  const parsed = QueueFilterSchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) return new Response("Invalid filter", { status: 400, headers: noStore });
  const { csv } = await exportQueue(actor, parsed.data);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(`\uFEFF${csv}`, {
    headers: {
      ...noStore,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="padtrymka-queue-${day}.csv"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
