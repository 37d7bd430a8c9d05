// Liveness and readiness for a load balancer: the app answers, and the database answers a query.
import { connection } from "next/server";
import { checkDatabase } from "@/lib/health/check-database";
import pkg from "@/package.json";

export async function GET() {
  await connection();
  const database = await checkDatabase();
  const ok = database.status === "ok";
  return Response.json(
    { status: ok ? "ok" : "degraded", app: { status: "ok", version: pkg.version }, database },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
