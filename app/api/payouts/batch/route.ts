// GET /api/payouts/batch: approved bank transfers of the manager's funds as CSV for the bank (with
// decrypted account details), recorded in the audit log with an export code that every row carries.
import { rolesOf } from "@/lib/authz/actor";
import { currentActor } from "@/lib/authz/current-actor";
import { can } from "@/lib/authz/permissions";
import { exportPayoutBatch } from "@/lib/payouts/batch";

export async function GET() {
  const noStore = { "Cache-Control": "private, no-store" };
  const actor = await currentActor();
  if (!actor || !can(rolesOf(actor), "payout:release:org")) return new Response("Not found", { status: 404, headers: noStore });
  const { csv, exportCode } = await exportPayoutBatch(actor);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(`\uFEFF${csv}`, {
    headers: {
      ...noStore,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="padtrymka-payouts-${day}-${exportCode}.csv"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
