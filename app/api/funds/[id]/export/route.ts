// POST /api/funds/{id}/export (form: stage, personal, reason): the fund's cases as CSV for its fund
// managers; with personal fields only for the permission that allows it and a written reason. POST,
// not GET: it releases data and writes the access log, so it must come from our own page (Origin).
import { currentActor } from "@/lib/authz/current-actor";
import { isAppError } from "@/lib/errors";
import { exportFundCases, FundExportSchema } from "@/lib/reviews/export-cases";
import { isSameOrigin } from "@/lib/security/same-origin";
import { routing } from "@/lib/i18n/routing";

export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const noStore = { "Cache-Control": "private, no-store" };
  if (!isSameOrigin(req)) return new Response("Forbidden", { status: 403, headers: noStore });
  const actor = await currentActor();
  if (!actor) return new Response("Not found", { status: 404, headers: noStore });
  const form = await req.formData().catch(() => null);
  const parsed = FundExportSchema.safeParse(form ? Object.fromEntries(form) : {});
  const { id } = await ctx.params;
  if (!parsed.success) {
    // Back to the fund page, which says why in the reader's language.
    const locale = routing.locales.find((l) => l === form?.get("locale")) ?? routing.defaultLocale;
    const which = parsed.error.issues.some((i) => i.path[0] === "reason") ? "reason" : "form";
    return new Response(null, {
      status: 303,
      headers: { ...noStore, Location: `/${locale}/funds/${encodeURIComponent(id)}?exportError=${which}#export` },
    });
  }
  try {
    const { csv, exportCode } = await exportFundCases(actor, id, parsed.data);
    const day = new Date().toISOString().slice(0, 10);
    return new Response(`\uFEFF${csv}`, {
      headers: {
        ...noStore,
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="padtrymka-cases-${day}-${exportCode}.csv"`,
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (e) {
    if (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "FORBIDDEN"))
      return new Response("Not found", { status: 404, headers: noStore });
    throw e;
  }
}
