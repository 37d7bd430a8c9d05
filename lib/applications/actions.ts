"use server";
import { formAction } from "@/lib/actions/form-action";
import { lookupStatusByReference } from "@/lib/applications/queries";
import { StatusLookupSchema } from "@/lib/applications/schemas";
import { AppError } from "@/lib/errors";

export const lookupStatusAction = formAction("lookupStatus", StatusLookupSchema, async ({ code }) => {
  const found = await lookupStatusByReference(code);
  if (!found || found.status === "DRAFT") throw new AppError("NOT_FOUND", "no such code", undefined, "status.notFound");
  return { status: found.status, since: found.updatedAt.toISOString() };
});
